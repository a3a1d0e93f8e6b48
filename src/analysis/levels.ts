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

const LEVEL_INDEX = Object.fromEntries(ACCESS_LEVELS.map((level, i) => [level, i])) as Record<AccessLevel, number>;

/**
 * The per-level summary of `grants`, only levels with something available. Not cached here: the join
 * memoizes per list for one analysis (a module-level WeakMap held an entry per list of every snapshot).
 */
export function summarizeLevels(grants: readonly AccessGrant[], totals: LevelTotals, levelsOf: (action: string) => readonly AccessLevel[]): LevelSummary[] {
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
  const out: LevelSummary[] = [];
  for (let i = 0; i < ACCESS_LEVELS.length; i++) {
    const level = ACCESS_LEVELS[i]!;
    const a = allowed[i] ?? 0;
    const c = conditional[i] ?? 0;
    if (a + c !== 0) out.push({ level, allowed: a, conditional: c, total: Math.max(totals[level] ?? 0, a + c) });
  }
  return out;
}
