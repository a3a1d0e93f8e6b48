/**
 * Condition operator names (IAM-CONDOPS): the base operators, the `...IfExists` suffix and the
 * `ForAllValues:` / `ForAnyValue:` set qualifiers.
 */

export const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;
export type BaseOperator = (typeof BASE_OPERATORS)[number];

export const SET_QUALIFIERS = ['ForAllValues', 'ForAnyValue'] as const;
export type SetQualifier = (typeof SET_QUALIFIERS)[number];

/** Operators whose several values are NOR-ed and that are true for an absent key (IAM-MULTI). */
export const NEGATED_OPERATORS: ReadonlySet<BaseOperator> = new Set<BaseOperator>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

/** A parsed operator name. */
export interface ParsedOperator {
  readonly base: BaseOperator;
  readonly ifExists: boolean;
  readonly set: SetQualifier | undefined;
  /** The canonical spelling, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly canonical: string;
}

const BY_LOWER = new Map<string, BaseOperator>(BASE_OPERATORS.map((op) => [op.toLowerCase(), op]));

/** Parses an operator name, ignoring case; `undefined` when it names no operator. */
export function parseOperator(raw: string): ParsedOperator | undefined {
  let rest = raw;
  let set: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    set = SET_QUALIFIERS.find((q) => q.toLowerCase() === qualifier);
    if (set === undefined) return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = BY_LOWER.get(rest.toLowerCase());
  if (base === undefined) return undefined;
  if (base === 'Null' && (ifExists || set !== undefined)) return undefined;
  const canonical = `${set === undefined ? '' : `${set}:`}${base}${ifExists ? 'IfExists' : ''}`;
  return { base, ifExists, set, canonical };
}
