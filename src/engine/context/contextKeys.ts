/**
 * Which context keys the scenario determines and which it cannot know (SEMANTICS §1.5). Lower case.
 * A determined key is derived by the engine: a value the request supplies for it is ignored (and
 * reported), and a determined absence stays absent.
 */

/** Principal keys derived from the principal node (§1.2, §5.4). */
export const PRINCIPAL_KEYS = [
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:username',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:principalservicenameslist',
] as const;

/** Resource keys derived from the resource node (§1.5). */
export const RESOURCE_KEYS = [
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:resourceorgpaths',
  's3:resourceaccount',
] as const;

/** Tag families (the tag name after the slash is case-insensitive, T86). */
export const PRINCIPAL_TAG_PREFIX = 'aws:principaltag/';
/** Resource tags. */
export const RESOURCE_TAG_PREFIX = 'aws:resourcetag/';
/** Request tags (derived from `parameters.Tags` of an `sts:AssumeRole*` request, §8.0). */
export const REQUEST_TAG_PREFIX = 'aws:requesttag/';

/**
 * Keys whose value is fixed for a direct call by an IAM principal but that a request may still set to
 * model another path (a call forwarded by a service, a service acting for a source resource): the
 * defaults hold unless the request supplies the key [IAM-KEYS].
 */
export const DIRECT_CALL_DEFAULTS: readonly (readonly [string, string | undefined])[] = [
  ['aws:viaawsservice', 'false'],
  ['aws:calledvia', undefined],
  ['aws:calledviafirst', undefined],
  ['aws:calledvialast', undefined],
  ['aws:sourcearn', undefined],
  ['aws:sourceaccount', undefined],
  ['aws:sourceorgid', undefined],
  ['aws:sourceorgpaths', undefined],
  ['aws:sourceowner', undefined],
];

/**
 * Keys present in every request although their value is known only at request time ("always included
 * in the request context" [IAM-KEYS]); `Null` on them is decided even in three-valued evaluation.
 */
export const ALWAYS_PRESENT_KEYS = [
  'aws:currenttime',
  'aws:epochtime',
  'aws:securetransport',
  'aws:requestedregion',
] as const;

/** Keys present for temporary credentials (role and federated sessions), absent for long-term keys. */
export const SESSION_PRESENT_KEYS = ['aws:tokenissuetime', 'aws:multifactorauthpresent'] as const;

const PRINCIPAL_SET: ReadonlySet<string> = new Set(PRINCIPAL_KEYS);
const RESOURCE_SET: ReadonlySet<string> = new Set(RESOURCE_KEYS);

/** Where a determined key comes from, or `undefined` for a key the request supplies. */
export type KeySource = 'principal' | 'principal-tag' | 'resource' | 'resource-tag' | undefined;

const SOURCES = new Map<string, KeySource | null>();
const SOURCES_LIMIT = 10_000;

/** Classifies a lower-cased key name (memoised: policies and requests use few distinct keys). */
export function keySource(keyLower: string): KeySource {
  const known = SOURCES.get(keyLower);
  if (known !== undefined) return known ?? undefined;
  const source = classify(keyLower);
  if (SOURCES.size >= SOURCES_LIMIT) SOURCES.clear();
  SOURCES.set(keyLower, source ?? null);
  return source;
}

function classify(keyLower: string): KeySource {
  if (PRINCIPAL_SET.has(keyLower)) return 'principal';
  if (keyLower.startsWith(PRINCIPAL_TAG_PREFIX)) return 'principal-tag';
  if (RESOURCE_SET.has(keyLower)) return 'resource';
  if (keyLower.startsWith(RESOURCE_TAG_PREFIX)) return 'resource-tag';
  return undefined;
}
