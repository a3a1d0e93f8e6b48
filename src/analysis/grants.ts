/**
 * Access grants: groups of actions available the same way. Ordering, merging (best way per action
 * across own permissions and role routes) and the per-action view.
 */
import type { AccessLevel } from '../catalog/vocabulary';
import type { AccessGrant, ActionAccess, EffectiveAccessEdge } from './types';

/** Orders grants by first action, then evaluated resource. */
export function compareGrants(a: AccessGrant, b: AccessGrant): number {
  const x = a.actions[0] ?? '';
  const y = b.actions[0] ?? '';
  if (x !== y) return x < y ? -1 : 1;
  const r = a.resource ?? '';
  const q = b.resource ?? '';
  return r === q ? 0 : r < q ? -1 : 1;
}

/** True when `a` is a better way than `b`: allowed first, then fewer conditions, then fewer hops. */
export function betterGrant(a: AccessGrant, b: AccessGrant): boolean {
  if (a.decision !== b.decision) return a.decision === 'allowed';
  if (a.conditions.length !== b.conditions.length) return a.conditions.length < b.conditions.length;
  return (a.via?.length ?? 0) < (b.via?.length ?? 0);
}

/**
 * Merges several grant lists for one (principal, resource): for each action (and evaluated resource)
 * the best grant wins; grants are split where only some of their actions win. A single list is kept.
 */
export function mergeGrants(lists: readonly (readonly AccessGrant[])[]): readonly AccessGrant[] {
  if (lists.length === 1 && lists[0] !== undefined) return lists[0];
  // By evaluated resource, then action: no key string built per action (a node has one or two resources).
  const byResource = new Map<string | undefined, Map<string, AccessGrant>>();
  for (const list of lists) {
    for (const grant of list) {
      let best = byResource.get(grant.resource);
      if (best === undefined) byResource.set(grant.resource, (best = new Map<string, AccessGrant>()));
      for (const action of grant.actions) {
        const current = best.get(action);
        if (current === undefined || betterGrant(grant, current)) best.set(action, grant);
      }
    }
  }
  // INVARIANT: the output is sorted by (first action, resource), and no two winners share both, so the
  // order in which winners are collected does not show.
  const winners = new Map<AccessGrant, string[]>();
  for (const best of byResource.values()) {
    for (const [action, grant] of best) {
      const list = winners.get(grant);
      if (list === undefined) winners.set(grant, [action]);
      else list.push(action);
    }
  }
  const out: AccessGrant[] = [];
  for (const [grant, actions] of winners) out.push(actions.length === grant.actions.length ? grant : { ...grant, actions: actions.sort() });
  return out.sort(compareGrants);
}

/** The per-action view of an edge, sorted by action then evaluated resource. */
export function expandActions(edge: EffectiveAccessEdge, actionLevels: Readonly<Record<string, readonly AccessLevel[]>>): ActionAccess[] {
  const out: ActionAccess[] = [];
  for (const grant of edge.grants) {
    const { actions, ...rest } = grant;
    for (const action of actions) out.push({ ...rest, action, levels: actionLevels[action] ?? [] });
  }
  return out.sort((a, b) => (a.action !== b.action ? (a.action < b.action ? -1 : 1) : (a.resource ?? '') < (b.resource ?? '') ? -1 : (a.resource ?? '') > (b.resource ?? '') ? 1 : 0));
}

/** The grant of an edge that holds `action` (case ignored), with the action's own view. */
export function findAction(edge: EffectiveAccessEdge, action: string, actionLevels: Readonly<Record<string, readonly AccessLevel[]>>): ActionAccess | undefined {
  const wanted = action.toLowerCase();
  let found: ActionAccess | undefined;
  for (const grant of edge.grants) {
    const name = grant.actions.find((a) => a.toLowerCase() === wanted);
    if (name === undefined) continue;
    const { actions: _actions, ...rest } = grant;
    const candidate: ActionAccess = { ...rest, action: name, levels: actionLevels[name] ?? [] };
    if (found === undefined || betterGrant({ ...grant, actions: [name] }, { ...found, actions: [found.action] })) found = candidate;
  }
  return found;
}
