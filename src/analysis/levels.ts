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
type LevelsOf = (action: string) => readonly AccessLevel[];
// Per `levelsOf` (one per analysis, so a catalog that learns more actions never serves stale counts).
const countsByActions = new WeakMap<LevelsOf, WeakMap<readonly string[], Int32Array>>();

/** Actions per level (in `ACCESS_LEVELS` order) of an action list; lists are shared between grants. */
function levelCounts(actions: readonly string[], levelsOf: LevelsOf): Int32Array {
  let memo = countsByActions.get(levelsOf);
  if (memo === undefined) countsByActions.set(levelsOf, (memo = new WeakMap<readonly string[], Int32Array>()));
  let counts = memo.get(actions);
  if (counts === undefined) {
    counts = new Int32Array(ACCESS_LEVELS.length);
    for (const action of actions) {
      for (const level of levelsOf(action)) {
        const i = LEVEL_INDEX[level];
        counts[i] = (counts[i] ?? 0) + 1;
      }
    }
    memo.set(actions, counts);
  }
  return counts;
}

const LEVEL_INDEX = Object.fromEntries(ACCESS_LEVELS.map((level, i) => [level, i])) as Record<AccessLevel, number>;

/** The per-level summary of `grants` (cached per list), only levels with something available. */
export function summarizeLevels(grants: readonly AccessGrant[], totals: LevelTotals, levelsOf: (action: string) => readonly AccessLevel[]): LevelSummary[] {
  const cached = summaries.get(grants);
  if (cached !== undefined) return cached;
  const allowed = new Int32Array(ACCESS_LEVELS.length);
  const conditional = new Int32Array(ACCESS_LEVELS.length);
  for (const grant of grants) {
    const into = grant.decision === 'allowed' ? allowed : conditional;
    const counts = levelCounts(grant.actions, levelsOf);
    for (let i = 0; i < counts.length; i++) into[i] = (into[i] ?? 0) + (counts[i] ?? 0);
  }
  const out = ACCESS_LEVELS.flatMap((level, i): LevelSummary[] => {
    const a = allowed[i] ?? 0;
    const c = conditional[i] ?? 0;
    return a + c === 0 ? [] : [{ level, allowed: a, conditional: c, total: Math.max(totals[level] ?? 0, a + c) }];
  });
  summaries.set(grants, out);
  return out;
}
