/**
 * The analysis pipeline: scenario → `AccessGraph`, phase by phase. Written as a generator that yields
 * progress between work units, so that the worker can report progress and honour cancellation while
 * the CLI and tests simply drain it (`runAnalysis`). Pure: no timers, no I/O.
 */
import type { Catalog } from '../catalog/Catalog';
import type { AccessLevel } from '../catalog/vocabulary';
import type { PolicyDocument } from '../model/policy';
import { parseArn } from '../model/ids';
import type { Scenario } from '../model/types';
import type { RequestSource } from './requestSources';
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
import { staticFindings, type StaticFindings } from './findings/staticFindings';
import { blockFindings, edgeFinding, edgeFindings } from './findings/accessFindings';
import { accessTargets, type AccessTarget, type LevelledTable } from './accessTargets';
import { evaluateAll, type Evaluated } from './evaluateAll';
import type { AssumeOutput } from './assumeEdges';
import type { SourceCells } from './effectiveAccess';
import type { PrincipalJoin } from './accessEdges';
import type { TargetSide } from './accessCandidates';
import { globalFingerprint } from './fingerprints';
import { analyzeIdentityEdit } from './identityDelta';
import { identityEdit } from './scenarioDelta';
import { levelTotals, type LevelTotals } from './levels';
import type { Reachability } from './reachTypes';
import { ACCESS_GRAPH_VERSION, EDGE_KINDS, type AccessGraph, type AnalysisProgress, type CanAssumeEdge, type EdgeKind, type GraphEdge, type GraphNode, type SharesEdge } from './types';

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
  /** What patching after an identity edit reads (`identityDelta.ts`); `undefined` without an engine or in exact mode. */
  readonly patch: PatchBase | undefined;
}

/** The parts of an analysis an identity-edit patch keeps or replaces piecewise. */
export interface PatchBase {
  readonly catalog: Catalog | undefined;
  readonly awsManaged: ReadonlyMap<string, PolicyDocument>;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly sources: readonly RequestSource[];
  readonly targets: readonly AccessTarget[];
  readonly shareEdges: readonly SharesEdge[];
  /** Services of resources the catalog has no type for (their actions come from policies). */
  readonly untypedServices: ReadonlySet<string>;
  readonly findings: FindingParts;
}

/** Runs the whole analysis; yields progress; returns the snapshot. */
export function* analyzeScenario(scenario: Scenario, env: AnalysisEnv, previous?: AnalysisSnapshot, options: AnalysisOptions = {}): Generator<AnalysisProgress, AnalysisSnapshot, void> {
  // An edit of inline identity policies only is patched edge by edge; anything else is recomputed,
  // reusing the cells whose fingerprints are unchanged.
  const edit = previous === undefined || options.exact === true ? undefined : identityEdit(previous.scenario, scenario);
  if (previous !== undefined && edit !== undefined) {
    const patched = yield* analyzeIdentityEdit(previous, scenario, env, edit);
    if (patched !== undefined) return patched;
  }
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
  let evaluated: Evaluated = { trust: { edges: [], byRole: new Map(), callers: new Map(), evaluations: 0, reused: 0 }, accessCells: new Map(), blocks: [], evaluations: 0, naive: 0, reused: 0, reachability: { byPrincipal: [], byResource: [] }, targetFingerprints: new Map(), targetSides: [], joinRecords: new Map(), sources: [] };
  if (env.engine !== undefined) {
    evaluated = yield* evaluateAll({ index, engine: env.engine, compiled, nodes, edges, shareEdges: shares.edges, targets, levelTotals, levelsOf: (action) => actionLevels[action] ?? [], previous: reuse ? previous : undefined, exact: options.exact === true, shareClasses: options.shareClasses !== false });
  }
  const parts = findingParts(nodes, shares.findings, staticFindings(index, sites), edges, evaluated);
  const findings = collectFindings(parts, evaluated.sources);
  yield { phase: 'findings', done: 1, total: 1 };
  const targeted = new Set(targets.map((t) => t.node));
  const untyped = new Set(targets.filter((t) => !t.typed).map((t) => t.node)).size + [...resources.keys()].filter((r) => !targeted.has(r)).length;
  const graph = assemble(nodes, edges, findings, evaluated.reachability, actionLevels, { evaluations: evaluated.evaluations, naiveEvaluations: evaluated.naive, reused: evaluated.reused, untypedResources: untyped });
  const patch: PatchBase | undefined =
    env.engine === undefined || options.exact === true ? undefined : { catalog: env.catalog, awsManaged: env.awsManaged, nodes, sources: evaluated.sources, targets, shareEdges: shares.edges, untypedServices: untypedServices(env.catalog, resources.keys()), findings: parts };
  return snapshotOf({ scenario, index, compiled, graph, levelTotals, globalFingerprint: globalFp, trust: evaluated.trust, accessCells: evaluated.accessCells, targetFingerprints: evaluated.targetFingerprints, targetSides: evaluated.targetSides, joinRecords: evaluated.joinRecords, patch });
}

/** A snapshot whose edge lookup is built on first use (queries need it; a run of edits mostly does not). */
export function snapshotOf(fields: Omit<AnalysisSnapshot, 'edgesById'>): AnalysisSnapshot {
  let byId: Map<string, GraphEdge> | undefined;
  return {
    ...fields,
    get edgesById(): ReadonlyMap<string, GraphEdge> {
      return (byId ??= new Map(fields.graph.edges.map((e) => [e.id, e])));
    },
  };
}

function untypedServices(catalog: Catalog | undefined, resources: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const arn of resources) {
    if (resourceTypesOf(catalog, arn).length > 0) continue;
    const service = parseArn(arn)?.service;
    if (service !== undefined) out.add(service.toLowerCase());
  }
  return out;
}

/**
 * The findings in parts an identity edit replaces piecewise: RAM and static findings, findings of
 * `grants` edges, and per principal those of its `effective-access` edges and of its direct-access
 * blocks (`can-assume` findings are derived from the edges each time).
 */
export interface FindingParts {
  readonly shares: readonly Finding[];
  readonly static: StaticFindings;
  readonly grants: readonly Finding[];
  /** By caller: the findings of its `can-assume` edges (no two callers' share an id). */
  readonly trust: ReadonlyMap<string, readonly Finding[]>;
  readonly reach: ReadonlyMap<string, readonly Finding[]>;
  readonly blocks: ReadonlyMap<string, readonly Finding[]>;
}

function findingParts(nodes: ReadonlyMap<string, GraphNode>, shares: readonly Finding[], statics: StaticFindings, edges: readonly GraphEdge[], evaluated: Evaluated): FindingParts {
  const reach = new Map<string, readonly Finding[]>();
  for (const [principal, record] of evaluated.joinRecords) reach.set(principal, edgeFindings(nodes, record.edges));
  const blocks = new Map<string, readonly Finding[]>();
  for (const [source, cells] of evaluated.accessCells) blocks.set(source, cells.blocks.length === 0 ? [] : blockFindings(cells.blocks));
  return { shares, static: statics, grants: edgeFindings(nodes, edges.filter((e) => e.kind === 'grants')), trust: trustFindings(nodes, evaluated.trust.edges), reach, blocks };
}

/** The findings of `can-assume` edges by caller. */
export function trustFindings(nodes: ReadonlyMap<string, GraphNode>, edges: readonly CanAssumeEdge[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const edge of edges) {
    const finding = edgeFinding(nodes, edge);
    if (finding === undefined) continue;
    const list = out.get(edge.source);
    if (list === undefined) out.set(edge.source, [finding]);
    else list.push(finding);
  }
  return out;
}

/**
 * Every finding, deduplicated by id and sorted. The parts are read in the order the graph lists what
 * they come from (grants, then `can-assume`, then `effective-access` edges, then blocks in source
 * order), so that where two findings share an id the later one wins, as it always has.
 */
export function collectFindings(parts: FindingParts, sources: readonly RequestSource[]): Finding[] {
  const byId = new Map<string, Finding>();
  const add = (list: Iterable<Finding>): void => {
    for (const f of list) byId.set(f.id, f);
  };
  add(parts.shares);
  add(parts.static.other);
  for (const list of parts.static.byHolder.values()) add(list);
  add(parts.grants);
  for (const list of parts.trust.values()) add(list);
  for (const list of parts.reach.values()) add(list);
  for (const source of sources) add(parts.blocks.get(source.id) ?? []);
  return [...byId.values()].sort(compareFindings);
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
  const uniqueFindings = findings;
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
