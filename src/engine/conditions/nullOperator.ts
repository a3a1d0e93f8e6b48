/**
 * `Null` [IAM-CONDOPS "Condition operator to check existence of condition keys"]: `"true"` matches when
 * the key is absent, `"false"` when it is present (an empty list is present). Several values are OR-ed;
 * a value other than `true` / `false` matches nothing. `Null` is the only operator that can decide a key
 * whose value is unknown but whose presence is known (SEMANTICS §1.5 "Partly known").
 */
import { ABSENT, F, T, U, UNKNOWN, type KeyValue, type Tri } from '../context/keyValue';

/** The policy values of a `Null` condition: `true` (absent), `false` (present) or unreadable. */
export function compileNullValues(values: readonly string[]): readonly (boolean | undefined)[] {
  return values.map((v) => {
    const lower = v.trim().toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  });
}

/** Evaluates a `Null` condition against the key's value. */
export function evaluateNull(expected: readonly (boolean | undefined)[], value: KeyValue): Tri {
  const wantsAbsent = expected.includes(true);
  const wantsPresent = expected.includes(false);
  if (value === UNKNOWN) return wantsAbsent && wantsPresent ? T : wantsAbsent || wantsPresent ? U : F;
  if (value === ABSENT) return wantsAbsent ? T : F;
  return wantsPresent ? T : F;
}
