/**
 * Evaluates one compiled condition against the request's keys (SEMANTICS §3.5, §4, §4.1): the
 * missing-key rules (false, except negated operators, `…IfExists` and `ForAllValues`, which are true),
 * the set qualifiers over multi-valued keys, OR over policy values (NOR for negated operators), and the
 * plain operator on a multi-valued request value (no match, §4 choice / provisional P03). Unreadable
 * values make the condition false. With unknown keys (three-valued evaluation) the result is `U`.
 */
import { ABSENT, F, PRESENT, T, U, UNKNOWN, type KeyLookup, type Tri } from '../context/keyValue';
import type { CompiledCondition } from './compileCondition';
import { evaluateNull } from './nullOperator';
import { INVALID, type TestResult } from './valueTest';

function one(c: CompiledCondition, r: string, keys: KeyLookup): TestResult {
  const x = c.test(r, keys);
  if (x === INVALID || x === U) return x;
  return c.negated ? (x === T ? F : T) : x;
}

/** `T`, `F` or (three-valued evaluation only) `U`. */
export function evaluateCondition(c: CompiledCondition, keys: KeyLookup): Tri {
  if (c.base === undefined) return F;
  const value = keys.value(c.keyLower);
  if (c.base === 'Null') return evaluateNull(c.nullValues, value);
  if (value === UNKNOWN || value === PRESENT) return U;
  if (value === ABSENT) {
    if (c.set === 'ForAllValues') return T;
    if (c.set === 'ForAnyValue') return c.ifExists ? T : F;
    return c.ifExists || c.negated ? T : F;
  }
  if (c.set === undefined) {
    let r: string;
    if (typeof value === 'string') r = value;
    else if (value.length === 1) r = value[0] as string;
    else return F;
    const x = one(c, r, keys);
    return x === INVALID ? F : x;
  }
  const values = typeof value === 'string' ? [value] : value;
  if (values.length === 0) return c.set === 'ForAllValues' ? T : F;
  let result: Tri = c.set === 'ForAllValues' ? T : F;
  for (const r of values) {
    const x = one(c, r, keys);
    if (x === INVALID) return F;
    if (c.set === 'ForAllValues') {
      if (x === F) return F;
      if (x === U) result = U;
    } else {
      if (x === T) return T;
      if (x === U) result = U;
    }
  }
  return result;
}
