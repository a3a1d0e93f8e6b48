/**
 * CSV exports (RFC 4180, formula-safe; see `csv.ts` and README.md): the effective-access table, one row
 * per principal × resource × action, and the findings table.
 */
import { expandActions } from '../../analysis/grants';
import type { AccessGraph, EffectiveAccessEdge, Finding, GraphNode } from '../../analysis/types';
import { parseArn } from '../../model/ids';
import { toCsv } from './csv';
import { conditionsText, LIST_SEPARATOR, pathText, statementsText, viaText } from './exportText';

/** The tables `exportCsv` writes. */
export const CSV_TABLES = ['access', 'findings'] as const;
/** One CSV table. */
export type CsvTable = (typeof CSV_TABLES)[number];

/** Columns of the effective-access table, in order. */
export const ACCESS_COLUMNS = [
  'principal',
  'principal_kind',
  'principal_account',
  'resource',
  'evaluated_resource',
  'resource_account',
  'action',
  'access_level',
  'decision',
  'conditions',
  'via',
  'granted_by',
] as const;

/** Columns of the findings table, in order. */
export const FINDING_COLUMNS = ['severity', 'code', 'subject', 'message', 'policy', 'statement', 'path'] as const;

function accountOf(node: GraphNode | undefined, id: string): string {
  return node?.account ?? parseArn(id)?.account ?? '';
}

function accessRows(graph: AccessGraph, edge: EffectiveAccessEdge, nodes: ReadonlyMap<string, GraphNode>): string[][] {
  const principal = nodes.get(edge.source);
  const resource = nodes.get(edge.target);
  return expandActions(edge, graph.actionLevels).map((access) => [
    edge.source,
    principal?.kind ?? '',
    accountOf(principal, edge.source),
    edge.target,
    access.resource ?? '',
    accountOf(resource, edge.target),
    access.action,
    access.levels.join(LIST_SEPARATOR),
    access.decision,
    conditionsText(access.conditions),
    viaText(access.via),
    statementsText(access.statements),
  ]);
}

function findingRow(finding: Finding): string[] {
  const statement = finding.statement;
  return [
    finding.severity,
    finding.code,
    finding.subject,
    finding.message,
    finding.policy === undefined ? '' : `${finding.policy.kind} ${finding.policy.name}`,
    statement === undefined ? '' : `${statement.index}${statement.sid === undefined ? '' : ` (${statement.sid})`}`,
    pathText(finding.path),
  ];
}

/**
 * One CSV table as a string: `access` (default) lists every allowed or conditional action of every
 * effective-access edge, in edge then action order; `findings` lists `findings` in the order given.
 */
export function exportCsv(graph: AccessGraph, findings: readonly Finding[] = graph.findings, table: CsvTable = 'access'): string {
  switch (table) {
    case 'access': {
      const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
      const rows = graph.edges.flatMap((edge) => (edge.kind === 'effective-access' ? accessRows(graph, edge, nodes) : []));
      return toCsv(ACCESS_COLUMNS, rows);
    }
    case 'findings':
      return toCsv(FINDING_COLUMNS, findings.map(findingRow));
  }
}
