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
