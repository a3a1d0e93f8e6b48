/**
 * Reachability through chains of role assumption (SEMANTICS §7.3): for every principal, the roles it
 * reaches (cycle-safe; best path = fewest conditions, then fewest hops) and its effective access
 * including access through those roles (the union over reachable sessions, best path per action).
 */
import { mergeConditions } from './conditions';
import { compareAccess } from './effectiveAccess';
import type { PathHop, ReachPath, ReachedRole } from './reachTypes';
import type { ActionAccess, CanAssumeEdge } from './types';

interface Label {
  readonly cost: number;
  readonly hops: readonly PathHop[];
  readonly conditions: ReachPath['conditions'];
}

function better(a: Label, b: Label | undefined): boolean {
  return b === undefined || a.cost < b.cost || (a.cost === b.cost && a.hops.length < b.hops.length);
}

/** The usable `can-assume` edges by caller. */
export function assumeAdjacency(edges: readonly CanAssumeEdge[]): Map<string, CanAssumeEdge[]> {
  const out = new Map<string, CanAssumeEdge[]>();
  for (const edge of edges) {
    if (edge.decision === 'blocked') continue;
    const list = out.get(edge.source);
    if (list === undefined) out.set(edge.source, [edge]);
    else list.push(edge);
  }
  return out;
}

function hopOf(edge: CanAssumeEdge): PathHop {
  return { edge: edge.id, from: edge.source, to: edge.target, decision: edge.decision === 'allowed' ? 'allowed' : 'conditional', chained: edge.chained };
}

/**
 * The roles reachable from `start` with their best paths (the start itself excluded unless a cycle
 * leads back to it, in which case it is also excluded: it adds nothing). Dijkstra on (conditions, hops).
 */
export function reachableRoles(start: string, adjacency: ReadonlyMap<string, readonly CanAssumeEdge[]>): ReachedRole[] {
  const best = new Map<string, Label>();
  const settled = new Set<string>([start]);
  const frontier: { node: string; label: Label }[] = [];
  const relax = (edge: CanAssumeEdge, from: Label): void => {
    if (settled.has(edge.target)) return;
    const label: Label = { cost: from.cost + edge.conditions.length, hops: [...from.hops, hopOf(edge)], conditions: mergeConditions(from.conditions, edge.conditions) };
    if (better(label, best.get(edge.target))) {
      best.set(edge.target, label);
      frontier.push({ node: edge.target, label });
    }
  };
  for (const edge of adjacency.get(start) ?? []) relax(edge, { cost: 0, hops: [], conditions: [] });
  while (frontier.length > 0) {
    let min = 0;
    for (let i = 1; i < frontier.length; i++) if (better(frontier[i]!.label, frontier[min]!.label)) min = i;
    const [next] = frontier.splice(min, 1);
    if (next === undefined || settled.has(next.node) || best.get(next.node) !== next.label) continue;
    settled.add(next.node);
    for (const edge of adjacency.get(next.node) ?? []) relax(edge, next.label);
  }
  return [...best]
    .filter(([role]) => role !== start)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([role, label]) => ({ role, path: { hops: label.hops, conditions: label.conditions, decision: label.hops.every((h) => h.decision === 'allowed') ? 'allowed' : 'conditional' } }));
}

/** Orders two ways to perform one action: allowed first, then fewer conditions, then fewer hops. */
export function betterAccess(a: ActionAccess, b: ActionAccess): boolean {
  if (a.decision !== b.decision) return a.decision === 'allowed';
  if (a.conditions.length !== b.conditions.length) return a.conditions.length < b.conditions.length;
  return (a.via?.length ?? 0) < (b.via?.length ?? 0);
}

/** Derives indirect access objects, sharing them between principals that reach a role the same way. */
export function createViaMapper(): (path: ReachPath, role: string, access: ActionAccess) => ActionAccess {
  const memo = new Map<string, Map<ActionAccess, ActionAccess>>();
  return (path, role, access) => {
    const key = `${role}|${path.hops.map((h) => h.edge).join('>')}`;
    let byAccess = memo.get(key);
    if (byAccess === undefined) memo.set(key, (byAccess = new Map<ActionAccess, ActionAccess>()));
    let mapped = byAccess.get(access);
    if (mapped === undefined) {
      const decision = path.decision === 'allowed' && access.decision === 'allowed' ? 'allowed' : 'conditional';
      const via = path.hops.map((h) => h.to);
      mapped = { ...access, decision, conditions: path.conditions.length === 0 ? access.conditions : mergeConditions(path.conditions, access.conditions), via };
      byAccess.set(access, mapped);
    }
    return mapped;
  };
}

/** Merges own and indirect actions per action (and evaluated resource), keeping the best of each. */
export function mergeAccess(lists: readonly (readonly ActionAccess[])[]): readonly ActionAccess[] {
  // A single contributor is kept as is, so principals that reach a role the same way share one list.
  if (lists.length === 1 && lists[0] !== undefined) return lists[0];
  const best = new Map<string, ActionAccess>();
  for (const list of lists) {
    for (const access of list) {
      const key = `${access.action}|${access.resource ?? ''}`;
      const current = best.get(key);
      if (current === undefined || betterAccess(access, current)) best.set(key, access);
    }
  }
  return [...best.values()].sort(compareAccess);
}
