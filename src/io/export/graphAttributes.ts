/**
 * The attributes the graph exporters (GraphML, Cypher) give each node and edge: one definition, so both
 * formats carry the same facts under the same names (README.md lists them).
 */
import type { Finding, GraphEdge, GraphNode } from '../../analysis/types';
import { FINDING_SEVERITIES } from '../../analysis/types';
import { conditionText, pathText, statementText } from './exportText';

/** Attribute value types: `list` is a list of strings (Cypher keeps it, GraphML joins it). */
export type AttributeType = 'string' | 'boolean' | 'int' | 'list';

/** An attribute value; `undefined` means absent. */
export type AttributeValue = string | number | boolean | readonly string[] | undefined;

/** Node attributes, in order, with their types. */
export const NODE_ATTRIBUTES = [
  ['id', 'string'],
  ['kind', 'string'],
  ['label', 'string'],
  ['parent', 'string'],
  ['account', 'string'],
  ['partition', 'string'],
  ['flags', 'list'],
  ['external', 'boolean'],
  ['resourceTypes', 'list'],
  ['path', 'string'],
  ['findings', 'list'],
  ['findingCount', 'int'],
  ['worstSeverity', 'string'],
] as const satisfies readonly (readonly [string, AttributeType])[];

/** Edge attributes, in order, with their types. */
export const EDGE_ATTRIBUTES = [
  ['id', 'string'],
  ['kind', 'string'],
  ['decision', 'string'],
  ['action', 'string'],
  ['actions', 'list'],
  ['allowedActions', 'list'],
  ['conditionalActions', 'list'],
  ['levels', 'list'],
  ['indirect', 'boolean'],
  ['chained', 'boolean'],
  ['constrained', 'boolean'],
  ['conditions', 'list'],
  ['statements', 'list'],
  ['blockedBy', 'string'],
  ['share', 'string'],
  ['role', 'string'],
  ['status', 'string'],
  ['issue', 'string'],
  ['principal', 'string'],
] as const satisfies readonly (readonly [string, AttributeType])[];

/** The name of a node attribute. */
export type NodeAttribute = (typeof NODE_ATTRIBUTES)[number][0];
/** The name of an edge attribute. */
export type EdgeAttribute = (typeof EDGE_ATTRIBUTES)[number][0];

/** Findings by subject id, in the order given. */
export function findingsBySubject(findings: readonly Finding[]): ReadonlyMap<string, readonly Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = out.get(finding.subject);
    if (list === undefined) out.set(finding.subject, [finding]);
    else list.push(finding);
  }
  return out;
}

/** A node's attributes; `findings` are those whose subject is the node. */
export function nodeAttributes(node: GraphNode, findings: readonly Finding[]): Readonly<Record<NodeAttribute, AttributeValue>> {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    parent: node.parent,
    account: node.account,
    partition: node.partition,
    flags: node.flags,
    external: node.flags.includes('external'),
    resourceTypes: node.resourceTypes,
    path: pathText(node.path) || undefined,
    findings: [...new Set(findings.map((f) => f.code))],
    findingCount: findings.length,
    worstSeverity: FINDING_SEVERITIES.find((severity) => findings.some((f) => f.severity === severity)),
  };
}

function accessAttributes(edge: Extract<GraphEdge, { kind: 'effective-access' }>): Partial<Record<EdgeAttribute, AttributeValue>> {
  const actions = (decision: 'allowed' | 'conditional'): string[] => [...new Set(edge.grants.flatMap((g) => (g.decision === decision ? g.actions : [])))].sort();
  return {
    decision: edge.decision,
    actions: [...new Set(edge.grants.flatMap((g) => g.actions))].sort(),
    allowedActions: actions('allowed'),
    conditionalActions: actions('conditional'),
    levels: edge.levels.map((l) => `${l.level} ${l.allowed + l.conditional}/${l.total}`),
    indirect: edge.indirect,
  };
}

/** An edge's attributes: the ones its kind has, the others absent. */
export function edgeAttributes(edge: GraphEdge): Partial<Record<EdgeAttribute, AttributeValue>> {
  const base = { id: edge.id, kind: edge.kind };
  switch (edge.kind) {
    case 'member-of':
      return base;
    case 'can-assume': {
      const b = edge.blockedBy;
      const blockedBy = b === undefined ? undefined : `${b.reason} at ${b.step}${b.level === undefined ? '' : ` (${b.level})`}`;
      return { ...base, decision: edge.decision, action: edge.action, chained: edge.chained, conditions: edge.conditions.map(conditionText), statements: edge.statements.map(statementText), blockedBy };
    }
    case 'grants':
      return { ...base, actions: edge.actions, constrained: edge.constrained, statements: edge.statements.map(statementText), conditions: edge.conditions.map((c) => `${c.operator} ${c.key} ${JSON.stringify(c.values)}`) };
    case 'shares':
      return { ...base, share: edge.share, role: edge.role, status: edge.status, issue: edge.issue, principal: edge.principal };
    case 'effective-access':
      return { ...base, ...accessAttributes(edge) };
  }
}

