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

interface ActionPattern {
  /** Lower-cased prefix; `undefined` for the lone `*`. */
  readonly service: string | undefined;
  readonly name: Glob;
  /** False when the pattern can match nothing (no colon, wildcard in the prefix). */
  readonly live: boolean;
}

/** A compiled `Action` or `NotAction` element. */
export interface ActionMatcher {
  readonly negated: boolean;
  readonly patterns: readonly ActionPattern[];
  /**
   * Service prefixes an `Action` element can match, for indexing; `undefined` when it can match any
   * service (`*`, or any `NotAction`).
   */
  readonly services: ReadonlySet<string> | undefined;
}

function compilePattern(pattern: string): ActionPattern {
  if (pattern === '*') return { service: undefined, name: compileGlob('*'), live: true };
  const colon = pattern.indexOf(':');
  if (colon <= 0) return { service: '', name: compileGlob(''), live: false };
  const service = pattern.slice(0, colon).toLowerCase();
  return { service, name: compileGlob(pattern.slice(colon + 1).toLowerCase()), live: !hasWildcard(service) };
}

/** Compiles an `Action` (or, with `negated`, a `NotAction`) list. */
export function compileActions(patterns: readonly string[], negated: boolean): ActionMatcher {
  const compiled = patterns.map(compilePattern);
  const anyService = negated || compiled.some((p) => p.live && p.service === undefined);
  const services = anyService ? undefined : new Set(compiled.filter((p) => p.live).map((p) => p.service as string));
  return { negated, patterns: compiled, services };
}

function matchesOne(pattern: ActionPattern, action: RequestAction): boolean {
  if (!pattern.live) return false;
  if (pattern.service === undefined) return true;
  return pattern.service === action.service && matchGlob(pattern.name, action.name);
}

/** True when the element covers the action. */
export function matchActions(matcher: ActionMatcher, action: RequestAction): boolean {
  let any = false;
  for (const pattern of matcher.patterns) {
    if (matchesOne(pattern, action)) {
      any = true;
      break;
    }
  }
  return matcher.negated ? !any : any;
}
