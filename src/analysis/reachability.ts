/**
 * Reachability through chains of role assumption (SEMANTICS §7.3): for every principal, the roles it
 * reaches (cycle-safe; best path = fewest conditions, then fewest hops) and its effective access
 * including access through those roles (the union over reachable sessions, best path per action).
 */
import { mergeConditions } from './conditions';
import type { PathHop, ReachPath, ReachedRole } from './reachTypes';
import type { AccessGrant, CanAssumeEdge } from './types';

const ADJACENCY = new WeakMap<readonly CanAssumeEdge[], ReadonlyMap<string, readonly CanAssumeEdge[]>>();

/** The usable `can-assume` edges by caller (remembered per edge list; read only). */
export function assumeAdjacency(edges: readonly CanAssumeEdge[]): ReadonlyMap<string, readonly CanAssumeEdge[]> {
  let out = ADJACENCY.get(edges);
  if (out !== undefined) return out;
  const built = new Map<string, CanAssumeEdge[]>();
  for (const edge of edges) {
    if (edge.decision === 'blocked') continue;
    const list = built.get(edge.source);
    if (list === undefined) built.set(edge.source, [edge]);
    else list.push(edge);
  }
  ADJACENCY.set(edges, (out = built));
  return out;
}

/**
 * `assumeAdjacency(after)` when `after` differs from `before` only in the edges of `sources`, whose
 * edges (all, in order) `bySource` holds: the previous adjacency with theirs replaced.
 */
export function patchedAdjacency(
  before: readonly CanAssumeEdge[],
  after: readonly CanAssumeEdge[],
  bySource: ReadonlyMap<string, readonly CanAssumeEdge[]>,
  sources: Iterable<string>,
): ReadonlyMap<string, readonly CanAssumeEdge[]> {
  const out = new Map(assumeAdjacency(before));
  for (const id of sources) {
    const usable = (bySource.get(id) ?? []).filter((edge) => edge.decision !== 'blocked');
    if (usable.length > 0) out.set(id, usable);
    else out.delete(id);
  }
  ADJACENCY.set(after, out);
  return out;
}

function hopOf(edge: CanAssumeEdge): PathHop {
  return { edge: edge.id, from: edge.source, to: edge.target, decision: edge.decision === 'allowed' ? 'allowed' : 'conditional', chained: edge.chained };
}

/** A settled or tentative node of the search, with its parent link. */
export interface Label {
  readonly node: string;
  readonly cost: number;
  readonly depth: number;
  readonly via: CanAssumeEdge | undefined;
  readonly parent: Label | undefined;
}

function less(a: Label, b: Label): boolean {
  return a.cost < b.cost || (a.cost === b.cost && (a.depth < b.depth || (a.depth === b.depth && a.node < b.node)));
}

/** A binary min-heap of labels. */
class Heap {
  private readonly items: Label[] = [];
  get size(): number {
    return this.items.length;
  }
  push(label: Label): void {
    const items = this.items;
    items.push(label);
    for (let i = items.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!less(items[i]!, items[up]!)) break;
      [items[i], items[up]] = [items[up]!, items[i]!];
      i = up;
    }
  }
  pop(): Label | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && less(items[l]!, items[m]!)) m = l;
        if (r < items.length && less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The roles reachable from `start` with their best paths, sorted by role (the start itself excluded).
 * Dijkstra on (number of conditions, hops); paths are rebuilt from parent links once settled.
 */
export function reachableRoles(start: string, adjacency: ReadonlyMap<string, readonly CanAssumeEdge[]>, paths: PathCache): ReachedRole[] {
  const settled = new Map<string, Label>();
  const heap = new Heap();
  const origin: Label = { node: start, cost: 0, depth: 0, via: undefined, parent: undefined };
  settled.set(start, origin);
  for (const edge of adjacency.get(start) ?? []) heap.push({ node: edge.target, cost: edge.conditions.length, depth: 1, via: edge, parent: origin });
  while (heap.size > 0) {
    const next = heap.pop();
    if (next === undefined || settled.has(next.node)) continue;
    settled.set(next.node, next);
    for (const edge of adjacency.get(next.node) ?? []) {
      if (!settled.has(edge.target)) heap.push({ node: edge.target, cost: next.cost + edge.conditions.length, depth: next.depth + 1, via: edge, parent: next });
    }
  }
  settled.delete(start);
  return [...settled.values()].sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)).map((label) => ({ role: label.node, path: paths.pathOf(label) }));
}

/** Builds `ReachPath` objects from labels, sharing the path of equal parent chains. */
export interface PathCache {
  pathOf(label: Label): ReachPath;
}

/** A fresh path cache (one per analysis). */
export function createPathCache(): PathCache {
  const byLabel = new WeakMap<Label, ReachPath>();
  function pathOf(label: Label): ReachPath {
    const cached = byLabel.get(label);
    if (cached !== undefined) return cached;
    if (label.parent === undefined || label.via === undefined) return { hops: [], conditions: [], decision: 'allowed' };
    const parent = pathOf(label.parent);
    const hop = hopOf(label.via);
    const path: ReachPath = {
      hops: [...parent.hops, hop],
      conditions: label.via.conditions.length === 0 ? parent.conditions : mergeConditions(parent.conditions, label.via.conditions),
      decision: parent.decision === 'allowed' && hop.decision === 'allowed' ? 'allowed' : 'conditional',
    };
    byLabel.set(label, path);
    return path;
  }
  return { pathOf };
}

/**
 * The key of a path as far as indirect access is concerned: the roles assumed, the decision and the
 * conditions, each with where it is written (principals whose routes differ only in that place would
 * otherwise share the first one's derived grants, so a principal's edges depended on which principal
 * was joined first: an incremental join, which joins fewer, showed the other place).
 */
export function routeKey(path: ReachPath): string {
  const conditions = path.conditions.map((c) => `${c.effect}:${c.condition.operator}:${c.condition.key}:${c.condition.values.join(',')}@${JSON.stringify(c.condition.path)}`).join(';');
  return `${path.hops.map((h) => h.to).join('>')}|${path.decision}|${conditions}`;
}

/** Derives indirect grants, shared between principals that reach a role by an equal route. */
export function createViaMapper(): (path: ReachPath, key: string, access: AccessGrant) => AccessGrant {
  const memo = new Map<string, Map<AccessGrant, AccessGrant>>();
  return (path, key, access) => {
    let byAccess = memo.get(key);
    if (byAccess === undefined) memo.set(key, (byAccess = new Map<AccessGrant, AccessGrant>()));
    let mapped = byAccess.get(access);
    if (mapped === undefined) {
      const decision = path.decision === 'allowed' && access.decision === 'allowed' ? 'allowed' : 'conditional';
      mapped = { ...access, decision, conditions: path.conditions.length === 0 ? access.conditions : mergeConditions(path.conditions, access.conditions), via: path.hops.map((h) => h.to) };
      byAccess.set(access, mapped);
    }
    return mapped;
  };
}
