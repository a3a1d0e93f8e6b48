/**
 * `Principal` / `NotPrincipal` (SEMANTICS §3.4, §2.3): which caller a resource-based policy statement
 * names, and how (`SELF`, `WILDCARD`, `PARENT`, `ACCOUNT`). No partial wildcards exist (such policies are
 * invalid, T16); unique ids and canonical user ids name nothing the scenario can resolve. `NotPrincipal`
 * excludes a caller only when every element of its identity chain — its own ARN, the role of a session,
 * the account — is listed [IAM-NOTPRINCIPAL; conservative reading of §10 C4, provisional P06].
 */
import { canonical } from './canonical';
import { parseIamArn } from '../../model/arns';
import type { PrincipalSpec } from '../../model/policy';
import type { PrincipalClass } from '../types';

/** The kinds of request principal (SEMANTICS §1.2, DESIGN.md "A request's principal"). */
export const CALLER_KINDS = [
  'user',
  'root',
  'role-session',
  'federated-user',
  'service',
  'anonymous',
  'identity-provider',
] as const;
/** One caller kind. */
export type CallerKind = (typeof CALLER_KINDS)[number];

/** The request principal as principal matching sees it. */
export interface Caller {
  readonly kind: CallerKind;
  /** The caller's own ARN: user, root, session (`undefined` when the session name is unknown), federated user. */
  readonly arn: string | undefined;
  readonly partition: string | undefined;
  readonly account: string | undefined;
  /** For a role session: the role's ARN, and `partition|account|name` for roles the scenario does not declare. */
  readonly roleArn: string | undefined;
  readonly roleKey: string | undefined;
  /** For a federated-user session: the IAM user behind it. */
  readonly userArn: string | undefined;
  /** `partition|account` when the account is known, precomputed for account-principal lookups. */
  readonly accountKey: string | undefined;
  /** Service principal name (lower case) or identity provider (as written). */
  readonly name: string | undefined;
}

/** A compiled `Principal` or `NotPrincipal` element. */
export interface PrincipalMatcher {
  readonly wildcard: boolean;
  /** `partition|account` of root ARNs. */
  readonly accounts: ReadonlySet<string>;
  /** Bare account ids (any partition). */
  readonly bareAccounts: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  /** `partition|account|name` of named roles, for sessions of roles the scenario does not declare. */
  readonly roleKeys: ReadonlySet<string>;
  readonly sessions: ReadonlySet<string>;
  readonly federatedUsers: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly providers: ReadonlySet<string>;
}

// INVARIANT: never written; stands for every empty set of a matcher. Most of a matcher's ten sets are
// empty, and one shared empty set stays in cache where a table per matcher is a cache miss per lookup.
const NONE: ReadonlySet<string> = new Set();

function orNone(set: ReadonlySet<string>): ReadonlySet<string> {
  // Canonical entries (canonical.ts): a lookup by a caller's canonical ARN or account finds its entry by identity.
  return set.size === 0 ? NONE : new Set([...set].map(canonical));
}

/** Compiles a principal element. */
export function compilePrincipal(spec: PrincipalSpec): PrincipalMatcher {
  const accounts = new Set<string>();
  const bareAccounts = new Set<string>();
  const users = new Set<string>();
  const roles = new Set<string>();
  const roleKeys = new Set<string>();
  const sessions = new Set<string>();
  const federatedUsers = new Set<string>();
  for (const value of spec.AWS) {
    if (/^\d{12}$/.test(value)) {
      bareAccounts.add(value);
      continue;
    }
    const iam = parseIamArn(value);
    if (iam !== undefined) {
      if (iam.kind === 'root') accounts.add(`${iam.partition}|${iam.account}`);
      else if (iam.kind === 'user') users.add(value);
      else if (iam.kind === 'role') {
        roles.add(value);
        roleKeys.add(`${iam.partition}|${iam.account}|${iam.name}`);
      }
      continue;
    }
    if (/^arn:[^:]+:sts::\d{12}:assumed-role\//.test(value)) sessions.add(value);
    else if (/^arn:[^:]+:sts::\d{12}:federated-user\//.test(value)) federatedUsers.add(value);
  }
  return {
    wildcard: spec.wildcard,
    accounts: orNone(accounts),
    bareAccounts: orNone(bareAccounts),
    users: orNone(users),
    roles: orNone(roles),
    roleKeys: orNone(roleKeys),
    sessions: orNone(sessions),
    federatedUsers: orNone(federatedUsers),
    services: orNone(new Set(spec.Service.map((s) => s.toLowerCase()))),
    providers: orNone(new Set(spec.Federated)),
  };
}

function hasAccount(m: PrincipalMatcher, caller: Caller): boolean {
  if (caller.account === undefined) return false;
  return (
    m.bareAccounts.has(caller.account) ||
    (caller.accountKey !== undefined && m.accounts.has(caller.accountKey))
  );
}

function namesRole(m: PrincipalMatcher, caller: Caller): boolean {
  if (caller.roleArn !== undefined && m.roles.has(caller.roleArn)) return true;
  return caller.roleKey !== undefined && m.roleKeys.has(caller.roleKey);
}

/** How the element names the caller, or `undefined` when it does not (SEMANTICS §2.3). */
export function principalClass(m: PrincipalMatcher, caller: Caller): PrincipalClass | undefined {
  switch (caller.kind) {
    case 'user':
      if (caller.arn !== undefined && m.users.has(caller.arn)) return 'SELF';
      break;
    case 'role-session':
      if (caller.arn !== undefined && m.sessions.has(caller.arn)) return 'SELF';
      break;
    case 'federated-user':
      if (caller.arn !== undefined && m.federatedUsers.has(caller.arn)) return 'SELF';
      break;
    case 'service':
      if (caller.name !== undefined && m.services.has(caller.name)) return 'SELF';
      break;
    case 'identity-provider':
      if (caller.name !== undefined && m.providers.has(caller.name)) return 'SELF';
      break;
    case 'root':
    case 'anonymous':
      break;
  }
  if (m.wildcard) return 'WILDCARD';
  if (caller.kind === 'role-session' && namesRole(m, caller)) return 'PARENT';
  if (caller.kind === 'federated-user' && caller.userArn !== undefined && m.users.has(caller.userArn))
    return 'PARENT';
  if (
    (caller.kind === 'user' ||
      caller.kind === 'root' ||
      caller.kind === 'role-session' ||
      caller.kind === 'federated-user') &&
    hasAccount(m, caller)
  )
    return 'ACCOUNT';
  return undefined;
}

/** True when a `NotPrincipal` element lists the caller's whole identity chain (so the Deny skips it). */
export function chainListed(m: PrincipalMatcher, caller: Caller): boolean {
  if (m.wildcard) return true;
  switch (caller.kind) {
    case 'user':
      return caller.arn !== undefined && m.users.has(caller.arn) && hasAccount(m, caller);
    case 'root':
      return hasAccount(m, caller);
    case 'role-session':
      return (
        caller.arn !== undefined &&
        m.sessions.has(caller.arn) &&
        namesRole(m, caller) &&
        hasAccount(m, caller)
      );
    case 'federated-user':
      return caller.arn !== undefined && m.federatedUsers.has(caller.arn) && hasAccount(m, caller);
    case 'service':
      return caller.name !== undefined && m.services.has(caller.name);
    case 'identity-provider':
      return caller.name !== undefined && m.providers.has(caller.name);
    case 'anonymous':
      return false;
  }
}
