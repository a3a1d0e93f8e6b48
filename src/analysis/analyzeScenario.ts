/**
 * The analysis pipeline: scenario → `AccessGraph`, phase by phase. Written as a generator that yields
 * progress between work units, so that the worker can report progress and honour cancellation while
 * the CLI and tests simply drain it (`runAnalysis`). Pure: no timers, no I/O.
 */
import type { Catalog } from '../catalog/Catalog';
import type { PolicyDocument } from '../model/policy';
import type { Scenario } from '../model/types';
import { buildNodes } from './buildNodes';
import type { AnalysisEngine } from './engineApi';
import { compareFindings } from './findingMessages';
import type { Finding } from './findingTypes';
import { compareStrings, sortedBy } from './order';
import { policySites } from './policySites';
import { shareEdges } from './ramShares';
import { indexScenario, type ScenarioIndex } from './scenarioIndex';
import { grantsEdges, memberOfEdges } from './staticEdges';
import { staticFindings } from './findings/staticFindings';
import { ACCESS_GRAPH_VERSION, EDGE_KINDS, type AccessGraph, type AnalysisProgress, type EdgeKind, type GraphEdge, type GraphNode } from './types';

/** What analysis runs against. Without an engine, only the static graph is built (no evaluations). */
export interface AnalysisEnv {
  readonly engine: AnalysisEngine | undefined;
  readonly catalog: Catalog | undefined;
  /** Raw AWS managed policy documents by ARN, as the engine's `compile` takes them. */
  readonly rawManaged: ReadonlyMap<string, unknown>;
  /** The same documents parsed, for analysis's own indexes. */
  readonly awsManaged: ReadonlyMap<string, PolicyDocument>;
}

/** The result of one analysis, kept by the worker for queries and for the next, incremental analysis. */
export interface AnalysisSnapshot {
  readonly scenario: Scenario;
  readonly index: ScenarioIndex;
  /** The engine's compiled scenario (`undefined` without an engine). */
  readonly compiled: unknown;
  readonly graph: AccessGraph;
  readonly edgesById: ReadonlyMap<string, GraphEdge>;
}

/** Runs the whole analysis; yields progress; returns the snapshot. */
export function* analyzeScenario(scenario: Scenario, env: AnalysisEnv, _previous?: AnalysisSnapshot): Generator<AnalysisProgress, AnalysisSnapshot, void> {
  const compiled = env.engine?.compile(scenario, { managedPolicies: env.rawManaged, ...(env.catalog ? { rcpSupportedServices: env.catalog.rcpSupportedServices } : {}) });
  yield { phase: 'compile', done: 1, total: 1 };
  const index = indexScenario(scenario, env.awsManaged);
  const sites = policySites(scenario);
  const typesOf = (arn: string): string[] => (env.catalog?.resourceTypesForArn(arn) ?? []).map((t) => `${t.service}:${t.key}`);
  const nodes = buildNodes(index, typesOf);
  const sink = { nodes, index };
  const shares = shareEdges(index, sink);
  const edges: GraphEdge[] = [...memberOfEdges(index), ...grantsEdges(sites), ...shares.edges];
  yield { phase: 'nodes', done: 1, total: 1 };
  const findings: Finding[] = [...shares.findings, ...staticFindings(index, sites)];
  yield { phase: 'findings', done: 1, total: 1 };
  const graph = assemble(nodes, edges, findings, { evaluations: 0, naiveEvaluations: 0, reused: 0, untypedResources: 0 });
  return { scenario, index, compiled, graph, edgesById: new Map(graph.edges.map((e) => [e.id, e])) };
}

function assemble(nodes: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[], findings: readonly Finding[], counters: Pick<AccessGraph['stats'], 'evaluations' | 'naiveEvaluations' | 'reused' | 'untypedResources'>): AccessGraph {
  const sortedEdges = [...new Map(edges.map((e) => [e.id, e])).values()].sort((a, b) => compareStrings(a.id, b.id));
  const edgeCounts = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0])) as Record<EdgeKind, number>;
  for (const edge of sortedEdges) edgeCounts[edge.kind] += 1;
  const uniqueFindings = [...new Map(findings.map((f) => [f.id, f])).values()].sort(compareFindings);
  return {
    version: ACCESS_GRAPH_VERSION,
    nodes: sortedBy(nodes.values(), (n) => n.id),
    edges: sortedEdges,
    findings: uniqueFindings,
    reachability: { byPrincipal: [], byResource: [] },
    stats: { nodes: nodes.size, edges: edgeCounts, findings: uniqueFindings.length, ...counters },
  };
}

/** Drains `analyzeScenario` (CLI, tests, bench). */
export function runAnalysis(scenario: Scenario, env: AnalysisEnv, previous?: AnalysisSnapshot): AnalysisSnapshot {
  const run = analyzeScenario(scenario, env, previous);
  for (;;) {
    const step = run.next();
    if (step.done === true) return step.value;
  }
}
