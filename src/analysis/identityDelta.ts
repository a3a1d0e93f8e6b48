/**
 * The incremental analysis of an identity edit (`scenarioDelta.ts`): only inline identity documents
 * changed, so nodes, static edges, targets and every resource side are the previous analysis's, and
 * what changes follows the edited principals edge by edge. Their views are recompiled, their request
 * sources rebuilt, their `can-assume` cells and direct access evaluated again; the principals that are
 * or reach one of them are joined again; findings and the sorted edge list are patched in place of
 * being rebuilt. The result equals a full analysis (a property test compares the two).
 */
import { edgesBySource, patchAssumeEdges } from './assumeEdges';
import { patchJoin } from './accessEdges';
import { collectFindings, snapshotOf, trustFindings, type AnalysisEnv, type AnalysisSnapshot, type FindingParts, type PatchBase } from './analyzeScenario';
import { directAccess, type SourceCells } from './effectiveAccess';
import { isConsumer, ramConsumers } from './evaluateAll';
import { blockFindings, edgeFindings } from './findings/accessFindings';
import { holderFindings } from './findings/staticFindings';
import type { Finding } from './findingTypes';
import { sourceFingerprint } from './fingerprints';
import { compareStrings, lowerBoundBy } from './order';
import { accountsOfStatement } from './policySites';
import { assumeAdjacency, patchedAdjacency } from './reachability';
import { principalSource, type RequestSource } from './requestSources';
import { reindexPrincipals, type ScenarioIndex } from './scenarioIndex';
import type { IdentityEdit } from './scenarioDelta';
import { edgeId } from './staticEdges';
import type { AccessGrant, AnalysisProgress, CanAssumeEdge, EdgeKind, GraphEdge } from './types';
import type { AccessLevel } from '../catalog/vocabulary';
import type { Scenario } from '../model/types';
import type { PolicyDocument } from '../model/policy';

function sameManaged(a: ReadonlyMap<string, PolicyDocument>, b: ReadonlyMap<string, PolicyDocument>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [arn, document] of b) if (a.get(arn) !== document) return false;
  return true;
}

/**
 * Whether the edited documents (old and new) leave the accounts, nodes and action tables as they were:
 * no Principal element (identity policies have none; nodes come from those of resource policies), no
 * account mentioned that is not listed (a first mention adds an external account), no literal action of
 * a service whose resources the catalog does not type (their tables list the actions policies name).
 */
function keepsStructure(index: ScenarioIndex, base: PatchBase, documents: readonly PolicyDocument[]): boolean {
  let ok = true;
  const check = (account: string): void => {
    if (index.accounts.get(account)?.listed !== true) ok = false;
  };
  for (const document of documents) {
    for (const statement of document.statements) {
      if (statement.principal !== undefined || statement.notPrincipal !== undefined) return false;
      accountsOfStatement(statement, check);
      if (!ok) return false;
      for (const action of statement.action ?? []) {
        if (/[*?]/.test(action)) continue;
        const colon = action.indexOf(':');
        if (colon > 0 && base.untypedServices.has(action.slice(0, colon).toLowerCase())) return false;
      }
    }
  }
  return true;
}

/** The declared principals whose identity side the edit changes: edited users and roles, group members, sessions behind them. */
function affectedPrincipals(index: ScenarioIndex, scenario: Scenario, edit: IdentityEdit): Set<string> {
  const out = new Set<string>();
  for (const user of scenario.users) if (edit.users.has(user.arn) || user.groups.some((g) => edit.groups.has(g))) out.add(user.arn);
  for (const role of edit.roles) out.add(role);
  for (const principal of index.principals.values()) {
    if (principal.kind !== 'session') continue;
    if ((principal.roleArn !== undefined && edit.roles.has(principal.roleArn)) || (principal.userArn !== undefined && out.has(principal.userArn))) out.add(principal.id);
  }
  return out;
}

/** The previous direct access of the affected principals. */
function previousDirect(previous: AnalysisSnapshot, affected: ReadonlyMap<string, RequestSource>): Map<string, ReadonlyMap<string, readonly AccessGrant[]>> {
  const out = new Map<string, ReadonlyMap<string, readonly AccessGrant[]>>();
  for (const id of affected.keys()) {
    const byNode = previous.accessCells.get(id)?.byNode;
    if (byNode !== undefined && byNode.size > 0) out.set(id, byNode);
  }
  return out;
}

/** The affected principals whose outgoing `can-assume` edges, as reachability reads them, are unchanged. */
function sameRoutes(before: ReadonlyMap<string, readonly CanAssumeEdge[]>, after: ReadonlyMap<string, readonly CanAssumeEdge[]>, affected: ReadonlyMap<string, RequestSource>): Set<string> {
  const text = (edges: readonly CanAssumeEdge[] | undefined): string => (edges ?? []).map((edge) => `${JSON.stringify(edge)}\n`).join('');
  return new Set([...affected.keys()].filter((id) => text(before.get(id)) === text(after.get(id))));
}

/** Roles and targets are unchanged: their fingerprints are the previous analysis's, never asked for. */
function unused(): string {
  throw new Error('invariant: an identity edit fingerprints no role or target');
}

/**
 * The sorted edge list with the edges of some (kind, source) pairs replaced. An edge id is
 * `kind|source|target` and ARNs hold no `|`, so the edges of one pair are the run of ids that start
 * with `kind|source|`: found by binary search and replaced by the new edges, sorted, in their place.
 */
function replaceRanges(edges: readonly GraphEdge[], before: Readonly<Record<EdgeKind, number>>, replaced: ReadonlyMap<string, GraphEdge[]>): { edges: GraphEdge[]; counts: Record<EdgeKind, number> } {
  const counts = { ...before };
  // Copied in runs (native slices), not edge by edge: ~69k edges at M.
  const parts: GraphEdge[][] = [];
  let at = 0;
  for (const prefix of [...replaced.keys()].sort(compareStrings)) {
    const start = lowerBoundBy(edges, prefix, (e) => e.id, at);
    let end = start;
    while (end < edges.length && (edges[end] as GraphEdge).id.startsWith(prefix)) counts[(edges[end++] as GraphEdge).kind] -= 1;
    parts.push(edges.slice(at, start));
    const fresh = (replaced.get(prefix) ?? []).sort((a, b) => compareStrings(a.id, b.id));
    for (const edge of fresh) counts[edge.kind] += 1;
    parts.push(fresh);
    at = end;
  }
  parts.push(edges.slice(at));
  return { edges: ([] as GraphEdge[]).concat(...parts), counts };
}

/**
 * The analysis of `scenario` from `previous` after `edit`, or `undefined` when the edit reaches further
 * than this patch follows (the caller then runs the general incremental analysis).
 */
export function* analyzeIdentityEdit(previous: AnalysisSnapshot, scenario: Scenario, env: AnalysisEnv, edit: IdentityEdit): Generator<AnalysisProgress, AnalysisSnapshot | undefined, void> {
  const base = previous.patch;
  const engine = env.engine;
  if (base === undefined || engine === undefined || base.catalog !== env.catalog || !sameManaged(base.awsManaged, env.awsManaged)) return undefined;
  if (!keepsStructure(previous.index, base, edit.documents)) return undefined;
  const options = { managedPolicies: env.awsManaged, ...(env.catalog ? { rcpSupportedServices: env.catalog.rcpSupportedServices } : {}) };
  const compiled = engine.recompile === undefined ? engine.compile(scenario, options) : engine.recompile(previous.compiled, scenario, options, edit);
  yield { phase: 'compile', done: 1, total: 1 };
  const affectedIds = affectedPrincipals(previous.index, scenario, edit);
  const index = reindexPrincipals(previous.index, scenario, affectedIds);
  const affected = new Map<string, RequestSource>();
  const sources = base.sources.map((source) => {
    const principal = affectedIds.has(source.id) ? index.principals.get(source.id) : undefined;
    if (principal === undefined) return source;
    const next = principalSource(index, principal);
    affected.set(source.id, next);
    return next;
  });
  const fingerprintOf = (id: string): string => sourceFingerprint(index, id, affected.get(id)?.account);
  const trust = patchAssumeEdges({ index, engine, compiled, sources, nodes: base.nodes, exact: false, previous: previous.trust, callerFingerprint: fingerprintOf, roleFingerprint: unused }, affected);
  // The trust edges that changed are those of affected callers: read by caller, not over every edge.
  const trustBySource = edgesBySource(trust);
  const adjacency = patchedAdjacency(previous.trust.edges, trust.edges, trustBySource, affected.keys());
  yield { phase: 'trust', done: 1, total: 1 };
  const consumers = ramConsumers(base.shareEdges);
  const access = yield* directAccess({
    index,
    engine,
    compiled,
    sources: [...affected.values()],
    targets: base.targets,
    sharedNodes: new Set(consumers.keys()),
    ramConsumer: (node, source) => isConsumer(consumers.get(node), source),
    previous: undefined,
    previousTargets: { fingerprints: previous.targetFingerprints, sides: previous.targetSides },
    targetsKnownUnchanged: true,
    exact: false,
    shareClasses: true,
    sourceFingerprint: (source) => fingerprintOf(source.id),
    targetFingerprint: unused,
  });
  const accessCells = new Map<string, SourceCells>(previous.accessCells);
  for (const [id, cells] of access.cells) accessCells.set(id, cells);
  const direct = new Map<string, ReadonlyMap<string, readonly AccessGrant[]>>();
  for (const [id, cells] of accessCells) if (cells.byNode.size > 0) direct.set(id, cells.byNode);
  const levelsOf = (action: string): readonly AccessLevel[] => previous.graph.actionLevels[action] ?? [];
  const join = patchJoin(
    { records: previous.joinRecords, byPrincipal: previous.graph.reachability.byPrincipal, byResource: previous.graph.reachability.byResource, direct: previousDirect(previous, affected) },
    direct,
    adjacency,
    previous.levelTotals,
    levelsOf,
    new Set(affected.keys()),
    sameRoutes(assumeAdjacency(previous.trust.edges), adjacency, affected),
  );
  yield { phase: 'reachability', done: 1, total: 1 };

  const findings = patchFindings(base.findings, index, scenario, edit, join.records, join.rejoined, affected, accessCells, base, [...affected.keys()].flatMap((id) => trustBySource.get(id) ?? []));
  const replaced = new Map<string, GraphEdge[]>();
  for (const id of affected.keys()) replaced.set(edgeId('can-assume', id, ''), []);
  for (const id of affected.keys()) replaced.get(edgeId('can-assume', id, ''))?.push(...(trustBySource.get(id) ?? []));
  for (const principal of join.rejoined) replaced.set(edgeId('effective-access', principal, ''), [...(join.records.get(principal)?.edges ?? [])]);
  const { edges, counts } = replaceRanges(previous.graph.edges, previous.graph.stats.edges, replaced);
  const list = collectFindings(findings, sources);
  yield { phase: 'findings', done: 1, total: 1 };
  const before = previous.graph;
  const evaluations = trust.evaluations + access.evaluations;
  const graph = {
    ...before,
    edges,
    findings: list,
    reachability: { byPrincipal: join.byPrincipal, byResource: join.byResource },
    stats: { ...before.stats, edges: counts, findings: list.length, evaluations, reused: trust.reused + (previous.accessCells.size - affected.size) },
  };
  return snapshotOf({
    scenario,
    index,
    compiled,
    graph,
    levelTotals: previous.levelTotals,
    globalFingerprint: previous.globalFingerprint,
    trust,
    accessCells,
    targetFingerprints: previous.targetFingerprints,
    targetSides: previous.targetSides,
    joinRecords: join.records,
    patch: { ...base, sources, findings },
  });
}

function patchFindings(
  parts: FindingParts,
  index: ScenarioIndex,
  scenario: Scenario,
  edit: IdentityEdit,
  records: ReturnType<typeof patchJoin>['records'],
  rejoined: ReadonlySet<string>,
  affected: ReadonlyMap<string, RequestSource>,
  cells: ReadonlyMap<string, SourceCells>,
  base: PatchBase,
  trustEdges: readonly CanAssumeEdge[],
): FindingParts {
  const byHolder = new Map(parts.static.byHolder);
  for (const holder of [...scenario.users, ...scenario.groups, ...scenario.roles]) {
    if (edit.users.has(holder.arn) || edit.groups.has(holder.arn) || edit.roles.has(holder.arn)) byHolder.set(holder.arn, holderFindings(index, holder));
  }
  const reach = new Map(parts.reach);
  for (const principal of rejoined) reach.set(principal, edgeFindings(base.nodes, records.get(principal)?.edges ?? []));
  const blocks = new Map<string, readonly Finding[]>(parts.blocks);
  for (const id of affected.keys()) {
    const own = cells.get(id)?.blocks ?? [];
    blocks.set(id, own.length === 0 ? [] : blockFindings(own));
  }
  const trust = new Map(parts.trust);
  for (const id of affected.keys()) trust.delete(id);
  // `trustEdges`: the affected callers' edges.
  for (const [id, list] of trustFindings(base.nodes, trustEdges)) trust.set(id, list);
  return { ...parts, static: { ...parts.static, byHolder }, trust, reach, blocks };
}
