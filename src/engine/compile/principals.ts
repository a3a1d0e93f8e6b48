/**
 * Request principals (SEMANTICS §1.2, DESIGN.md "A request's principal"): an IAM user, the root user, a
 * role session (a role ARN means a session of that role; an undeclared session ARN is a session with no
 * session policy), a federated-user session, a service principal, `anonymous`, or an identity provider
 * (a web-identity or SAML caller). Each resolves to its facts (the derived context keys), the policies
 * on its side and whether SCPs apply to it (§5.2). A user or role that a listed account does not declare
 * cannot make requests (`unknown-principal`); in other accounts the scenario simply does not know its
 * policies.
 */
import { canonical } from '../match/canonical';
import { isServiceLinkedRolePath, parseIamArn, parseStsArn } from '../../model/arns';
import type { Role, Tags } from '../../model/types';
import { ABSENT, type KeyValue } from '../context/keyValue';
import { DIRECT_CALL_DEFAULTS, SESSION_PRESENT_KEYS } from '../context/contextKeys';
import type { PrincipalKeys } from '../context/requestKeys';
import type { Caller, CallerKind } from '../match/principalMatcher';
import type { InvalidRequestReason, StepNote } from '../types';
import type { FastStatement, PrincipalPlan } from './actionLists';
import type { CompiledPolicy, CompiledStatement, LevelStatements } from './compilePolicy';
import { roleKey, type CompileContext } from './compileContext';
import type { ControlLevel } from './organization';

/**
 * A resolved request principal. A view is also the principal as principal matching sees it: the fields
 * of `caller` are copied onto the view (same values), so the fast path reads the caller's kind, partition
 * and account from the object it already has instead of one more object per decision (a random-order
 * batch is bound by memory latency).
 */
export interface PrincipalView extends Caller {
  /** The principal as the request wrote it. */
  readonly id: string;
  /**
   * The fast path's memo of the last two principal-only statements (`FastStatement.principalOnly`) it
   * evaluated for this principal, with their bits (evaluate/fastDecide.ts).
   */
  memoFirst: FastStatement | undefined;
  memoFirstBits: number;
  memoSecond: FastStatement | undefined;
  memoSecondBits: number;
  readonly caller: Caller;
  readonly identity: readonly CompiledPolicy[];
  /** `undefined` when the entity has no permissions boundary. */
  readonly boundary: CompiledPolicy | 'unknown' | undefined;
  readonly session: readonly CompiledPolicy[];
  readonly keys: PrincipalKeys;
  /** The SCP levels of the principal's account, or why SCPs do not apply to it. */
  readonly scp: readonly ControlLevel[] | StepNote;
  readonly serviceLinked: boolean;
  /** For a role session: the role, when declared (its maximum session duration). */
  readonly role: Role | undefined;
  /** Evaluation's cache of this principal's statements by service prefix. */
  readonly byService: Map<string, PrincipalStatements>;
  /** The fast path's cache of this principal's statements by the slot of the interned request action (evaluate/fastDecide.ts). */
  readonly byAction: (PrincipalPlan | undefined)[];
}

/** The statements on a principal's side that can match actions of one service. */
export interface PrincipalStatements {
  readonly identity: readonly CompiledStatement[];
  /** `undefined` when there is no boundary. */
  readonly boundary: readonly CompiledStatement[] | undefined;
  readonly session: readonly CompiledStatement[];
  readonly scp: readonly LevelStatements[] | StepNote;
}

/** A principal, or why the request cannot exist. */
export type ResolvedPrincipal = PrincipalView | { readonly invalid: InvalidRequestReason };

const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

function tagMap(...sources: Tags[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const tags of sources) for (const [k, v] of Object.entries(tags)) out.set(k.toLowerCase(), v);
  return out;
}

// INVARIANT: never written; the account facts of principals without an account.
const NO_FACTS: ReadonlyMap<string, KeyValue> = new Map();
const ACCOUNT_FACTS = new WeakMap<CompileContext, Map<string, ReadonlyMap<string, KeyValue>>>();

/**
 * The facts every principal of the account shares (one map per account, read-only), so the keys that
 * policies test most (`aws:PrincipalOrgID`, `aws:PrincipalAccount`) are read from a map that stays in cache.
 */
function accountFacts(
  ctx: CompileContext,
  kind: CallerKind,
  account: string | undefined,
): ReadonlyMap<string, KeyValue> {
  if (account === undefined) return NO_FACTS;
  let byAccount = ACCOUNT_FACTS.get(ctx);
  if (byAccount === undefined)
    ACCOUNT_FACTS.set(ctx, (byAccount = new Map<string, ReadonlyMap<string, KeyValue>>()));
  const key = `${kind === 'identity-provider' ? 'idp' : 'iam'}|${account}`;
  let facts = byAccount.get(key);
  if (facts === undefined) byAccount.set(key, (facts = baseKeys(ctx, kind, account)));
  return facts;
}

function baseKeys(ctx: CompileContext, kind: CallerKind, account: string | undefined): Map<string, KeyValue> {
  const facts = new Map<string, KeyValue>();
  if (account === undefined) return facts;
  facts.set('aws:principalaccount', canonical(account));
  facts.set('aws:principalisawsservice', 'false');
  const info = ctx.accounts.get(account);
  if (info?.orgId !== undefined && info.orgPath !== undefined && kind !== 'identity-provider') {
    facts.set('aws:principalorgid', canonical(info.orgId));
    facts.set('aws:principalorgpaths', [info.orgPath]);
  }
  return facts;
}

function directDefaults(extra: readonly (readonly [string, KeyValue])[] = []): Map<string, KeyValue> {
  return new Map<string, KeyValue>([
    ...DIRECT_CALL_DEFAULTS.map(([k, v]): [string, KeyValue] => [k, v ?? ABSENT]),
    ...extra,
  ]);
}

// INVARIANT: never written (`PrincipalKeys.defaults` is read-only); shared by every principal without
// principal-specific defaults, so that the lookup falling through to it reads one map that stays in cache.
const PLAIN_DEFAULTS: ReadonlyMap<string, KeyValue> = directDefaults();

function scpFor(
  ctx: CompileContext,
  account: string | undefined,
  serviceLinked: boolean,
): readonly ControlLevel[] | StepNote {
  const org = ctx.organization;
  if (org === undefined) return 'no-organization';
  const info = account === undefined ? undefined : ctx.accounts.get(account);
  if (info === undefined || !info.inOrganization) return 'outside-organization';
  if (info.management) return 'management-account';
  if (serviceLinked) return 'service-linked-role';
  return org.scpLevels(info.id);
}

function caller(kind: CallerKind, fields: Partial<Caller>): Caller {
  const accountKey = fields.account === undefined ? undefined : `${fields.partition ?? ''}|${fields.account}`;
  // Canonical strings (match/canonical.ts): matchers and patterns hold the same objects, so comparisons
  // with them are identity checks.
  const c = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : canonical(text);
  return {
    kind,
    arn: c(fields.arn),
    partition: c(fields.partition),
    account: c(fields.account),
    roleArn: c(fields.roleArn),
    roleKey: c(fields.roleKey),
    userArn: c(fields.userArn),
    name: c(fields.name),
    accountKey: c(accountKey),
  };
}

function view(
  id: string,
  c: Caller,
  keys: PrincipalKeys,
  policies: Partial<Pick<PrincipalView, 'identity' | 'boundary' | 'session' | 'serviceLinked' | 'role'>>,
  scp: PrincipalView['scp'],
): PrincipalView {
  // One field order for every view (one hidden class), the fields a decision reads first.
  return {
    kind: c.kind,
    partition: c.partition,
    account: c.account,
    accountKey: c.accountKey,
    arn: c.arn,
    roleArn: c.roleArn,
    roleKey: c.roleKey,
    userArn: c.userArn,
    name: c.name,
    byAction: [],
    keys,
    boundary: policies.boundary,
    serviceLinked: policies.serviceLinked ?? false,
    id,
    caller: c,
    identity: policies.identity ?? [],
    session: policies.session ?? [],
    scp,
    role: policies.role,
    byService: new Map(),
    memoFirst: undefined,
    memoFirstBits: 0,
    memoSecond: undefined,
    memoSecondBits: 0,
  };
}

function boundaryOf(
  ctx: CompileContext,
  arn: string | undefined,
  path: readonly (string | number)[],
): PrincipalView['boundary'] {
  if (arn === undefined) return undefined;
  return ctx.managed(arn, 'boundary', path) ?? 'unknown';
}

function userPolicies(
  ctx: CompileContext,
  arn: string,
): Pick<PrincipalView, 'identity' | 'boundary'> & { tags: Tags } {
  const user = ctx.users.get(arn);
  if (user === undefined) return { identity: [], boundary: undefined, tags: {} };
  const identity = [
    ...ctx.attachments(user.arn, user.policies, 'identity'),
    ...user.groups.flatMap((g) => ctx.attachments(g, ctx.groups.get(g)?.policies ?? [], 'identity')),
  ];
  return {
    identity,
    boundary: boundaryOf(ctx, user.permissionsBoundary, [...user.path, 'permissionsBoundary']),
    tags: user.tags,
  };
}

function listed(ctx: CompileContext, account: string): boolean {
  return ctx.accounts.has(account);
}

function resolveUser(
  ctx: CompileContext,
  id: string,
  partition: string,
  account: string,
  name: string,
): ResolvedPrincipal {
  if (!ctx.users.has(id) && listed(ctx, account)) return { invalid: 'unknown-principal' };
  const side = userPolicies(ctx, id);
  const shared = accountFacts(ctx, 'user', account);
  const facts = new Map(shared);
  facts.set('aws:principalarn', id);
  facts.set('aws:principaltype', 'User');
  facts.set('aws:username', name);
  const keys: PrincipalKeys = {
    facts,
    accountFacts: shared,
    tags: tagMap(side.tags),
    defaults: PLAIN_DEFAULTS,
    present: new Set(['aws:userid']),
    account,
  };
  return view(
    id,
    caller('user', { arn: id, partition, account }),
    keys,
    { identity: side.identity, boundary: side.boundary },
    scpFor(ctx, account, false),
  );
}

function resolveRoot(ctx: CompileContext, id: string, partition: string, account: string): ResolvedPrincipal {
  const shared = accountFacts(ctx, 'root', account);
  const facts = new Map(shared);
  facts.set('aws:principalarn', id);
  facts.set('aws:principaltype', 'Account');
  const keys: PrincipalKeys = {
    facts,
    accountFacts: shared,
    tags: new Map(),
    defaults: directDefaults([['aws:userid', account]]),
    present: new Set(),
    account,
  };
  return view(id, caller('root', { arn: id, partition, account }), keys, {}, scpFor(ctx, account, false));
}

function resolveRoleSession(
  ctx: CompileContext,
  id: string,
  partition: string,
  account: string,
  name: string,
  sessionArn: string | undefined,
  roleArnAsWritten: string | undefined,
): ResolvedPrincipal {
  // Role names are unique within an account whatever the path, so the name finds the role.
  const role =
    (roleArnAsWritten === undefined ? undefined : ctx.roles.get(roleArnAsWritten)) ??
    ctx.rolesByName.get(roleKey(partition, account, name));
  const session = sessionArn === undefined ? undefined : ctx.sessions.get(sessionArn);
  if (role === undefined && session === undefined && listed(ctx, account))
    return { invalid: 'unknown-principal' };
  const roleArn = role?.arn ?? roleArnAsWritten ?? `arn:${partition}:iam::${account}:role/${name}`;
  const serviceLinked = isServiceLinkedRolePath(parseIamArn(roleArn)?.path ?? '/');
  const shared = accountFacts(ctx, 'role-session', account);
  const facts = new Map(shared);
  facts.set('aws:principalarn', roleArn);
  facts.set('aws:principaltype', 'AssumedRole');
  const keys: PrincipalKeys = {
    facts,
    accountFacts: shared,
    tags: tagMap(role?.tags ?? {}, session?.tags ?? {}),
    defaults: PLAIN_DEFAULTS,
    present: new Set(['aws:userid', ...SESSION_PRESENT_KEYS]),
    account,
  };
  const c = caller('role-session', {
    arn: sessionArn,
    partition,
    account,
    roleArn,
    roleKey: role === undefined ? roleKey(partition, account, name) : undefined,
  });
  return view(
    id,
    c,
    keys,
    {
      identity: role === undefined ? [] : ctx.attachments(role.arn, role.policies, 'identity'),
      boundary:
        role === undefined
          ? undefined
          : boundaryOf(ctx, role.permissionsBoundary, [...role.path, 'permissionsBoundary']),
      session: session === undefined ? [] : ctx.attachments(session.arn, session.policies, 'session'),
      serviceLinked,
      role,
    },
    scpFor(ctx, account, serviceLinked),
  );
}

function resolveFederated(
  ctx: CompileContext,
  id: string,
  partition: string,
  account: string,
  name: string,
): ResolvedPrincipal {
  const session = ctx.sessions.get(id);
  const side =
    session?.user === undefined
      ? { identity: [], boundary: undefined, tags: {} }
      : userPolicies(ctx, session.user);
  const shared = accountFacts(ctx, 'federated-user', account);
  const facts = new Map(shared);
  facts.set('aws:principalarn', id);
  facts.set('aws:principaltype', 'FederatedUser');
  const keys: PrincipalKeys = {
    facts,
    accountFacts: shared,
    tags: tagMap(session?.tags ?? {}),
    defaults: directDefaults([['aws:userid', `${account}:${name}`]]),
    present: new Set(SESSION_PRESENT_KEYS),
    account,
  };
  const c = caller('federated-user', { arn: id, partition, account, userArn: session?.user });
  return view(
    id,
    c,
    keys,
    {
      identity: side.identity,
      boundary: side.boundary,
      session: session === undefined ? [] : ctx.attachments(session.arn, session.policies, 'session'),
    },
    scpFor(ctx, account, false),
  );
}

function unsigned(
  id: string,
  kind: 'service' | 'anonymous' | 'identity-provider',
  c: Caller,
  facts: Map<string, KeyValue>,
  defaults: Map<string, KeyValue>,
): PrincipalView {
  return view(
    id,
    c,
    { facts, accountFacts: NO_FACTS, tags: new Map(), defaults, present: new Set(), account: undefined },
    {},
    kind === 'service' ? 'not-an-iam-principal' : 'unsigned-request',
  );
}

/** Resolves the principal of a request; `webIdentity` says the action is `sts:AssumeRoleWithWebIdentity`. */
export function resolvePrincipal(ctx: CompileContext, id: string, webIdentity: boolean): ResolvedPrincipal {
  if (id === 'anonymous') {
    const facts = new Map<string, KeyValue>([
      ['aws:principalaccount', 'anonymous'],
      ['aws:principaltype', 'Anonymous'],
    ]);
    return unsigned(
      id,
      'anonymous',
      caller('anonymous', {}),
      facts,
      directDefaults([['aws:userid', 'anonymous']]),
    );
  }
  const iam = parseIamArn(id);
  if (iam !== undefined) {
    switch (iam.kind) {
      case 'user':
        return resolveUser(ctx, id, iam.partition, iam.account, iam.name);
      case 'root':
        return resolveRoot(ctx, id, iam.partition, iam.account);
      case 'role':
        return resolveRoleSession(ctx, id, iam.partition, iam.account, iam.name, undefined, id);
      case 'oidc-provider':
      case 'saml-provider':
        return unsigned(
          id,
          'identity-provider',
          caller('identity-provider', { name: id, partition: iam.partition, account: iam.account }),
          new Map(),
          new Map(),
        );
      default:
        return { invalid: 'unknown-principal' };
    }
  }
  const sts = parseStsArn(id);
  if (sts !== undefined) {
    if (sts.kind === 'assumed-role')
      return resolveRoleSession(ctx, id, sts.partition, sts.account, sts.roleName, id, undefined);
    return resolveFederated(ctx, id, sts.partition, sts.account, sts.name);
  }
  if (id.startsWith('arn:')) return { invalid: 'unknown-principal' };
  if (webIdentity && id.includes('.'))
    return unsigned(id, 'identity-provider', caller('identity-provider', { name: id }), new Map(), new Map());
  if (SERVICE.test(id)) {
    const name = id.toLowerCase();
    const facts = new Map<string, KeyValue>([
      ['aws:principalisawsservice', 'true'],
      ['aws:principalservicename', name],
      ['aws:principalservicenameslist', [name]],
    ]);
    return unsigned(id, 'service', caller('service', { name }), facts, new Map());
  }
  return { invalid: 'unknown-principal' };
}
