/**
 * `Action` / `NotAction` [IAM-ACTION, IAM-NOTACTION]: split at the first colon; the service prefix is
 * compared exactly and the action name as a glob, both ignoring case. A lone `*` matches every action.
 * A wildcard in the prefix matches nothing, and whitespace or commas are part of the string (SEMANTICS
 * §3.2 choices). `NotAction` matches when none of its patterns does.
 */
import { compileGlob, hasWildcard, matchGlob, type Glob } from './glob';

/** A request action, parsed once per request. */
export interface RequestAction {
  /** As written. */
  readonly raw: string;
  /** Lower-cased service prefix. */
  readonly service: string;
  /** Lower-cased action name. */
  readonly name: string;
}

/** Parses `service:Action`; `undefined` when it has no prefix or no name. */
export function parseRequestAction(raw: string): RequestAction | undefined {
  const colon = raw.indexOf(':');
  if (colon <= 0 || colon === raw.length - 1) return undefined;
  return { raw, service: raw.slice(0, colon).toLowerCase(), name: raw.slice(colon + 1).toLowerCase() };
}

/** The patterns of one service prefix: exact names and globs, lower-cased. */
interface ServicePatterns {
  readonly exact: ReadonlySet<string>;
  readonly globs: readonly Glob[];
}

/** A compiled `Action` or `NotAction` element. */
export interface ActionMatcher {
  readonly negated: boolean;
  /** The element holds a lone `*`. */
  readonly all: boolean;
  /** Patterns by lower-cased service prefix (a prefix with a wildcard matches nothing and is left out). */
  readonly byService: ReadonlyMap<string, ServicePatterns>;
  /**
   * Service prefixes an `Action` element can match, for indexing; `undefined` when it can match any
   * service (`*`, or any `NotAction`).
   */
  readonly services: ReadonlySet<string> | undefined;
}

/** Compiles an `Action` (or, with `negated`, a `NotAction`) list. */
export function compileActions(patterns: readonly string[], negated: boolean): ActionMatcher {
  const exact = new Map<string, Set<string>>();
  const globs = new Map<string, Glob[]>();
  let all = false;
  for (const pattern of patterns) {
    if (pattern === '*') {
      all = true;
      continue;
    }
    const colon = pattern.indexOf(':');
    if (colon <= 0) continue;
    const service = pattern.slice(0, colon).toLowerCase();
    if (hasWildcard(service)) continue;
    const name = pattern.slice(colon + 1).toLowerCase();
    if (hasWildcard(name)) globs.set(service, [...(globs.get(service) ?? []), compileGlob(name)]);
    else exact.set(service, (exact.get(service) ?? new Set()).add(name));
  }
  const byService = new Map<string, ServicePatterns>();
  for (const service of new Set([...exact.keys(), ...globs.keys()]))
    byService.set(service, { exact: exact.get(service) ?? new Set(), globs: globs.get(service) ?? [] });
  return { negated, all, byService, services: negated || all ? undefined : new Set(byService.keys()) };
}

function covers(matcher: ActionMatcher, action: RequestAction): boolean {
  if (matcher.all) return true;
  const patterns = matcher.byService.get(action.service);
  if (patterns === undefined) return false;
  if (patterns.exact.has(action.name)) return true;
  for (const glob of patterns.globs) if (matchGlob(glob, action.name)) return true;
  return false;
}

/** True when the element covers the action. */
export function matchActions(matcher: ActionMatcher, action: RequestAction): boolean {
  return matcher.negated ? !covers(matcher, action) : covers(matcher, action);
}
