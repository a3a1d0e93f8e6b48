/**
 * The value of one context key as the engine sees it during an evaluation: a string, a list of strings,
 * or one of three markers. Exact evaluation only ever sees values and `ABSENT`; three-valued evaluation
 * (SEMANTICS §2.7) also sees `UNKNOWN` (presence and value unknown) and `PRESENT` (known to be present,
 * value unknown: the "partly known" keys of §1.5).
 */

/** The key is not in the request context. */
export const ABSENT: unique symbol = Symbol('absent');
/** Nothing is known about the key (three-valued evaluation only). */
export const UNKNOWN: unique symbol = Symbol('unknown');
/** The key is present but its value is unknown (three-valued evaluation only). */
export const PRESENT: unique symbol = Symbol('present');

/** One key's value during an evaluation. */
export type KeyValue = string | readonly string[] | typeof ABSENT | typeof UNKNOWN | typeof PRESENT;

/** Reads context keys by their lower-cased name. */
export interface KeyLookup {
  value(keyLower: string): KeyValue;
}

/** Three-valued truth as small integers, for the hot path: false, true, unknown. */
export const F = 0;
/** True. */
export const T = 1;
/** Unknown (three-valued evaluation only). */
export const U = 2;
/** One of `F`, `T`, `U`. */
export type Tri = typeof F | typeof T | typeof U;

/** Kleene AND. */
export function and3(a: Tri, b: Tri): Tri {
  return a === F || b === F ? F : a === U || b === U ? U : T;
}

/** Kleene OR. */
export function or3(a: Tri, b: Tri): Tri {
  return a === T || b === T ? T : a === U || b === U ? U : F;
}

/** Kleene NOT. */
export function not3(a: Tri): Tri {
  return a === U ? U : a === T ? F : T;
}
