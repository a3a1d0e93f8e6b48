/**
 * Deterministic orderings (code-unit order, independent of locale) for sorted graph lists.
 */

/** Compares two strings by UTF-16 code units: -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a copy of `items` by the string `key`. */
export function sortedBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareStrings(key(x), key(y)));
}

/** The first index at or after `from` of `list` (sorted by `keyOf`) whose key is not below `key`. */
export function lowerBoundBy<T>(list: readonly T[], key: string, keyOf: (item: T) => string, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(list[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
