/**
 * The evaluated part of the analysis: `can-assume` edges, direct effective access, and their join with
 * reachability. Mutates `edges` (appends the evaluated edges); reuses the previous analysis's cells
 * whose fingerprints are unchanged.
 */
import { joinAccess, type PrincipalJoin } from './accessEdges';
import { tableSignature, type AccessTarget } from './accessTargets';
import type { TargetSide } from './accessCandidates';
import { assumeEdges, type AssumeOutput } from './assumeEdges';
import type { AnalysisSnapshot } from './analyzeScenario';
import { directAccess, type ControlBlock, type SourceCells } from './effectiveAccess';
import type { AnalysisEngine } from './engineApi';
import { hashText, roleFingerprint, sourceFingerprint, targetFingerprint } from './fingerprints';
import type { AccessLevel } from '../catalog/vocabulary';
import type { LevelTotals } from './levels';
import { assumeAdjacency } from './reachability';
import type { Reachability } from './reachTypes';
import { requestSources, type RequestSource } from './requestSources';
import type { ScenarioIndex } from './scenarioIndex';
import type { AnalysisProgress, CanAssumeEdge, GraphEdge, GraphNode, SharesEdge } from './types';

/** Inputs of the evaluated part. */
export interface EvaluateInput {
  readonly index: ScenarioIndex;
  readonly engine: AnalysisEngine;
  readonly compiled: unknown;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: GraphEdge[];
  readonly shareEdges: readonly SharesEdge[];
  readonly targets: readonly AccessTarget[];
  readonly levelTotals: ReadonlyMap<string, LevelTotals>;
  readonly levelsOf: (action: string) => readonly AccessLevel[];
  readonly previous: AnalysisSnapshot | undefined;
  readonly exact: boolean;
  readonly shareClasses: boolean;
}

/** Outputs of the evaluated part. */
export interface Evaluated {
  readonly trust: AssumeOutput;
  readonly accessCells: Map<string, SourceCells>;
  readonly blocks: readonly ControlBlock[];
  readonly evaluations: number;
  readonly naive: number;
  readonly reused: number;
  readonly reachability: Reachability;
  /** For the next incremental analysis: target fingerprints and the join per principal. */
  readonly targetFingerprints: ReadonlyMap<string, string>;
  readonly targetSides: readonly TargetSide[];
  readonly joinRecords: ReadonlyMap<string, PrincipalJoin>;
  /** The request sources, in evaluation order. */
  readonly sources: readonly RequestSource[];
}

/** Who consumes each RAM-shared resource node (active associations only). */
export function ramConsumers(shares: readonly SharesEdge[]): Map<string, Set<string>> {
  const consumersOfShare = new Map<string, Set<string>>();
  for (const edge of shares) {
    if (edge.role !== 'consumer' || edge.status !== 'active') continue;
    const set = consumersOfShare.get(edge.source) ?? new Set<string>();
    set.add(edge.target);
    consumersOfShare.set(edge.source, set);
  }
  const byNode = new Map<string, Set<string>>();
  for (const edge of shares) {
    if (edge.role !== 'resource' || edge.status !== 'active') continue;
    const consumers = consumersOfShare.get(edge.target);
    if (consumers === undefined) continue;
    const set = byNode.get(edge.source) ?? new Set<string>();
    for (const c of consumers) set.add(c);
    byNode.set(edge.source, set);
  }
  return byNode;
}

export function isConsumer(consumers: ReadonlySet<string> | undefined, source: RequestSource): boolean {
  if (consumers === undefined) return false;
  if (consumers.has(source.id) || (source.owner !== undefined && consumers.has(source.owner))) return true;
  if (source.account !== undefined && consumers.has(source.account)) return true;
  return source.ancestors.some((a) => consumers.has(a));
}

/** Runs trust, access and reachability. */
export function* evaluateAll(input: EvaluateInput): Generator<AnalysisProgress, Evaluated, void> {
  const { index, engine, compiled, nodes } = input;
  const sources = requestSources(index, nodes);
  const sourceFps = new Map(sources.map((s) => [s.id, sourceFingerprint(index, s.id, s.account)]));
  const fpOfCaller = (id: string): string => sourceFps.get(id) ?? hashText(id);
  const trust = yield* assumeEdges({
    index,
    engine,
    compiled,
    sources,
    nodes,
    exact: input.exact,
    previous: input.previous?.trust,
    callerFingerprint: fpOfCaller,
    roleFingerprint: (role) => roleFingerprint(index, role, role.split(':')[4] ?? ''),
  });
  for (const edge of trust.edges) input.edges.push(edge);
  const consumers = ramConsumers(input.shareEdges);
  const access = yield* directAccess({
    index,
    engine,
    compiled,
    sources,
    targets: input.targets,
    sharedNodes: new Set(consumers.keys()),
    ramConsumer: (node, source) => isConsumer(consumers.get(node), source),
    previous: input.previous?.accessCells,
    previousTargets: input.previous === undefined ? undefined : { fingerprints: input.previous.targetFingerprints, sides: input.previous.targetSides },
    exact: input.exact,
    shareClasses: input.shareClasses,
    sourceFingerprint: (source) => fpOfCaller(source.id),
    targetFingerprint: (target) => targetFingerprint(index, target.node, target.account, tableSignature(target)),
  });
  const principals = [...sources.map((s) => s.id), ...[...nodes.values()].filter((n) => n.kind === 'idp').map((n) => n.id)];
  const previous = input.previous;
  const reuseJoin = previous !== undefined && access.tablesUnchanged && sameEdges(trust.edges, previous.trust.edges);
  if (reuseJoin) for (const id of previous.accessCells.keys()) if (!access.cells.has(id)) access.changed.add(id);
  const join = joinAccess(principals, access.byPair, assumeAdjacency(trust.edges), input.levelTotals, input.levelsOf, reuseJoin ? { records: previous.joinRecords, changed: access.changed } : undefined);
  yield { phase: 'reachability', done: 1, total: 1 };
  for (const edge of join.edges) input.edges.push(edge);
  return {
    trust,
    accessCells: access.cells,
    blocks: access.blocks,
    evaluations: trust.evaluations + access.evaluations,
    naive: access.naive + sources.length * index.roles.size,
    reused: trust.reused + access.reused,
    reachability: { byPrincipal: join.byPrincipal, byResource: join.byResource },
    targetFingerprints: access.targetFingerprints,
    targetSides: access.sides,
    joinRecords: join.records,
    sources,
  };
}

/** Whether two lists of `can-assume` edges are equal, in order (reused cells keep their edge objects). */
function sameEdges(edges: readonly CanAssumeEdge[], before: readonly CanAssumeEdge[]): boolean {
  if (edges.length !== before.length) return false;
  return edges.every((edge, i) => edge === before[i] || JSON.stringify(edge) === JSON.stringify(before[i]));
}
