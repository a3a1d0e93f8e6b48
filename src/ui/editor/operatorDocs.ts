/**
 * What a condition operator does, as message keys: the family's meaning plus one line per modifier
 * (`IfExists`, `ForAllValues:`, `ForAnyValue:`, negation). Source: IAM User Guide, "IAM JSON policy
 * elements: Condition operators".
 */
import {
  BASE_OPERATORS,
  NEGATED_OPERATORS,
  SET_QUALIFIERS,
  type BaseOperator,
} from '../../model/conditionOperators';
import type { PlainKey } from '../useT';

/** The parts of an operator name (`ForAnyValue:StringLikeIfExists`). */
export interface OperatorParts {
  readonly base: BaseOperator;
  readonly qualifier: (typeof SET_QUALIFIERS)[number] | undefined;
  readonly ifExists: boolean;
}

/** Splits an operator name; `undefined` when it is not one. */
export function parseOperator(name: string): OperatorParts | undefined {
  const colon = name.indexOf(':');
  const qualifier = colon < 0 ? undefined : SET_QUALIFIERS.find((q) => q === name.slice(0, colon));
  if (colon >= 0 && qualifier === undefined) return undefined;
  let rest = colon < 0 ? name : name.slice(colon + 1);
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const base = BASE_OPERATORS.find((b) => b === rest);
  if (base === undefined || (base === 'Null' && (ifExists || qualifier !== undefined))) return undefined;
  return { base, qualifier, ifExists };
}

function familyKey(base: BaseOperator): PlainKey {
  if (base.startsWith('StringEqualsIgnoreCase') || base.startsWith('StringNotEqualsIgnoreCase'))
    return 'editor.operator.stringIgnoreCase';
  if (base === 'StringLike' || base === 'StringNotLike') return 'editor.operator.stringLike';
  if (base.startsWith('String')) return 'editor.operator.string';
  if (base.startsWith('Numeric')) return 'editor.operator.numeric';
  if (base.startsWith('Date')) return 'editor.operator.date';
  if (base === 'Bool') return 'editor.operator.bool';
  if (base === 'BinaryEquals') return 'editor.operator.binary';
  if (base.endsWith('IpAddress')) return 'editor.operator.ip';
  if (base.startsWith('Arn')) return 'editor.operator.arn';
  return 'editor.operator.null';
}

/** The message keys that explain an operator, most important first. */
export function operatorDocKeys(parts: OperatorParts): readonly PlainKey[] {
  const keys: PlainKey[] = [familyKey(parts.base)];
  if (NEGATED_OPERATORS.has(parts.base)) keys.push('editor.operator.negated');
  if (parts.ifExists) keys.push('editor.operator.ifExists');
  if (parts.qualifier === 'ForAllValues') keys.push('editor.operator.forAllValues');
  if (parts.qualifier === 'ForAnyValue') keys.push('editor.operator.forAnyValue');
  return keys;
}

/** Every operator name, for completion. */
export function operatorNames(): readonly string[] {
  const names: string[] = [];
  for (const base of BASE_OPERATORS) {
    names.push(base);
    if (base === 'Null') continue;
    names.push(`${base}IfExists`);
    for (const q of SET_QUALIFIERS) names.push(`${q}:${base}`, `${q}:${base}IfExists`);
  }
  return names;
}
