/**
 * Joins direct access with reachability: every principal's `effective-access` edges (own permissions and
 * those of every role it reaches, best path per action) and the two reachability indexes. Principals
 * that reach roles by equal routes (same roles, decision and conditions) share the derived lists, so the
 * cost grows with the number of distinct routes rather than with principals × resources × actions.
 */
import type { AccessLevel } from '../catalog/vocabulary';
import { summarizeLevels, type LevelTotals } from './levels';
import { betterGrant, mergeGrants } from './grants';
import { createPathCache, createViaMapper, reachableRoles, routeKey } from './reachability';
import type { PrincipalReach, Reacher, ReachedResource, ReachedRole, ReachPath, ResourceReach } from './reachTypes';
import { edgeId } from './staticEdges';
import type { AccessGrant, CanAssumeEdge, EffectiveAccessEdge, LevelSummary } from './types';

/** Outputs of the join. */
export interface AccessJoin {
  readonly edges: EffectiveAccessEdge[];
  readonly byPrincipal: PrincipalReach[];
  readonly byResource: ResourceReach[];
  /** The join of each principal, for the next incremental analysis. */
  readonly records: Map<string, PrincipalJoin>;
}

/** One principal's part of the join: its reachable roles, edges and reachers (one per edge, in order). */
export interface PrincipalJoin {
  readonly roles: readonly ReachedRole[];
  readonly edges: readonly EffectiveAccessEdge[];
  readonly reach: PrincipalReach | undefined;
  readonly reachers: readonly Reacher[];
}

/**
 * What an incremental join may reuse: the previous records, valid only when the `can-assume` edges,
 * the targets and their level tables are unchanged; `changed` holds the sources whose direct access
 * may differ. A principal is rejoined when it or a role it reaches is in `changed`.
 */
export interface JoinReuse {
  readonly records: ReadonlyMap<string, PrincipalJoin>;
  readonly changed: ReadonlySet<string>;
}

const EMPTY_TOTALS = {} as LevelTotals;

/** What an edge derives from its grant list alone (given the node's totals: a list belongs to one node). */
interface ListFacts {
  readonly levels: LevelSummary[];
  readonly best: AccessGrant | undefined;
  readonly indirect: boolean;
}

function factsOf(actions: readonly AccessGrant[], totals: LevelTotals, levelsOf: (action: string) => readonly AccessLevel[]): ListFacts {
  let best: AccessGrant | undefined;
  for (const a of actions) if (best === undefined || betterGrant(a, best)) best = a;
  return { levels: summarizeLevels(actions, totals, levelsOf), best, indirect: actions.every((a) => a.via !== undefined) };
}

/** Shares derived lists between principals (by identity of their inputs). */
function createListMemo(): { id(list: readonly AccessGrant[]): number; merged(lists: readonly (readonly AccessGrant[])[]): readonly AccessGrant[] } {
  // A Map for one join, not a WeakMap: ephemeron tables with an entry per list cost the collector more.
  const ids = new Map<readonly AccessGrant[], number>();
  const merges = new Map<string, readonly AccessGrant[]>();
  let next = 1;
  function id(list: readonly AccessGrant[]): number {
    let n = ids.get(list);
    if (n === undefined) ids.set(list, (n = next++));
    return n;
  }
  return {
    id,
    merged(lists) {
      if (lists.length === 1 && lists[0] !== undefined) return lists[0];
      const key = lists.map(id).join(',');
      let out = merges.get(key);
      if (out === undefined) merges.set(key, (out = mergeGrants(lists)));
      return out;
    },
  };
}

/** Builds the edges and indexes for `principals` (every request source and identity provider). */
export function joinAccess(
  principals: readonly string[],
  direct: ReadonlyMap<string, ReadonlyMap<string, readonly AccessGrant[]>>,
  adjacency: ReadonlyMap<string, readonly CanAssumeEdge[]>,
  totals: ReadonlyMap<string, LevelTotals>,
  levelsOf: (action: string) => readonly AccessLevel[],
  reuse?: JoinReuse,
): AccessJoin {
  const paths = createPathCache();
  const mapVia = createViaMapper();
  const routeKeys = new WeakMap<ReachPath, string>();
  const mapped = new Map<string, Map<string, readonly AccessGrant[]>>();
  const lists = createListMemo();
  // Lists shared by principals (equal routes, memoized merges) are summarized once.
  const facts = new Map<readonly AccessGrant[], ListFacts>();
  const edges: EffectiveAccessEdge[] = [];
  const byPrincipal: PrincipalReach[] = [];
  const reachers = new Map<string, Reacher[]>();
  const records = new Map<string, PrincipalJoin>();
  const keep = (principal: string, record: PrincipalJoin): void => {
    records.set(principal, record);
    for (const edge of record.edges) edges.push(edge);
    if (record.reach !== undefined) byPrincipal.push(record.reach);
    record.reachers.forEach((reacher, i) => {
      const node = record.edges[i]?.target ?? '';
      const list = reachers.get(node);
      if (list === undefined) reachers.set(node, [reacher]);
      else list.push(reacher);
    });
  };
  for (const principal of [...principals].sort()) {
    const before = reuse?.records.get(principal);
    if (before !== undefined && reuse !== undefined && !reuse.changed.has(principal) && before.roles.every((r) => !reuse.changed.has(r.role))) {
      keep(principal, before);
      continue;
    }
    const roles = reachableRoles(principal, adjacency, paths);
    const contributions = new Map<string, (readonly AccessGrant[])[]>();
    const mineDirect = direct.get(principal);
    for (const [node, list] of mineDirect ?? []) contributions.set(node, [list]);
    for (const reached of roles) {
      const own = direct.get(reached.role);
      if (own === undefined) continue;
      let key = routeKeys.get(reached.path);
      if (key === undefined) routeKeys.set(reached.path, (key = routeKey(reached.path)));
      let byNode = mapped.get(key);
      if (byNode === undefined) mapped.set(key, (byNode = new Map<string, readonly AccessGrant[]>()));
      for (const [node, list] of own) {
        let derived = byNode.get(node);
        if (derived === undefined) byNode.set(node, (derived = list.map((a) => mapVia(reached.path, key, a))));
        const into = contributions.get(node);
        if (into === undefined) contributions.set(node, [derived]);
        else into.push(derived);
      }
    }
    const resources: ReachedResource[] = [];
    const mine: EffectiveAccessEdge[] = [];
    const ownReachers: Reacher[] = [];
    for (const node of [...contributions.keys()].sort()) {
      const parts = contributions.get(node) ?? [];
      const actions = lists.merged(parts);
      // The principal's own list alone is this edge's only (other principals see it mapped through a route): not memoized.
      const alone = parts.length === 1 && mineDirect?.get(node) === actions;
      let known = alone ? undefined : facts.get(actions);
      if (known === undefined) {
        known = factsOf(actions, totals.get(node) ?? EMPTY_TOTALS, levelsOf);
        if (!alone) facts.set(actions, known);
      }
      const { levels, best } = known;
      const decision = best?.decision ?? 'conditional';
      const id = edgeId('effective-access', principal, node);
      mine.push({ id, kind: 'effective-access', source: principal, target: node, decision, levels, grants: actions, indirect: known.indirect });
      resources.push({ resource: node, edge: id, decision, levels });
      ownReachers.push({ principal, edge: id, decision, via: best?.via ?? [], conditions: best?.conditions ?? [], levels });
    }
    keep(principal, { roles, edges: mine, reach: roles.length > 0 || resources.length > 0 ? { principal, roles, resources } : undefined, reachers: ownReachers });
  }
  const byResource = [...reachers.keys()].sort().map((resource) => ({ resource, principals: reachers.get(resource) ?? [] }));
  return { edges, byPrincipal, byResource, records };
}
