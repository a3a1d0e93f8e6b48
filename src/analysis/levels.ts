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
const LEVEL_INDEX = Object.fromEntries(ACCESS_LEVELS.map((level, i) => [level, i])) as Record<AccessLevel, number>;

/** The per-level summary of `grants` (cached per list), only levels with something available. */
export function summarizeLevels(grants: readonly AccessGrant[], totals: LevelTotals, levelsOf: (action: string) => readonly AccessLevel[]): LevelSummary[] {
  const cached = summaries.get(grants);
  if (cached !== undefined) return cached;
  const allowed = new Int32Array(ACCESS_LEVELS.length);
  const conditional = new Int32Array(ACCESS_LEVELS.length);
  for (const grant of grants) {
    const into = grant.decision === 'allowed' ? allowed : conditional;
    // Counted in place: a memo per action list costs more memory at L than it saves time.
    for (const action of grant.actions) {
      for (const level of levelsOf(action)) {
        const i = LEVEL_INDEX[level];
        into[i] = (into[i] ?? 0) + 1;
      }
    }
  }
  const out = ACCESS_LEVELS.flatMap((level, i): LevelSummary[] => {
    const a = allowed[i] ?? 0;
    const c = conditional[i] ?? 0;
    return a + c === 0 ? [] : [{ level, allowed: a, conditional: c, total: Math.max(totals[level] ?? 0, a + c) }];
  });
  summaries.set(grants, out);
  return out;
}
