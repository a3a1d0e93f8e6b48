/**
 * A policy document after parsing: the IAM grammar normalised so that every single-or-list element
 * is a list and the condition block is a flat list of (operator, key, values) entries.
 */
import type { JsonPath } from './ids';
import type { PolicyKind } from './types';

export const EFFECTS = ['Allow', 'Deny'] as const;
export type Effect = (typeof EFFECTS)[number];

/** The principal-type keys of a `Principal` object (IAM-PRINCIPAL). */
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/**
 * A `Principal` or `NotPrincipal` element. `wildcard` is true for `"*"` and for `{"AWS":"*"}`
 * (treated as equivalent, SEMANTICS §10 C9); the `"*"` entry itself is then not in `AWS`.
 */
export interface PrincipalSpec {
  readonly wildcard: boolean;
  readonly AWS: readonly string[];
  readonly Service: readonly string[];
  readonly Federated: readonly string[];
  readonly CanonicalUser: readonly string[];
}

/** One key under one operator; several values are OR-ed (NOR-ed for negated operators). */
export interface ConditionEntry {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** As written; lookups are case-insensitive. */
  readonly key: string;
  /** JSON booleans and numbers become their string form. */
  readonly values: readonly string[];
  readonly path: JsonPath;
}

export interface Statement {
  /** Position in the document's statement list, from 0. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalSpec | undefined;
  readonly notPrincipal: PrincipalSpec | undefined;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  /** All entries are AND-ed. */
  readonly conditions: readonly ConditionEntry[];
  readonly path: JsonPath;
}

export interface PolicyDocument {
  readonly kind: PolicyKind;
  readonly version: string | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
  /**
   * False when AWS would refuse to store the document (an `invalid-policy` diagnostic says why);
   * an invalid document takes no part in evaluation, as if it were not attached.
   */
  readonly valid: boolean;
  /** Location of the document object in the scenario. */
  readonly path: JsonPath;
}

/** True when policy variables are substituted (IAM-VARS: only with Version 2012-10-17). */
export function variablesEnabled(doc: PolicyDocument): boolean {
  return doc.version === '2012-10-17';
}
