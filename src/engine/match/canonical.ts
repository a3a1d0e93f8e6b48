/**
 * One string object for every equal string the engine compares often: ARN fields of requests and of
 * policy patterns, glob texts, principal names and the values of principal and resource facts. Equal
 * strings that are one object compare by identity (`===` and `Map`/`Set` keys check identity first),
 * so a comparison reads neither string's characters: a random-order batch is bound by memory latency,
 * and each resource view's own copies of `aws`, `s3` or an account id were cache misses.
 * INVARIANT: only identities change; every comparison gives the same result with or without it.
 */

const TABLE = new Map<string, string>();
const LIMIT = 100_000;

/** The canonical string equal to `text` (bounded: after a reset, equal strings may again be two objects). */
export function canonical(text: string): string {
  const held = TABLE.get(text);
  if (held !== undefined) return held;
  if (TABLE.size >= LIMIT) TABLE.clear();
  TABLE.set(text, text);
  return text;
}
