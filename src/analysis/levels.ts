/**
 * Access-level summaries of effective access (List, Read, Write, Permissions management, Tagging):
 * how many of a resource's actions at each level are allowed or conditional, out of how many.
 */
import { ACCESS_LEVELS, type AccessLevel } from '../catalog/vocabulary';
import type { AccessGrant, LevelSummary } from './types';

/** Actions per access level over some action tables (an action with two levels counts for both). */
export type LevelTotals = Readonly<Record<AccessLevel, number>>;

/** Counts the actions of `tables` per level. */
export function levelTotals(tables: readonly { readonly levels: readonly (readonly AccessLevel[])[] }[]): LevelTotals {
  const totals = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, 0])) as Record<AccessLevel, number>;
  for (const table of tables) for (const levels of table.levels) for (const level of levels) totals[level] += 1;
  return totals;
}

const summaries = new WeakMap<readonly AccessGrant[], LevelSummary[]>();

/** The per-level summary of `grants` (cached per list), only levels with something available. */
export function summarizeLevels(grants: readonly AccessGrant[], totals: LevelTotals, levelsOf: (action: string) => readonly AccessLevel[]): LevelSummary[] {
  const cached = summaries.get(grants);
  if (cached !== undefined) return cached;
  const allowed = new Map<AccessLevel, number>();
  const conditional = new Map<AccessLevel, number>();
  for (const grant of grants) {
    const into = grant.decision === 'allowed' ? allowed : conditional;
    for (const action of grant.actions) for (const level of levelsOf(action)) into.set(level, (into.get(level) ?? 0) + 1);
  }
  const out = ACCESS_LEVELS.flatMap((level): LevelSummary[] => {
    const a = allowed.get(level) ?? 0;
    const c = conditional.get(level) ?? 0;
    return a + c === 0 ? [] : [{ level, allowed: a, conditional: c, total: Math.max(totals[level] ?? 0, a + c) }];
  });
  summaries.set(grants, out);
  return out;
}
