/**
 * Joins direct access with reachability: every principal's `effective-access` edges (own permissions and
 * those of every role it reaches, best path per action) and the two reachability indexes.
 */
import type { LevelTotals } from './levels';
import { summarizeLevels } from './levels';
import { betterAccess, createViaMapper, mergeAccess, reachableRoles } from './reachability';
import type { PrincipalReach, Reacher, ResourceReach } from './reachTypes';
import { edgeId } from './staticEdges';
import type { ActionAccess, CanAssumeEdge, EffectiveAccessEdge } from './types';

/** Outputs of the join. */
export interface AccessJoin {
  readonly edges: EffectiveAccessEdge[];
  readonly byPrincipal: PrincipalReach[];
  readonly byResource: ResourceReach[];
}

/** Builds the edges and indexes for `principals` (every request source and identity provider). */
export function joinAccess(
  principals: readonly string[],
  direct: ReadonlyMap<string, ReadonlyMap<string, readonly ActionAccess[]>>,
  adjacency: ReadonlyMap<string, readonly CanAssumeEdge[]>,
  totals: ReadonlyMap<string, LevelTotals>,
): AccessJoin {
  const mapVia = createViaMapper();
  const listMemo = new Map<string, readonly ActionAccess[]>();
  const edges: EffectiveAccessEdge[] = [];
  const byPrincipal: PrincipalReach[] = [];
  const reachers = new Map<string, Reacher[]>();
  for (const principal of [...principals].sort()) {
    const roles = reachableRoles(principal, adjacency);
    const contributions = new Map<string, (readonly ActionAccess[])[]>();
    for (const [node, list] of direct.get(principal) ?? []) contributions.set(node, [list]);
    for (const reached of roles) {
      const pathKey = `${reached.role}|${reached.path.hops.map((h) => h.edge).join('>')}`;
      for (const [node, list] of direct.get(reached.role) ?? []) {
        const memoKey = `${pathKey}|${node}`;
        let mapped = listMemo.get(memoKey);
        if (mapped === undefined) listMemo.set(memoKey, (mapped = list.map((a) => mapVia(reached.path, reached.role, a))));
        const into = contributions.get(node);
        if (into === undefined) contributions.set(node, [mapped]);
        else into.push(mapped);
      }
    }
    const resources: PrincipalReach['resources'][number][] = [];
    for (const node of [...contributions.keys()].sort()) {
      const actions = mergeAccess(contributions.get(node) ?? []);
      const levels = summarizeLevels(actions, totals.get(node) ?? ({} as LevelTotals));
      const decision = actions.some((a) => a.decision === 'allowed') ? 'allowed' : 'conditional';
      const id = edgeId('effective-access', principal, node);
      edges.push({ id, kind: 'effective-access', source: principal, target: node, decision, levels, actions, indirect: actions.every((a) => a.via !== undefined) });
      resources.push({ resource: node, edge: id, decision, levels });
      const best = actions.reduce<ActionAccess | undefined>((b, a) => (b === undefined || betterAccess(a, b) ? a : b), undefined);
      const reacher: Reacher = { principal, edge: id, decision, via: best?.via ?? [], conditions: best?.conditions ?? [], levels };
      const list = reachers.get(node);
      if (list === undefined) reachers.set(node, [reacher]);
      else list.push(reacher);
    }
    if (roles.length > 0 || resources.length > 0) byPrincipal.push({ principal, roles, resources });
  }
  const byResource = [...reachers.keys()].sort().map((resource) => ({ resource, principals: reachers.get(resource) ?? [] }));
  return { edges, byPrincipal, byResource };
}
