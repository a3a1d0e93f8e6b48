/**
 * The JSON report (`accessgraph-report/v1`, documented in README.md): the access graph as analysis computed
 * it, wrapped with a format tag and a summary so that a reader can check what it holds before walking it.
 */
import { EDGE_KINDS, FINDING_SEVERITIES, NODE_KINDS, type ACCESS_GRAPH_VERSION } from '../../analysis/types';
import type { AccessGraph, AnalysisStats, EdgeKind, Finding, FindingSeverity, GraphEdge, GraphNode, NodeKind, Reachability } from '../../analysis/types';
import type { AccessLevel } from '../../catalog/vocabulary';

/** The report format tag; a later incompatible shape gets a new tag and this one keeps being written on request. */
export const REPORT_FORMAT = 'accessgraph-report/v1' as const;

/** Counts that let a reader check a report at a glance. */
export interface ReportSummary {
  /** Nodes per kind (every kind present, zero when absent). */
  readonly nodes: Readonly<Record<NodeKind, number>>;
  /** Edges per kind. */
  readonly edges: Readonly<Record<EdgeKind, number>>;
  /** Findings of the report per severity. */
  readonly findings: Readonly<Record<FindingSeverity, number>>;
  /** Principal × resource × action triples of the effective-access edges, per decision. */
  readonly actions: { readonly allowed: number; readonly conditional: number };
}

/** The whole report. Values that are unknown are left out (JSON has no `undefined`). */
export interface ReportV1 {
  readonly format: typeof REPORT_FORMAT;
  /** The `AccessGraph` shape version `nodes`, `edges`, `reachability` and `actionLevels` follow. */
  readonly graphVersion: typeof ACCESS_GRAPH_VERSION;
  /** The scenario title, when the caller gives one. */
  readonly title?: string;
  /** When the report was made (ISO 8601), when the caller gives it: exporters read no clock. */
  readonly generatedAt?: string;
  readonly summary: ReportSummary;
  /** Sorted by id. */
  readonly nodes: readonly GraphNode[];
  /** Sorted by id. */
  readonly edges: readonly GraphEdge[];
  /** The findings reported (all of the graph's unless the caller filtered them), in the order given. */
  readonly findings: readonly Finding[];
  readonly reachability: Reachability;
  /** Access levels of every action the effective-access grants name. */
  readonly actionLevels: Readonly<Record<string, readonly AccessLevel[]>>;
  readonly stats: AnalysisStats;
}

/** What the caller may add to a report. */
export interface ReportOptions {
  readonly title?: string;
  readonly generatedAt?: string;
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  // INVARIANT: the entries name every key of `keys`, so the record is complete.
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

/** The summary of a graph and the findings reported with it. */
export function reportSummary(graph: AccessGraph, findings: readonly Finding[]): ReportSummary {
  const actions = { allowed: 0, conditional: 0 };
  for (const edge of graph.edges) {
    if (edge.kind !== 'effective-access') continue;
    for (const grant of edge.grants) actions[grant.decision] += grant.actions.length;
  }
  return {
    nodes: countBy(NODE_KINDS, graph.nodes.map((node) => node.kind)),
    edges: countBy(EDGE_KINDS, graph.edges.map((edge) => edge.kind)),
    findings: countBy(FINDING_SEVERITIES, findings.map((finding) => finding.severity)),
    actions,
  };
}

/** The report as an object (for callers that embed it). */
export function buildReport(graph: AccessGraph, findings: readonly Finding[] = graph.findings, options: ReportOptions = {}): ReportV1 {
  return {
    format: REPORT_FORMAT,
    graphVersion: graph.version,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    summary: reportSummary(graph, findings),
    nodes: graph.nodes,
    edges: graph.edges,
    findings,
    reachability: graph.reachability,
    actionLevels: graph.actionLevels,
    stats: graph.stats,
  };
}

/** The report as JSON text: two-space indentation, a final newline, keys in a fixed order. */
export function exportJson(graph: AccessGraph, findings: readonly Finding[] = graph.findings, options: ReportOptions = {}): string {
  return `${JSON.stringify(buildReport(graph, findings, options), null, 2)}\n`;
}
