/**
 * Builds users, groups, roles, customer managed policies and sessions, checking that every ARN has
 * the right shape, sits in a declared account and that references resolve.
 */
import { parseIamArn, parseStsArn, isAwsManagedPolicyArn, type IamEntityKind } from './arns';
import { isObject } from './checkShape';
import type { Collector } from './collector';
import type { AccountId, Arn, JsonPath } from './ids';
import { parsePolicy } from './parsePolicy';
import type { Account, Group, ManagedPolicy, PolicyAttachment, PolicyKind, Role, Session, Tags, User } from './types';

/** Everything `buildEntities` produces; `arns` holds every declared ARN, for duplicate checks. */
export interface Entities {
  readonly users: User[];
  readonly groups: Group[];
  readonly roles: Role[];
  readonly policies: ManagedPolicy[];
  readonly sessions: Session[];
  readonly arns: Map<string, JsonPath>;
}

interface Ctx {
  readonly out: Collector;
  readonly accounts: ReadonlyMap<AccountId, Account>;
  readonly arns: Map<string, JsonPath>;
  readonly policyArns: ReadonlySet<string>;
}

function objects(raw: unknown): Record<string, unknown>[] {
  return Array.isArray(raw) ? raw.map((v) => (isObject(v) ? v : {})) : [];
}

/** Copies a tag object (shape already checked) into a fresh record. */
export function tagsOf(raw: unknown): Tags {
  const tags = Object.create(null) as Record<string, string>;
  if (isObject(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') tags[k] = v;
  return tags;
}

/** Builds the identity side of the scenario. */
export function buildEntities(value: Record<string, unknown>, accounts: ReadonlyMap<AccountId, Account>, out: Collector): Entities {
  const arns = new Map<string, JsonPath>();
  const policyArns = new Set(objects(value.policies).map((p) => String(p.arn)));
  const ctx: Ctx = { out, accounts, arns, policyArns };

  const policies = objects(value.policies).map((p, i): ManagedPolicy => {
    const path: JsonPath = ['policies', i];
    const arn = declare(ctx, p.arn, [...path, 'arn'], 'policy');
    return { arn, document: parsePolicy(p.document, 'identity', [...path, 'document'], out), path };
  });
  const groups = objects(value.groups).map((g, i): Group => {
    const path: JsonPath = ['groups', i];
    return { arn: declare(ctx, g.arn, [...path, 'arn'], 'group'), policies: attachments(ctx, g.policies, [...path, 'policies'], 'identity'), path };
  });
  const groupArns = new Set(groups.map((g) => g.arn));
  const users = objects(value.users).map((u, i): User => {
    const path: JsonPath = ['users', i];
    const arn = declare(ctx, u.arn, [...path, 'arn'], 'user');
    return {
      arn,
      groups: memberships(ctx, arn, u.groups, [...path, 'groups'], groupArns),
      policies: attachments(ctx, u.policies, [...path, 'policies'], 'identity'),
      permissionsBoundary: boundary(ctx, u.permissionsBoundary, [...path, 'permissionsBoundary']),
      tags: tagsOf(u.tags),
      path,
    };
  });
  const roles = objects(value.roles).map((r, i): Role => {
    const path: JsonPath = ['roles', i];
    const arn = declare(ctx, r.arn, [...path, 'arn'], 'role');
    if (r.trustPolicy === undefined) out.warn('missing-key', path, 'this role has no `trustPolicy`, so nobody can assume it');
    return {
      arn,
      trustPolicy: r.trustPolicy === undefined ? undefined : parsePolicy(r.trustPolicy, 'trust', [...path, 'trustPolicy'], out),
      policies: attachments(ctx, r.policies, [...path, 'policies'], 'identity'),
      permissionsBoundary: boundary(ctx, r.permissionsBoundary, [...path, 'permissionsBoundary']),
      tags: tagsOf(r.tags),
      maxSessionDuration: typeof r.maxSessionDuration === 'number' ? r.maxSessionDuration : 3600,
      path,
    };
  });
  const userArns = new Set<string>(users.map((u) => u.arn));
  const roleNames = new Set(roles.map((r) => `${parseIamArn(r.arn)?.account}/${parseIamArn(r.arn)?.name}`));
  const sessions = objects(value.sessions).map((s, i) => buildSession(ctx, s, ['sessions', i], userArns, roleNames));
  return { users, groups, roles, policies, sessions, arns };
}

/** Checks an entity ARN's shape, account and uniqueness. */
function declare(ctx: Ctx, raw: unknown, path: JsonPath, kind: IamEntityKind): Arn {
  const arn = String(raw);
  const parsed = parseIamArn(arn);
  if (parsed === undefined || parsed.kind !== kind) {
    ctx.out.error('bad-arn', path, `\`${arn}\` is not an IAM ${kind} ARN (\`arn:aws:iam::ACCOUNT:${kind}/NAME\`)`);
    return arn as Arn;
  }
  checkAccount(ctx, parsed.account, parsed.partition, path);
  const first = ctx.arns.get(arn);
  if (first !== undefined) ctx.out.error('duplicate-id', path, `\`${arn}\` is declared twice`);
  ctx.arns.set(arn, path);
  return arn as Arn;
}

/** Reports an ARN whose account is undeclared or whose partition differs from its account's. */
export function checkAccount(ctx: { readonly out: Collector; readonly accounts: ReadonlyMap<AccountId, Account> }, account: string, partition: string, path: JsonPath): void {
  const declared = ctx.accounts.get(account as AccountId);
  if (declared === undefined) {
    ctx.out.error('undeclared-account', path, `account \`${account}\` is not declared in \`accounts\``);
  } else if (declared.partition !== partition) {
    ctx.out.error('arn-account-mismatch', path, `the ARN is in partition \`${partition}\` but account \`${account}\` is in \`${declared.partition}\``);
  }
}

function memberships(ctx: Ctx, user: Arn, raw: unknown, path: JsonPath, groupArns: ReadonlySet<string>): string[] {
  const account = parseIamArn(user)?.account ?? '';
  const partition = parseIamArn(user)?.partition ?? 'aws';
  const out: string[] = [];
  (Array.isArray(raw) ? raw : []).forEach((g, i) => {
    const name = String(g);
    const arn = name.startsWith('arn:') ? name : `arn:${partition}:iam::${account}:group/${name}`;
    const match = groupArns.has(arn) ? arn : [...groupArns].find((candidate) => parseIamArn(candidate)?.account === account && parseIamArn(candidate)?.name === name);
    if (match === undefined) ctx.out.error('undeclared-group', [...path, i], `group \`${name}\` is not declared in \`groups\``);
    else out.push(match);
  });
  return out;
}

function attachments(ctx: Ctx, raw: unknown, path: JsonPath, kind: PolicyKind): PolicyAttachment[] {
  const out: PolicyAttachment[] = [];
  (Array.isArray(raw) ? raw : []).forEach((item, i) => {
    const itemPath: JsonPath = [...path, i];
    if (typeof item === 'string') {
      checkManagedReference(ctx, item, itemPath);
      out.push({ kind: 'managed', arn: item as Arn, path: itemPath });
    } else if (isObject(item)) {
      out.push({ kind: 'inline', name: String(item.name), document: parsePolicy(item.document, kind, [...itemPath, 'document'], ctx.out), path: itemPath });
    }
  });
  return out;
}

function boundary(ctx: Ctx, raw: unknown, path: JsonPath): Arn | undefined {
  if (typeof raw !== 'string') return undefined;
  checkManagedReference(ctx, raw, path);
  return raw as Arn;
}

function checkManagedReference(ctx: Ctx, arn: string, path: JsonPath): void {
  const parsed = parseIamArn(arn);
  if (parsed === undefined || parsed.kind !== 'policy') {
    ctx.out.error('bad-arn', path, `\`${arn}\` is not a managed-policy ARN (\`arn:aws:iam::ACCOUNT:policy/NAME\`)`);
  } else if (!isAwsManagedPolicyArn(arn) && !ctx.policyArns.has(arn)) {
    ctx.out.error('undeclared-policy', path, `policy \`${arn}\` is not declared in \`policies\``);
  }
}

function buildSession(ctx: Ctx, s: Record<string, unknown>, path: JsonPath, userArns: ReadonlySet<string>, roleNames: ReadonlySet<string>): Session {
  const arn = String(s.arn);
  const parsed = parseStsArn(arn);
  const user = typeof s.user === 'string' ? s.user : undefined;
  if (parsed === undefined) {
    ctx.out.error('bad-arn', [...path, 'arn'], `\`${arn}\` is not a session ARN (\`arn:aws:sts::ACCOUNT:assumed-role/ROLE/NAME\` or \`…:federated-user/NAME\`)`);
  } else {
    checkAccount(ctx, parsed.account, parsed.partition, [...path, 'arn']);
    if (ctx.arns.has(arn)) ctx.out.error('duplicate-id', [...path, 'arn'], `\`${arn}\` is declared twice`);
    ctx.arns.set(arn, [...path, 'arn']);
    if (parsed.kind === 'assumed-role') {
      if (!roleNames.has(`${parsed.account}/${parsed.roleName}`)) ctx.out.warn('undeclared-user', [...path, 'arn'], `role \`${parsed.roleName}\` is not declared in \`roles\`, so this session has no permissions`);
      if (user !== undefined) ctx.out.error('bad-value', [...path, 'user'], '`user` applies only to federated-user sessions');
    } else if (user === undefined) {
      ctx.out.warn('missing-key', path, 'a federated-user session needs `user`: the IAM user that called GetFederationToken');
    } else if (!userArns.has(user)) {
      ctx.out.error('undeclared-user', [...path, 'user'], `user \`${user}\` is not declared in \`users\``);
    } else if (parseIamArn(user)?.account !== parsed.account) {
      ctx.out.error('arn-account-mismatch', [...path, 'user'], 'a federated-user session belongs to the same account as its user');
    }
  }
  return { arn: arn as Arn, user: user as Arn | undefined, policies: attachments(ctx, s.policies, [...path, 'policies'], 'session'), tags: tagsOf(s.tags), path };
}
