/**
 * The shape every condition-operator family compiles to: a test of one request value against all the
 * policy values of one condition entry (IAM-MULTI: several policy values are OR-ed; the driver negates
 * for the `Not` operators, which makes them NOR-ed).
 */
import type { KeyLookup, Tri } from '../context/keyValue';

/** A value the operator cannot read (a non-number for `Numeric…`, a bad CIDR, a bad date). */
export const INVALID = 3;

/** `F`, `T`, `U` or `INVALID`. */
export type TestResult = Tri | typeof INVALID;

/**
 * Tests one request value against every policy value: `T` when some policy value matches, `F` when none
 * does, `U` when a policy variable reads an unknown key, `INVALID` when a value cannot be read.
 */
export type ValueTest = (requestValue: string, keys: KeyLookup) => TestResult;
