/**
 * `Resource` / `NotResource` [IAM-RESOURCE, IAM-NOTRESOURCE, SEMANTICS §3.3]. `*` matches every resource,
 * including the `*` of actions without resource-level permissions, which nothing else matches (P07,
 * §10 C3). An ARN pattern is compared field by field: partition, region and account as globs ignoring
 * case, the service exactly (no wildcards there [IAM-RESOURCE]), and the resource part as a
 * case-sensitive glob whose `*` runs over `/` and `:`. Policy variables are substituted only in the
 * resource part [IAM-VARS]; an unresolved one makes the pattern match nothing (T107). A pattern with
 * fewer than six fields follows the current text "a `*` that is the last character of a segment can
 * expand beyond the colon boundaries" (§10 C5, provisional P01): it is one glob over the whole ARN.
 */
import { canonical } from './canonical';
import { compileGlob, globFromParts, matchGlob, type Glob } from './glob';
import { parseTemplate, substitute, type Template } from './variables';
import { F, T, U, type KeyLookup, type Tri } from '../context/keyValue';

/** A request resource, parsed once. */
export interface RequestResource {
  readonly raw: string;
  /** The resource `*` of an action without resource-level permissions. */
  readonly star: boolean;
  /** Lower-cased partition, service, region, account (empty strings for `*` or a non-ARN). */
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon, case kept. */
  readonly resource: string;
  /** `arn:` + the four lower-cased fields + the resource part, for short patterns. */
  readonly normalized: string;
}

/** Parses a request resource; `undefined` when it is neither `*` nor an ARN. */
export function parseRequestResource(raw: string): RequestResource | undefined {
  if (raw === '*')
    return {
      raw,
      star: true,
      partition: '',
      service: '',
      region: '',
      account: '',
      resource: '',
      normalized: '*',
    };
  const fields = splitFields(raw);
  if (fields === undefined) return undefined;
  const [partition, service, region, account, resource] = fields;
  if (partition === '' || service === '') return undefined;
  const lower = {
    partition: canonical(partition.toLowerCase()),
    service: canonical(service.toLowerCase()),
    region: canonical(region.toLowerCase()),
    account: canonical(account.toLowerCase()),
  };
  return {
    raw,
    star: false,
    ...lower,
    resource,
    normalized: `arn:${lower.partition}:${lower.service}:${lower.region}:${lower.account}:${resource}`,
  };
}

function splitFields(raw: string): [string, string, string, string, string] | undefined {
  if (!raw.startsWith('arn:')) return undefined;
  const out: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = raw.indexOf(':', start);
    if (colon < 0) return undefined;
    out.push(raw.slice(start, colon));
    start = colon + 1;
  }
  return [out[0] ?? '', out[1] ?? '', out[2] ?? '', out[3] ?? '', raw.slice(start)];
}

/** One compiled resource pattern. */
export type ResourcePattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'never' }
  | { readonly kind: 'short'; readonly glob: Glob }
  | {
      readonly kind: 'arn';
      readonly partition: Glob;
      readonly service: string;
      readonly region: Glob;
      readonly account: Glob;
      readonly resource: Glob | Template;
    };

/** A compiled `Resource` or `NotResource` list. */
export interface ResourceMatcher {
  readonly negated: boolean;
  readonly patterns: readonly ResourcePattern[];
}

// Compiled patterns are immutable, so equal patterns share one (bounded), like globs (glob.ts).
const INTERNED = [new Map<string, ResourcePattern>(), new Map<string, ResourcePattern>()] as const;
const INTERN_LIMIT = 50_000;

function compilePattern(pattern: string, variables: boolean): ResourcePattern {
  const interned = INTERNED[variables ? 1 : 0];
  let compiled = interned.get(pattern);
  if (compiled === undefined) {
    compiled = compileNewPattern(pattern, variables);
    if (interned.size >= INTERN_LIMIT) interned.clear();
    interned.set(pattern, compiled);
  }
  return compiled;
}

function compileNewPattern(pattern: string, variables: boolean): ResourcePattern {
  if (pattern === '*') return { kind: 'any' };
  const fields = splitFields(pattern);
  if (fields === undefined) {
    if (!pattern.startsWith('arn:')) return { kind: 'never' };
    // Partition and service are lower case in real ARNs; the rest keeps its case.
    const lowered = pattern
      .split(':')
      .map((s, i) => (i < 3 ? s.toLowerCase() : s))
      .join(':');
    return { kind: 'short', glob: compileGlob(lowered) };
  }
  const [partition, service, region, account, resource] = fields;
  const template = parseTemplate(resource, variables);
  return {
    kind: 'arn',
    partition: compileGlob(partition.toLowerCase()),
    service: canonical(service.toLowerCase()),
    region: compileGlob(region.toLowerCase()),
    account: compileGlob(account.toLowerCase()),
    resource: template.hasVariables ? template : compileGlob(resource),
  };
}

/** Compiles a `Resource` (or, with `negated`, a `NotResource`) list. */
export function compileResources(
  patterns: readonly string[],
  negated: boolean,
  variablesEnabled: boolean,
): ResourceMatcher {
  return { negated, patterns: patterns.map((p) => compilePattern(p, variablesEnabled)) };
}

/**
 * `matchGlob(glob, text + s)` for every string `s` when `open` (else for `s` empty): `true` when it holds
 * for each, `false` for none, `undefined` when it depends on `s`.
 */
function globOver(glob: Glob, text: string, open: boolean): boolean | undefined {
  if (!open) return matchGlob(glob, text);
  switch (glob.kind) {
    case 'any':
      return true;
    case 'exact':
      return glob.text.startsWith(text) ? undefined : false;
    case 'prefix':
      if (glob.text.length <= text.length) return text.startsWith(glob.text);
      return glob.text.startsWith(text) ? undefined : false;
    case 'suffix':
    case 'general':
      return undefined;
  }
}

/**
 * Whether the pattern matches every resource of a scope (`true`), none (`false`) or depends on which
 * (`undefined`, also for policy variables). The scope is `r` alone, or with `scope` every resource equal
 * to `r` except for its resource part, which begins with the first `scope` characters of `r`'s.
 */
export function settlePattern(
  pattern: ResourcePattern,
  r: RequestResource,
  scope: number | undefined,
): boolean | undefined {
  const open = scope !== undefined;
  const cut = open ? r.resource.length - scope : 0;
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'never':
      return false;
    case 'short':
      return r.star ? false : globOver(pattern.glob, r.normalized.slice(0, r.normalized.length - cut), open);
    case 'arn': {
      if (r.star) return false;
      if (
        pattern.service !== r.service ||
        !matchGlob(pattern.partition, r.partition) ||
        !matchGlob(pattern.region, r.region) ||
        !matchGlob(pattern.account, r.account)
      )
        return false;
      const resource = pattern.resource;
      return 'kind' in resource
        ? globOver(resource, r.resource.slice(0, r.resource.length - cut), open)
        : undefined;
    }
  }
}

/** One pattern against the resource: `U` when that depends on an unknown policy variable. */
export function matchPattern(pattern: ResourcePattern, r: RequestResource, keys: KeyLookup): Tri {
  switch (pattern.kind) {
    case 'any':
      return T;
    case 'never':
      return F;
    case 'short':
      return !r.star && matchGlob(pattern.glob, r.normalized) ? T : F;
    case 'arn': {
      if (r.star) return F;
      if (
        pattern.service !== r.service ||
        !matchGlob(pattern.partition, r.partition) ||
        !matchGlob(pattern.region, r.region) ||
        !matchGlob(pattern.account, r.account)
      )
        return F;
      const resource = pattern.resource;
      if ('kind' in resource) return matchGlob(resource, r.resource) ? T : F;
      const parts = substitute(resource, keys);
      if (parts === 'unknown') return U;
      if (parts === 'unresolved') return F;
      return matchGlob(globFromParts(parts), r.resource) ? T : F;
    }
  }
}

/** `T` when the element covers the resource, `U` when that depends on an unknown policy variable. */
export function matchResources(matcher: ResourceMatcher, r: RequestResource, keys: KeyLookup): Tri {
  let result: Tri = F;
  for (const pattern of matcher.patterns) {
    const m = matchPattern(pattern, r, keys);
    if (m === T) {
      result = T;
      break;
    }
    if (m === U) result = U;
  }
  if (!matcher.negated) return result;
  return result === U ? U : result === T ? F : T;
}
