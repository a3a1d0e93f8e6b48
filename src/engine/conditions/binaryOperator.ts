/**
 * `BinaryEquals` [IAM-CONDOPS "Binary condition operators"]: the policy holds base64-encoded bytes and
 * the request value is compared in the same encoding, exactly. No policy variables.
 */
import { F, T } from '../context/keyValue';
import type { ValueTest } from './valueTest';

/** Compiles the policy values of a `BinaryEquals` condition. */
export function compileBinaryTest(values: readonly string[]): ValueTest {
  const set = new Set(values.map((v) => v.trim()));
  return (r) => (set.has(r.trim()) ? T : F);
}
