/**
 * The analysis pipeline: scenario → `AccessGraph`, phase by phase. Written as a generator that yields
 * progress between work units, so that the worker can report progress and honour cancellation while
 * the CLI and tests simply drain it (`runAnalysis`). Pure: no timers, no I/O.
 */
import type { Catalog } from '../catalog/Catalog';
import type { AccessLevel } from '../catalog/vocabulary';
import type { PolicyDocument } from '../model/policy';
import type { Scenario } from '../model/types';
import { buildNodes } from './buildNodes';
import { resourceTypesOf } from './catalogMemo';
import type { AnalysisEngine } from './engineApi';
import { compareFindings } from './findingMessages';
import type { Finding } from './findingTypes';
import { compareStrings, sortedBy } from './order';
import { policySites } from './policySites';
import { shareEdges } from './ramShares';
import { indexScenario, type ScenarioIndex } from './scenarioIndex';
import { grantsEdges, memberOfEdges } from './staticEdges';
import { staticFindings } from './findings/staticFindings';
import { accessFindings } from './findings/accessFindings';
import { accessTargets, type AccessTarget, type LevelledTable } from './accessTargets';
import { evaluateAll, type Evaluated } from './evaluateAll';
import type { AssumeOutput } from './assumeEdges';
import type { SourceCells } from './effectiveAccess';
import type { PrincipalJoin } from './accessEdges';
import type { TargetSide } from './accessCandidates';
import { globalFingerprint } from './fingerprints';
import { levelTotals, type LevelTotals } from './levels';
import type { Reachability } from './reachTypes';
import { ACCESS_GRAPH_VERSION, EDGE_KINDS, type AccessGraph, type AnalysisProgress, type EdgeKind, type GraphEdge, type GraphNode } from './types';

/** What analysis runs against. Without an engine, only the static graph is built (no evaluations). */
export interface AnalysisEnv {
  readonly engine: AnalysisEngine | undefined;
  readonly catalog: Catalog | undefined;
  /** Raw AWS managed policy documents by ARN, as the managed-policy store serves them (informative). */
  readonly rawManaged?: ReadonlyMap<string, unknown>;
  /** The AWS managed policies the scenario attaches, parsed (`parseManagedDocuments`). */
  readonly awsManaged: ReadonlyMap<string, PolicyDocument>;
}

/** Options of one analysis. */
export interface AnalysisOptions {
  /** Evaluate the naive product (every pair, every action): the oracle the prefilter is tested against. */
  readonly exact?: boolean;
  /** Share results between requests the engine cannot tell apart (`cellClasses.ts`); default true. */
  readonly shareClasses?: boolean;
}

/** The result of one analysis, kept by the worker for queries and for the next, incremental analysis. */
export interface AnalysisSnapshot {
  readonly scenario: Scenario;
  readonly index: ScenarioIndex;
  /** The engine's compiled scenario (`undefined` without an engine). */
  readonly compiled: unknown;
  readonly graph: AccessGraph;
  readonly edgesById: ReadonlyMap<string, GraphEdge>;
  /** Actions per access level of each resource node. */
  readonly levelTotals: ReadonlyMap<string, LevelTotals>;
  /** What the cells below depend on globally; cells are reused only when it is unchanged. */
  readonly globalFingerprint: string;
  /** The trust phase's cells, per-role records and caller fingerprints. */
  readonly trust: AssumeOutput;
  readonly accessCells: ReadonlyMap<string, SourceCells>;
  /** Target fingerprints by target key, in target order, and the target sides built for them. */
  readonly targetFingerprints: ReadonlyMap<string, string>;
  readonly targetSides: readonly TargetSide[];
  /** The join of each principal (`accessEdges.ts`). */
  readonly joinRecords: ReadonlyMap<string, PrincipalJoin>;
}

/** Runs the whole analysis; yields progress; returns the snapshot. */
export function* analyzeScenario(scenario: Scenario, env: AnalysisEnv, previous?: AnalysisSnapshot, options: AnalysisOptions = {}): Generator<AnalysisProgress, AnalysisSnapshot, void> {
  const compiled = env.engine?.compile(scenario, { managedPolicies: env.awsManaged, ...(env.catalog ? { rcpSupportedServices: env.catalog.rcpSupportedServices } : {}) });
  yield { phase: 'compile', done: 1, total: 1 };
  const index = indexScenario(scenario, env.awsManaged);
  const sites = policySites(scenario);
  const typesOf = (arn: string): string[] => resourceTypesOf(env.catalog, arn).map((t) => `${t.service}:${t.key}`);
  const nodes = buildNodes(index, typesOf);
  const shares = shareEdges(index, { nodes, index });
  const edges: GraphEdge[] = [...memberOfEdges(index), ...grantsEdges(sites), ...shares.edges];
  const globalFp = globalFingerprint(index);
  const reuse = previous !== undefined && previous.globalFingerprint === globalFp && options.exact !== true;
  yield { phase: 'nodes', done: 1, total: 1 };
  const resources = new Map([...nodes.values()].filter((n) => n.kind === 'resource').map((n) => [n.id, n.account ?? '']));
  const targets = accessTargets(index, env.catalog, resources, sites);
  const levelTotals = totalsByNode(targets);
  const actionLevels = levelsByAction(targets);
  let evaluated: Evaluated = { trust: { edges: [], cells: new Map(), byRole: new Map(), callers: new Map(), evaluations: 0, reused: 0 }, accessCells: new Map(), blocks: [], evaluations: 0, naive: 0, reused: 0, reachability: { byPrincipal: [], byResource: [] }, targetFingerprints: new Map(), targetSides: [], joinRecords: new Map() };
  if (env.engine !== undefined) {
    evaluated = yield* evaluateAll({ index, engine: env.engine, compiled, nodes, edges, shareEdges: shares.edges, targets, levelTotals, levelsOf: (action) => actionLevels[action] ?? [], previous: reuse ? previous : undefined, exact: options.exact === true, shareClasses: options.shareClasses !== false });
  }
  const findings: Finding[] = [...shares.findings, ...staticFindings(index, sites), ...accessFindings(nodes, edges, evaluated.blocks)];
  yield { phase: 'findings', done: 1, total: 1 };
  const targeted = new Set(targets.map((t) => t.node));
  const untyped = new Set(targets.filter((t) => !t.typed).map((t) => t.node)).size + [...resources.keys()].filter((r) => !targeted.has(r)).length;
  const graph = assemble(nodes, edges, findings, evaluated.reachability, actionLevels, { evaluations: evaluated.evaluations, naiveEvaluations: evaluated.naive, reused: evaluated.reused, untypedResources: untyped });
  return { scenario, index, compiled, graph, edgesById: new Map(graph.edges.map((e) => [e.id, e])), levelTotals, globalFingerprint: globalFp, trust: evaluated.trust, accessCells: evaluated.accessCells, targetFingerprints: evaluated.targetFingerprints, targetSides: evaluated.targetSides, joinRecords: evaluated.joinRecords };
}

function levelsByAction(targets: readonly AccessTarget[]): Record<string, readonly AccessLevel[]> {
  const out: Record<string, readonly AccessLevel[]> = {};
  // A table seen again assigns the same values in the same order: once per table object is enough.
  const seen = new Set<LevelledTable>();
  for (const target of targets) {
    if (seen.has(target.table)) continue;
    seen.add(target.table);
    target.table.actions.forEach((action, i) => (out[action] = target.table.levels[i] ?? []));
  }
  return out;
}

function totalsByNode(targets: readonly AccessTarget[]): Map<string, LevelTotals> {
  const tables = new Map<string, LevelledTable[]>();
  for (const target of targets) {
    const list = tables.get(target.node);
    if (list === undefined) tables.set(target.node, [target.table]);
    else list.push(target.table);
  }
  const byKey = new Map<string, LevelTotals>();
  return new Map(
    [...tables].map(([node, list]) => {
      const key = list.map((t) => t.key).join('\n');
      let totals = byKey.get(key);
      if (totals === undefined) byKey.set(key, (totals = levelTotals(list)));
      return [node, totals];
    }),
  );
}

function assemble(nodes: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[], findings: readonly Finding[], reachability: Reachability, actionLevels: AccessGraph['actionLevels'], counters: Pick<AccessGraph['stats'], 'evaluations' | 'naiveEvaluations' | 'reused' | 'untypedResources'>): AccessGraph {
  const sortedEdges = [...edges].sort((a, b) => compareStrings(a.id, b.id)).filter((e, i, all) => i === 0 || all[i - 1]?.id !== e.id);
  const edgeCounts = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0])) as Record<EdgeKind, number>;
  for (const edge of sortedEdges) edgeCounts[edge.kind] += 1;
  const uniqueFindings = [...new Map(findings.map((f) => [f.id, f])).values()].sort(compareFindings);
  return {
    version: ACCESS_GRAPH_VERSION,
    nodes: sortedBy(nodes.values(), (n) => n.id),
    edges: sortedEdges,
    findings: uniqueFindings,
    reachability,
    actionLevels,
    stats: { nodes: nodes.size, edges: edgeCounts, findings: uniqueFindings.length, ...counters },
  };
}

/** Drains `analyzeScenario` (CLI, tests, bench). */
export function runAnalysis(scenario: Scenario, env: AnalysisEnv, previous?: AnalysisSnapshot, options: AnalysisOptions = {}): AnalysisSnapshot {
  const run = analyzeScenario(scenario, env, previous, options);
  for (;;) {
    const step = run.next();
    if (step.done === true) return step.value;
  }
}
