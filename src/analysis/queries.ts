/**
 * Queries over an analysed scenario: what creates an edge, what a principal reaches, who reaches a
 * resource, and the best path for one action. Answers come from the snapshot; `explainEdge` re-runs
 * the engine for the edge's requests to return full explanations.
 */
import type { Request, StatementRef } from '../engine/types';
import type { AnalysisSnapshot } from './analyzeScenario';
import { findAction } from './grants';
import { levelTotals, summarizeLevels } from './levels';

const EMPTY_TOTALS = levelTotals([]);
import type { AnalysisEngine } from './engineApi';
import type { AccessPath, EdgeEvaluation, EdgeExplanation, PathHop, PrincipalReach, Reacher } from './reachTypes';
import type { ActionAccess, CanAssumeEdge, EffectiveAccessEdge, GraphEdge } from './types';

function dedupeStatements(refs: Iterable<StatementRef>): StatementRef[] {
  const seen = new Map<string, StatementRef>();
  for (const ref of refs) seen.set(`${ref.policy.kind}|${ref.policy.owner}|${ref.policy.name}|${ref.policy.via ?? ''}|${ref.index}`, ref);
  return [...seen.values()];
}

function statementsOf(edge: GraphEdge): StatementRef[] {
  switch (edge.kind) {
    case 'can-assume':
      return dedupeStatements([...edge.statements, ...(edge.blockedBy?.statements ?? [])]);
    case 'grants':
      return dedupeStatements(edge.statements);
    case 'effective-access':
      return dedupeStatements(edge.grants.flatMap((g) => g.statements));
    case 'member-of':
    case 'shares':
      return [];
  }
}

/** The request an assume edge stands for. */
export function assumeRequest(edge: CanAssumeEdge): Request {
  return { principal: edge.source, action: edge.action, resource: edge.target };
}

function evaluationsOf(snapshot: AnalysisSnapshot, engine: AnalysisEngine | undefined, edge: GraphEdge): EdgeEvaluation[] {
  if (engine === undefined) return [];
  if (edge.kind === 'can-assume') {
    const request = assumeRequest(edge);
    return [{ request, result: engine.evaluateForAnalysis(snapshot.compiled, request, { chained: edge.chained }) }];
  }
  if (edge.kind === 'effective-access') {
    return edge.grants.map((grant) => {
      const principal = grant.via?.at(-1) ?? edge.source;
      const request: Request = { principal, action: grant.actions[0] ?? '', resource: requestResource(edge.target, grant) };
      return { request, result: engine.evaluateForAnalysis(snapshot.compiled, request, { chained: isChainedSession(snapshot, edge.source, grant.via) }) };
    });
  }
  return [];
}

/** True when the session making the last request came from role chaining (a role session assumed another role). */
export function isChainedSession(snapshot: AnalysisSnapshot, source: string, via: readonly string[] | undefined): boolean {
  if (via === undefined || via.length === 0) return false;
  const kind = snapshot.index.principals.get(source)?.kind;
  return via.length > 1 || kind === 'role' || kind === 'session';
}

/** The resource ARN an action of an access edge was evaluated on (object actions of a bucket use `bucket/*`). */
export function requestResource(resource: string, access: Pick<ActionAccess, 'resource'>): string {
  return access.resource ?? resource;
}

/** Everything that creates the edge `edgeId`; `undefined` when there is no such edge. */
export function explainEdge(snapshot: AnalysisSnapshot, engine: AnalysisEngine | undefined, edgeId: string): EdgeExplanation | undefined {
  const edge = snapshot.edgesById.get(edgeId);
  if (edge === undefined) return undefined;
  return { edge, statements: statementsOf(edge), evaluations: evaluationsOf(snapshot, engine, edge) };
}

/** What `principal` reaches; `undefined` when it is not a node. */
export function reach(snapshot: AnalysisSnapshot, principal: string): PrincipalReach | undefined {
  const found = snapshot.graph.reachability.byPrincipal.find((entry) => entry.principal === principal);
  if (found !== undefined) return found;
  return snapshot.graph.nodes.some((node) => node.id === principal) ? { principal, roles: [], resources: [] } : undefined;
}

/** Every principal that reaches `resource` (optionally with `action`, case ignored). */
export function whoCanReach(snapshot: AnalysisSnapshot, resource: string, action?: string): readonly Reacher[] {
  const entry = snapshot.graph.reachability.byResource.find((r) => r.resource === resource);
  if (entry === undefined) return [];
  if (action === undefined) return entry.principals;
  const wanted = action.toLowerCase();
  return entry.principals.flatMap((reacher): Reacher[] => {
    const edge = snapshot.edgesById.get(reacher.edge);
    const access = edge?.kind === 'effective-access' ? findAction(edge, wanted, snapshot.graph.actionLevels) : undefined;
    if (access === undefined) return [];
    const levels = summarizeLevels([{ ...access, actions: [access.action] }], snapshot.levelTotals.get(resource) ?? EMPTY_TOTALS, (a) => snapshot.graph.actionLevels[a] ?? []);
    return [{ ...reacher, decision: access.decision, via: access.via ?? [], conditions: access.conditions, levels }];
  });
}

function hopsOf(snapshot: AnalysisSnapshot, principal: string, via: readonly string[]): PathHop[] {
  const entry = snapshot.graph.reachability.byPrincipal.find((r) => r.principal === principal);
  const last = via.at(-1);
  const role = last === undefined ? undefined : entry?.roles.find((r) => r.role === last);
  return role === undefined ? [] : [...role.path.hops];
}

/** The best way `principal` performs `action` on `resource`; `undefined` when it cannot. */
export function accessPath(snapshot: AnalysisSnapshot, principal: string, resource: string, action: string): AccessPath | undefined {
  const edge = snapshot.edgesById.get(`effective-access|${principal}|${resource}`) as EffectiveAccessEdge | undefined;
  const access = edge === undefined ? undefined : findAction(edge, action, snapshot.graph.actionLevels);
  if (edge === undefined || access === undefined) return undefined;
  return { principal, resource, action: access.action, access, hops: hopsOf(snapshot, principal, access.via ?? []) };
}
