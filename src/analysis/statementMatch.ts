/**
 * Over-approximate matchers used to prefilter evaluations: they may say "could match" where the engine
 * says no, never the reverse (so skipping what they reject cannot lose access). Action matching is also
 * used to group actions that every relevant statement treats alike.
 */
import { compileActionPattern } from '../catalog/patterns';
import { parseIamArn, parseStsArn } from '../model/arns';
import type { PrincipalSpec, Statement } from '../model/policy';

const actionRegexCache = new Map<string, RegExp>();

function actionRegex(pattern: string): RegExp {
  let regex = actionRegexCache.get(pattern);
  if (regex === undefined) {
    regex = compileActionPattern(pattern);
    actionRegexCache.set(pattern, regex);
  }
  return regex;
}

/** True when the statement's Action / NotAction covers `action` (IAM-ACTION, IAM-NOTACTION). */
export function statementCoversAction(statement: Statement, action: string): boolean {
  if (statement.action !== undefined) return statement.action.some((p) => p === '*' || actionRegex(p).test(action));
  if (statement.notAction !== undefined) return !statement.notAction.some((p) => p === '*' || actionRegex(p).test(action));
  return false;
}

/** A list of actions several targets share (the actions of one set of resource types). */
export interface ActionTable {
  readonly key: string;
  readonly actions: readonly string[];
}

/** By action list, then Action element text: statements with equal Action elements share their bits. */
const matchCache = new WeakMap<readonly string[], Map<string, Uint8Array>>();
const patternKeys = new WeakMap<Statement, string>();

/** The text of a statement's Action / NotAction element (statements with equal texts cover the same actions). */
export function patternKey(statement: Statement): string {
  let key = patternKeys.get(statement);
  if (key === undefined) {
    key = statement.action !== undefined ? `A${statement.action.join('\u0000')}` : statement.notAction !== undefined ? `N${statement.notAction.join('\u0000')}` : '-';
    patternKeys.set(statement, key);
  }
  return key;
}

/** For each action of `table`: 1 when the statement covers it. Cached per Action element and action list. */
export function actionMatches(statement: Statement, table: ActionTable): Uint8Array {
  let byPatterns = matchCache.get(table.actions);
  if (byPatterns === undefined) matchCache.set(table.actions, (byPatterns = new Map<string, Uint8Array>()));
  const key = patternKey(statement);
  let bits = byPatterns.get(key);
  if (bits === undefined) {
    bits = new Uint8Array(table.actions.length);
    for (let i = 0; i < table.actions.length; i++) bits[i] = statementCoversAction(statement, table.actions[i] ?? '') ? 1 : 0;
    byPatterns.set(key, bits);
  }
  return bits;
}

function globRegex(pattern: string): RegExp {
  // `${…}` policy variables may resolve to anything: treat them as `*` (over-approximation).
  const source = pattern
    .toLowerCase()
    .replace(/\$\{[^}]*\}/g, '\u0000')
    .split('')
    .map((c) => (c === '*' || c === '\u0000' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's');
}

/** A compiled Resource / NotResource element: `matches(arn)` over-approximates the engine. */
export interface ResourceMatcher {
  /** Lower-case literal prefixes, one per pattern (empty string when the pattern starts with a wildcard). */
  readonly prefixes: readonly string[];
  /** True when the element may match every resource (`*`, a leading wildcard, or `NotResource`). */
  readonly everything: boolean;
  matches(arn: string): boolean;
  /** `matches` for an ARN already in lower case. */
  matchesLower(arn: string): boolean;
}

const resourceCache = new WeakMap<Statement, ResourceMatcher>();

/** The resource matcher of a statement (cached). */
export function resourceMatcher(statement: Statement): ResourceMatcher {
  const cached = resourceCache.get(statement);
  if (cached !== undefined) return cached;
  let matcher: ResourceMatcher;
  if (statement.resource === undefined) {
    // NotResource (or a trust policy's absent Resource): anything may match.
    matcher = { prefixes: [''], everything: true, matches: () => true, matchesLower: () => true };
  } else {
    const patterns = statement.resource;
    const regexes = patterns.map(globRegex);
    const prefixes = patterns.map((p) => p.toLowerCase().split(/[*?]|\$\{/)[0] ?? '');
    // A bare `*` matches every ARN: no regex, no lower-casing.
    const all = patterns.includes('*');
    // The literal prefix of a pattern rules most ARNs out before its regex runs.
    const matchesLower = all
      ? (): boolean => true
      : (arn: string): boolean => {
          for (let i = 0; i < regexes.length; i++) if (arn.startsWith(prefixes[i] ?? '') && regexes[i]!.test(arn)) return true;
          return false;
        };
    matcher = { prefixes, everything: prefixes.includes(''), matches: all ? (): boolean => true : (arn) => matchesLower(arn.toLowerCase()), matchesLower };
  }
  resourceCache.set(statement, matcher);
  return matcher;
}

/** The facts about a caller that a Principal element can name. */
export interface CallerFacts {
  /** The request principal: an IAM ARN, a service name, or `anonymous`. */
  readonly id: string;
  readonly account: string | undefined;
  /** For role sessions: the role's account and name (a session ARN carries no path). */
  readonly roleKey: string | undefined;
  /** For federated-user sessions: the user ARN. */
  readonly userArn: string | undefined;
  readonly service: string | undefined;
  readonly anonymous: boolean;
}

function roleKeyOf(arn: string): string | undefined {
  const iam = parseIamArn(arn);
  if (iam?.kind === 'role') return `${iam.account}/${iam.name}`;
  const sts = parseStsArn(arn);
  return sts?.kind === 'assumed-role' ? `${sts.account}/${sts.roleName}` : undefined;
}

/** Builds caller facts from a principal ARN (roles and sessions), a service name or `anonymous`. */
export function callerFacts(id: string, account: string | undefined, userArn?: string): CallerFacts {
  const anonymous = id === 'anonymous';
  const service = !anonymous && !id.startsWith('arn:') ? id : undefined;
  return { id, account, roleKey: service === undefined && !anonymous ? roleKeyOf(id) : undefined, userArn, service, anonymous };
}

interface CompiledSpec {
  readonly anyone: boolean;
  readonly exact: ReadonlySet<string>;
  readonly accounts: ReadonlySet<string>;
  readonly roleKeys: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
}

const specCache = new WeakMap<PrincipalSpec, CompiledSpec>();

function compileSpec(spec: PrincipalSpec): CompiledSpec {
  let compiled = specCache.get(spec);
  if (compiled !== undefined) return compiled;
  const accounts = new Set<string>();
  const roleKeys = new Set<string>();
  for (const value of spec.AWS) {
    if (/^\d{12}$/.test(value)) accounts.add(value);
    const iam = parseIamArn(value);
    if (iam?.kind === 'root') accounts.add(iam.account);
    if (iam?.kind === 'role') roleKeys.add(`${iam.account}/${iam.name}`);
  }
  compiled = { anyone: spec.wildcard || spec.CanonicalUser.length > 0, exact: new Set(spec.AWS), accounts, roleKeys, services: new Set(spec.Service) };
  specCache.set(spec, compiled);
  return compiled;
}

/** True when the Principal element may name the caller (conditions ignored; `CanonicalUser` may name anyone). */
export function specMayName(spec: PrincipalSpec, caller: CallerFacts): boolean {
  const c = compileSpec(spec);
  if (c.anyone) return true;
  if (caller.service !== undefined) return c.services.has(caller.service);
  if (caller.anonymous) return false;
  if (c.exact.has(caller.id) || (caller.userArn !== undefined && c.exact.has(caller.userArn))) return true;
  if (caller.account !== undefined && c.accounts.has(caller.account)) return true;
  return caller.roleKey !== undefined && c.roleKeys.has(caller.roleKey);
}

/**
 * `specMayName` over the element without its root ARNs and without the caller's own account id: true
 * when it may name the caller itself (its ARN, role or service), not only through an account. Reads
 * the cached compiled element (filtering a copy per call compiled a new element each time).
 */
export function specNamesDirectly(spec: PrincipalSpec, caller: CallerFacts): boolean {
  const c = compileSpec(spec);
  if (c.anyone) return true;
  if (caller.service !== undefined) return c.services.has(caller.service);
  if (caller.anonymous) return false;
  const kept = (value: string): boolean => value !== caller.account && !value.endsWith(':root');
  if (c.exact.has(caller.id) && kept(caller.id)) return true;
  if (caller.userArn !== undefined && c.exact.has(caller.userArn) && kept(caller.userArn)) return true;
  // A role ARN is never an account id or a root ARN, so the filter keeps every role key.
  return caller.roleKey !== undefined && c.roleKeys.has(caller.roleKey);
}

/** The callers a Principal element may name, as lookup keys: `undefined` means anyone. */
export function specKeys(spec: PrincipalSpec): { readonly exact: ReadonlySet<string>; readonly accounts: ReadonlySet<string>; readonly roleKeys: ReadonlySet<string>; readonly services: ReadonlySet<string> } | undefined {
  const c = compileSpec(spec);
  return c.anyone ? undefined : c;
}

/** True when a resource-policy statement may apply to the caller (NotPrincipal: may apply to anyone). */
export function statementMayName(statement: Statement, caller: CallerFacts): boolean {
  if (statement.notPrincipal !== undefined) return true;
  return statement.principal !== undefined && specMayName(statement.principal, caller);
}
