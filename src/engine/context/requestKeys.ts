/**
 * The key lookup of one evaluation: determined keys from the principal and the resource first, then
 * keys derived from the STS parameters, then what the request supplied, then the direct-call defaults.
 * What remains is absent in exact evaluation ("a missing key is missing", SEMANTICS §3.5) and, in
 * three-valued evaluation, unknown unless its presence is known (§1.5, §2.7) or the caller marked the
 * key as known.
 */
import type { AssumeRoleParameters, Context } from '../../model/types';
import { ABSENT, PRESENT, UNKNOWN, type KeyLookup, type KeyValue } from './keyValue';
import {
  ALWAYS_PRESENT_KEYS,
  keySource,
  PRINCIPAL_TAG_PREFIX,
  REQUEST_TAG_PREFIX,
  RESOURCE_TAG_PREFIX,
} from './contextKeys';

/** Keys the principal determines, and what three-valued evaluation knows about its other keys. */
export interface PrincipalKeys {
  /** Determined principal keys; a missing entry is a determined absence. */
  readonly facts: ReadonlyMap<string, KeyValue>;
  /** The part of `facts` every principal of the account shares (same values; one map per account, so it stays in cache). */
  readonly accountFacts: ReadonlyMap<string, KeyValue>;
  /** Tags by lower-cased tag name. */
  readonly tags: ReadonlyMap<string, string>;
  /** Keys with a known value unless the request supplies one (direct-call defaults, `aws:userid`). */
  readonly defaults: ReadonlyMap<string, KeyValue>;
  /** Three-valued evaluation: keys known to be present with an unknown value. */
  readonly present: ReadonlySet<string>;
  /** The account, for `kms:CallerAccount`; `undefined` for service principals and anonymous callers. */
  readonly account: string | undefined;
}

/** Keys the resource determines. */
export interface ResourceKeys {
  readonly facts: ReadonlyMap<string, KeyValue>;
  readonly tags: ReadonlyMap<string, string>;
}

/** Values by lower-cased key name (a `Map`, or the fast path's reusable scratch list). */
export interface ContextValues {
  get(keyLower: string): KeyValue | undefined;
}

/** The request's own context, lower-cased, with the keys it supplied that the scenario determines. */
export interface LoweredContext {
  readonly values: ContextValues;
  readonly ignored: readonly string[];
}

const EMPTY_CONTEXT: LoweredContext = { values: new Map(), ignored: [] };
const ALWAYS_PRESENT: ReadonlySet<string> = new Set(ALWAYS_PRESENT_KEYS);

/** Lower-cases the request context and notes the keys the scenario determines. */
export function lowerContext(context: Context | undefined, derived: ReadonlySet<string>): LoweredContext {
  if (context === undefined) return EMPTY_CONTEXT;
  const keys = Object.keys(context);
  if (keys.length === 0) return EMPTY_CONTEXT;
  const values = new Map<string, KeyValue>();
  const ignored: string[] = [];
  for (const key of keys) {
    const lower = key.toLowerCase();
    const value = context[key];
    if (value === undefined) continue;
    if (
      keySource(lower) !== undefined ||
      derived.has(lower) ||
      (lower.startsWith(REQUEST_TAG_PREFIX) && derived.has(REQUEST_TAG_PREFIX))
    )
      ignored.push(key);
    values.set(lower, value);
  }
  return { values, ignored };
}

/** Keys derived from `parameters` of an `sts:AssumeRole*` request (SEMANTICS §8.0). */
export function parameterKeys(
  parameters: AssumeRoleParameters | undefined,
): ReadonlyMap<string, KeyValue> | undefined {
  if (parameters === undefined) return undefined;
  const out = new Map<string, KeyValue>();
  if (parameters.Tags.length > 0) {
    // INVARIANT: the prefix entry marks that request tags are determined by the parameters.
    out.set(REQUEST_TAG_PREFIX, ABSENT);
    for (const tag of parameters.Tags) out.set(REQUEST_TAG_PREFIX + tag.Key.toLowerCase(), tag.Value);
    out.set(
      'aws:tagkeys',
      parameters.Tags.map((t) => t.Key),
    );
  }
  if (parameters.SourceIdentity !== undefined) out.set('sts:sourceidentity', parameters.SourceIdentity);
  if (parameters.DurationSeconds !== undefined)
    out.set('sts:durationseconds', String(parameters.DurationSeconds));
  return out.size === 0 ? undefined : out;
}

/** Everything one lookup needs. */
export interface KeyLookupInput {
  readonly principal: PrincipalKeys;
  readonly resource: ResourceKeys;
  readonly parameters: ReadonlyMap<string, KeyValue> | undefined;
  readonly context: LoweredContext;
  /** The lower-cased service prefix of the action (for `kms:CallerAccount`). */
  readonly service: string;
  readonly threeValued: boolean;
  /** Three-valued evaluation: keys to treat as known (absent unless supplied). */
  readonly known: ReadonlySet<string> | undefined;
}

function fromParameters(
  parameters: ReadonlyMap<string, KeyValue> | undefined,
  key: string,
): KeyValue | undefined {
  if (parameters === undefined) return undefined;
  const value = parameters.get(key);
  if (value !== undefined) return value;
  if (key.startsWith(REQUEST_TAG_PREFIX) && parameters.has(REQUEST_TAG_PREFIX)) return ABSENT;
  return undefined;
}

/** The value of a key the principal or the resource determines, or `undefined` for any other key. */
function determinedValue(
  principal: PrincipalKeys,
  resource: ResourceKeys,
  service: string,
  key: string,
): KeyValue | undefined {
  switch (keySource(key)) {
    case 'principal':
      // INVARIANT: `accountFacts` is a subset of `facts` with the same values.
      return principal.accountFacts.get(key) ?? principal.facts.get(key) ?? ABSENT;
    case 'principal-tag':
      return principal.tags.get(key.slice(PRINCIPAL_TAG_PREFIX.length)) ?? ABSENT;
    case 'resource':
      return resource.facts.get(key) ?? ABSENT;
    case 'resource-tag':
      return resource.tags.get(key.slice(RESOURCE_TAG_PREFIX.length)) ?? ABSENT;
    case undefined:
      break;
  }
  if (key === 'kms:calleraccount' && service === 'kms' && principal.account !== undefined)
    return principal.account;
  return undefined;
}

/** Creates the lookup of one evaluation. */
export function createKeyLookup(input: KeyLookupInput): KeyLookup {
  return new InputKeyLookup(input);
}

/** The lookup of `createKeyLookup`: one object holding its input (a closure would cost two more). */
class InputKeyLookup implements KeyLookup {
  constructor(private readonly input: KeyLookupInput) {}
  value(key: string): KeyValue {
    const { principal, resource, parameters, context, service, threeValued, known } = this.input;
    const determined = determinedValue(principal, resource, service, key);
    if (determined !== undefined) return determined;
    const derived = fromParameters(parameters, key);
    if (derived !== undefined) return derived;
    const supplied = context.values.get(key);
    if (supplied !== undefined) return supplied;
    const fallback = principal.defaults.get(key);
    if (fallback !== undefined) return fallback;
    if (!threeValued || known?.has(key) === true) return ABSENT;
    if (principal.present.has(key) || ALWAYS_PRESENT.has(key)) return PRESENT;
    return UNKNOWN;
  }
}

/**
 * A reusable lookup for exact evaluation of a request without STS parameters (the fast path): the same
 * answers as `createKeyLookup` with `parameters` undefined and `threeValued` false. The caller sets the
 * fields before each evaluation; one object serves every request, so a decision allocates no lookup.
 */
export class ExactKeyLookup implements KeyLookup {
  principal: PrincipalKeys;
  resource: ResourceKeys;
  context: ContextValues;
  service = '';
  constructor(principal: PrincipalKeys, resource: ResourceKeys, context: ContextValues) {
    this.principal = principal;
    this.resource = resource;
    this.context = context;
  }
  value(key: string): KeyValue {
    const determined = determinedValue(this.principal, this.resource, this.service, key);
    if (determined !== undefined) return determined;
    return this.context.get(key) ?? this.principal.defaults.get(key) ?? ABSENT;
  }
}
