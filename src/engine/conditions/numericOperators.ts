/**
 * The numeric family [IAM-CONDOPS "Numeric condition operators"]: integers and decimals compared as
 * numbers; no wildcards and no policy variables. A value that is not a number makes the condition
 * false, whether the operator is negated or not (SEMANTICS §4 choice).
 */
import { F, T } from '../context/keyValue';
import { INVALID, type ValueTest } from './valueTest';

/** The numeric comparisons, without negation (`NumericNotEquals` is the negation of `equals`). */
export const NUMERIC_COMPARISONS = [
  'equals',
  'lessThan',
  'lessThanEquals',
  'greaterThan',
  'greaterThanEquals',
] as const;
/** One numeric comparison. */
export type NumericComparison = (typeof NUMERIC_COMPARISONS)[number];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads a decimal number, or `undefined` when the text is not one. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/** Compares two numbers. */
export function compareNumbers(comparison: NumericComparison, request: number, policy: number): boolean {
  switch (comparison) {
    case 'equals':
      return request === policy;
    case 'lessThan':
      return request < policy;
    case 'lessThanEquals':
      return request <= policy;
    case 'greaterThan':
      return request > policy;
    case 'greaterThanEquals':
      return request >= policy;
  }
}

/** Compiles the policy values of a numeric condition. */
export function compileNumericTest(comparison: NumericComparison, values: readonly string[]): ValueTest {
  const numbers = values.map(parseNumber);
  if (numbers.some((n) => n === undefined)) return () => INVALID;
  const policy = numbers as number[];
  return (r) => {
    const request = parseNumber(r);
    if (request === undefined) return INVALID;
    for (const p of policy) if (compareNumbers(comparison, request, p)) return T;
    return F;
  };
}
