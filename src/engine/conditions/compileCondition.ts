/**
 * Compiles one condition entry (operator, key, values) into a `CompiledCondition`: the operator parsed
 * once, the key lower-cased (keys are case-insensitive [IAM-COND]) and the policy values compiled by the
 * operator's family. Each family lives in its own file.
 */
import {
  NEGATED_OPERATORS,
  parseOperator,
  type BaseOperator,
  type SetQualifier,
} from '../../model/conditionOperators';
import type { ConditionEntry } from '../../model/policy';
import { compileArnTest } from './arnOperators';
import { compileBinaryTest } from './binaryOperator';
import { compileBoolTest } from './boolOperator';
import { compileDateTest } from './dateOperators';
import { compileIpTest } from './ipOperators';
import { compileNullValues } from './nullOperator';
import { compileNumericTest, type NumericComparison } from './numericOperators';
import { compileStringTest } from './stringOperators';
import { INVALID, type ValueTest } from './valueTest';

/** One condition entry, ready to evaluate. */
export interface CompiledCondition {
  readonly entry: ConditionEntry;
  readonly keyLower: string;
  /** `undefined` when the operator name is unknown (such a document is invalid; the entry never holds). */
  readonly base: BaseOperator | undefined;
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set: SetQualifier | undefined;
  /** The value test; unused for `Null`. */
  readonly test: ValueTest;
  /** The values of a `Null` condition. */
  readonly nullValues: readonly (boolean | undefined)[];
}

const NUMERIC: Partial<Record<BaseOperator, NumericComparison>> = {
  NumericEquals: 'equals',
  NumericNotEquals: 'equals',
  NumericLessThan: 'lessThan',
  NumericLessThanEquals: 'lessThanEquals',
  NumericGreaterThan: 'greaterThan',
  NumericGreaterThanEquals: 'greaterThanEquals',
};

const DATE: Partial<Record<BaseOperator, NumericComparison>> = {
  DateEquals: 'equals',
  DateNotEquals: 'equals',
  DateLessThan: 'lessThan',
  DateLessThanEquals: 'lessThanEquals',
  DateGreaterThan: 'greaterThan',
  DateGreaterThanEquals: 'greaterThanEquals',
};

function invalidTest(): typeof INVALID {
  return INVALID;
}

function testFor(base: BaseOperator, values: readonly string[], variables: boolean): ValueTest {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return compileStringTest('equals', values, variables);
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return compileStringTest('equalsIgnoreCase', values, variables);
    case 'StringLike':
    case 'StringNotLike':
      return compileStringTest('like', values, variables);
    case 'Bool':
      return compileBoolTest(values, variables);
    case 'BinaryEquals':
      return compileBinaryTest(values);
    case 'IpAddress':
    case 'NotIpAddress':
      return compileIpTest(values);
    case 'ArnEquals':
    case 'ArnLike':
    case 'ArnNotEquals':
    case 'ArnNotLike':
      return compileArnTest(values, variables);
    case 'Null':
      return invalidTest;
    default: {
      const numeric = NUMERIC[base];
      if (numeric !== undefined) return compileNumericTest(numeric, values);
      const date = DATE[base];
      if (date !== undefined) return compileDateTest(date, values);
      return invalidTest;
    }
  }
}

/** Compiles one entry; `variablesEnabled` follows the document's `Version` (IAM-VARS). */
export function compileCondition(entry: ConditionEntry, variablesEnabled: boolean): CompiledCondition {
  const op = parseOperator(entry.operator);
  const keyLower = entry.key.toLowerCase();
  if (op === undefined) {
    return {
      entry,
      keyLower,
      base: undefined,
      negated: false,
      ifExists: false,
      set: undefined,
      test: invalidTest,
      nullValues: [],
    };
  }
  return {
    entry,
    keyLower,
    base: op.base,
    negated: NEGATED_OPERATORS.has(op.base),
    ifExists: op.ifExists,
    set: op.set,
    test: testFor(op.base, entry.values, variablesEnabled),
    nullValues: op.base === 'Null' ? compileNullValues(entry.values) : [],
  };
}
