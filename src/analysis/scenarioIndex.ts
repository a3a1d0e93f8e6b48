/**
 * Lookup structures over a scenario that every analysis step shares: accounts (listed and mentioned),
 * the organization tree, principals with the policy documents on their side, resources and roles.
 * Built once per analysis; pure and cheap (linear in the scenario).
 */
import type { PolicyRef } from '../engine/types';
import { parseIamArn, parseStsArn } from '../model/arns';
import { parseArn, type AccountId, type JsonPath } from '../model/ids';
import type { PolicyDocument } from '../model/policy';
import type {
  Account,
  Group,
  PolicyAttachment,
  Resource,
  Role,
  Scenario,
  Session,
  Tags,
  User,
} from '../model/types';
import { collectMentionedAccounts } from './policySites';

/** One policy document together with the reference that names it in explanations. */
export interface PolicySite {
  readonly ref: PolicyRef;
  readonly document: PolicyDocument;
}

/** An account as analysis sees it. */
export interface AccountInfo {
  readonly id: AccountId;
  readonly name: string;
  readonly partition: string;
  /** Declared in `accounts`. */
  readonly listed: boolean;
  readonly inOrganization: boolean;
  /** Outside the organization (or, without one, not listed). */
  readonly external: boolean;
  readonly management: boolean;
  /** Root or OU id. */
  readonly parent: string | undefined;
  readonly path: JsonPath | undefined;
  /** Organization node ids from the root down to the account's parent; empty outside the organization. */
  readonly ancestors: readonly string[];
}

/** A declared principal that makes requests: a user, a role (as its sessions) or a declared session. */
export interface PrincipalEntity {
  readonly id: string;
  readonly kind: 'user' | 'role' | 'session';
  readonly account: AccountId;
  readonly partition: string;
  readonly path: JsonPath;
  /** Identity policies on the principal's side (own, groups', managed, of the role or user behind a session). */
  readonly identity: readonly PolicySite[];
  readonly boundary: PolicySite | undefined;
  readonly session: readonly PolicySite[];
  /** For a role or an assumed-role session: the role ARN. */
  readonly roleArn: string | undefined;
  /** For a federated-user session: the user ARN. */
  readonly userArn: string | undefined;
  readonly serviceLinked: boolean;
  readonly tags: Tags;
}

/** The shared index. */
export interface ScenarioIndex {
  readonly scenario: Scenario;
  readonly accounts: ReadonlyMap<string, AccountInfo>;
  /** Declared principals by ARN, in declaration order (users, roles, sessions). */
  readonly principals: ReadonlyMap<string, PrincipalEntity>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly resources: ReadonlyMap<string, Resource>;
  /** Customer managed and AWS managed documents by ARN. */
  readonly managed: ReadonlyMap<string, PolicyDocument>;
  /** The control policies of an account, level by level (root, OUs, account); empty outside the org. */
  controlLevels(
    account: string,
    type: 'SCP' | 'RCP',
  ): readonly { readonly level: string; readonly sites: readonly PolicySite[] }[];
  /** The documents of attachments (managed ones resolved; unknown ARNs left out), owned by `owner`. */
  sitesOf(
    owner: string,
    attachments: readonly PolicyAttachment[],
    kind: 'identity' | 'session',
  ): readonly PolicySite[];
}

/** Builds the index; `awsManaged` holds parsed AWS managed policy documents by ARN. */
export function indexScenario(
  scenario: Scenario,
  awsManaged: ReadonlyMap<string, PolicyDocument>,
): ScenarioIndex {
  const managed = new Map<string, PolicyDocument>(awsManaged);
  for (const policy of scenario.policies) managed.set(policy.arn, policy.document);
  const accounts = indexAccounts(scenario);
  const groups = new Map<string, Group>(scenario.groups.map((g) => [g.arn, g]));
  const roles = new Map(scenario.roles.map((r) => [r.arn, r]));

  const makers = siteMakers(managed, groups);
  const principals = new Map<string, PrincipalEntity>();
  for (const user of scenario.users) principals.set(user.arn, userEntity(user, makers));
  for (const role of scenario.roles) principals.set(role.arn, roleEntity(role, makers));
  const roleByName = rolesByName(scenario);
  for (const session of scenario.sessions) {
    const entity = sessionEntity(session, roleByName, principals, makers);
    if (entity !== undefined) principals.set(session.arn, entity);
  }

  const levelCache = new Map<string, { level: string; sites: PolicySite[] }[]>();
  function controlLevels(
    account: string,
    type: 'SCP' | 'RCP',
  ): readonly { level: string; sites: readonly PolicySite[] }[] {
    const key = `${type}|${account}`;
    const cached = levelCache.get(key);
    if (cached !== undefined) return cached;
    const info = accounts.get(account);
    const org = scenario.organization;
    const levels =
      info === undefined || org === undefined || !info.inOrganization ? [] : [...info.ancestors, account];
    const result = levels.map((level) => ({
      level,
      sites: (org?.policies ?? [])
        .filter((p) => p.type === type && p.targets.includes(level))
        .map((p): PolicySite => ({
          ref: {
            kind: type === 'SCP' ? 'scp' : 'rcp',
            name: p.name,
            owner: level,
            path: p.document.path,
            level,
          },
          document: p.document,
        })),
    }));
    levelCache.set(key, result);
    return result;
  }

  return {
    scenario,
    accounts,
    principals,
    roles,
    resources: new Map(scenario.resources.map((r) => [r.arn, r])),
    managed,
    controlLevels,
    sitesOf: makers.sites,
  };
}

function indexAccounts(scenario: Scenario): Map<string, AccountInfo> {
  const org = scenario.organization;
  const parents = new Map<string, string>((org?.units ?? []).map((u) => [u.id, u.parentId]));
  function ancestors(parent: string | undefined): string[] {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let node = parent; node !== undefined && !seen.has(node); node = parents.get(node)) {
      seen.add(node);
      chain.unshift(node);
    }
    return chain;
  }
  const accounts = new Map<string, AccountInfo>();
  for (const account of scenario.accounts)
    accounts.set(
      account.id,
      listedAccount(account, org?.managementAccountId, ancestors(account.parentId), org !== undefined),
    );
  for (const { id, partition } of collectMentionedAccounts(scenario)) {
    if (accounts.has(id)) continue;
    accounts.set(id, {
      id: id as AccountId,
      name: id,
      partition,
      listed: false,
      inOrganization: false,
      external: true,
      management: false,
      parent: undefined,
      path: undefined,
      ancestors: [],
    });
  }
  return accounts;
}

function listedAccount(
  account: Account,
  management: string | undefined,
  chain: string[],
  hasOrg: boolean,
): AccountInfo {
  const inOrganization = hasOrg && account.parentId !== undefined;
  return {
    id: account.id,
    name: account.name,
    partition: account.partition,
    listed: true,
    inOrganization,
    external: hasOrg && !inOrganization,
    management: management === account.id,
    parent: account.parentId,
    path: account.path,
    ancestors: inOrganization ? chain : [],
  };
}

/** The owner account of an ARN (its account field, or the listed resource's `account`). */
export function accountOfArn(index: ScenarioIndex, arn: string): string | undefined {
  const parts = parseArn(arn);
  if (parts === undefined) return undefined;
  if (/^\d{12}$/.test(parts.account)) return parts.account;
  return index.resources.get(arn)?.account;
}

type SiteMakers = ReturnType<typeof siteMakers>;

/** The policy sites of attachments and boundaries, resolving managed ARNs in `managed`. */
function siteMakers(managed: ReadonlyMap<string, PolicyDocument>, groups: ReadonlyMap<string, Group>) {
  function sites(
    owner: string,
    list: readonly PolicyAttachment[],
    kind: 'identity' | 'session',
  ): PolicySite[] {
    return list.flatMap((a): PolicySite[] => {
      if (a.kind === 'inline')
        return [{ ref: { kind, name: a.name, owner, path: a.document.path }, document: a.document }];
      const document = managed.get(a.arn);
      return document === undefined
        ? []
        : [{ ref: { kind, name: a.arn, owner, path: document.path }, document }];
    });
  }
  function boundarySite(owner: string, arn: string | undefined): PolicySite | undefined {
    const document = arn === undefined ? undefined : managed.get(arn);
    return arn === undefined || document === undefined
      ? undefined
      : { ref: { kind: 'boundary', name: arn, owner, path: document.path }, document };
  }
  return { sites, boundarySite, groups };
}

function userEntity(user: User, { sites, boundarySite, groups }: SiteMakers): PrincipalEntity {
  const identity = [
    ...sites(user.arn, user.policies, 'identity'),
    ...user.groups.flatMap((g) => sites(g, groups.get(g)?.policies ?? [], 'identity')),
  ];
  const iam = parseIamArn(user.arn);
  return {
    id: user.arn,
    kind: 'user',
    account: user.arn.split(':')[4] as AccountId,
    partition: iam?.partition ?? 'aws',
    path: user.path,
    identity,
    boundary: boundarySite(user.arn, user.permissionsBoundary),
    session: [],
    roleArn: undefined,
    userArn: undefined,
    serviceLinked: false,
    tags: user.tags,
  };
}

function roleEntity(role: Role, { sites, boundarySite }: SiteMakers): PrincipalEntity {
  const iam = parseIamArn(role.arn);
  return {
    id: role.arn,
    kind: 'role',
    account: (iam?.account ?? '') as AccountId,
    partition: iam?.partition ?? 'aws',
    path: role.path,
    identity: sites(role.arn, role.policies, 'identity'),
    boundary: boundarySite(role.arn, role.permissionsBoundary),
    session: [],
    roleArn: role.arn,
    userArn: undefined,
    serviceLinked: iam !== undefined && iam.path.startsWith('/aws-service-role/'),
    tags: role.tags,
  };
}

/** A declared session: the policies of the role or user behind it, and its own session policies. */
function sessionEntity(
  session: Session,
  roleByName: ReadonlyMap<string, Role>,
  principals: ReadonlyMap<string, PrincipalEntity>,
  { sites }: SiteMakers,
): PrincipalEntity | undefined {
  const sts = parseStsArn(session.arn);
  if (sts === undefined) return undefined;
  const role = sts.kind === 'assumed-role' ? roleByName.get(`${sts.account}/${sts.roleName}`) : undefined;
  const user = session.user === undefined ? undefined : principals.get(session.user);
  const behind = role !== undefined ? principals.get(role.arn) : user?.kind === 'user' ? user : undefined;
  return {
    id: session.arn,
    kind: 'session',
    account: sts.account as AccountId,
    partition: sts.partition,
    path: session.path,
    identity: behind?.identity ?? [],
    boundary: behind?.boundary,
    session: sites(session.arn, session.policies, 'session'),
    roleArn: role?.arn,
    userArn: sts.kind === 'federated-user' ? session.user : undefined,
    serviceLinked: role !== undefined && principals.get(role.arn)?.serviceLinked === true,
    tags: { ...(role?.tags ?? {}), ...session.tags },
  };
}

function rolesByName(scenario: Scenario): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const role of scenario.roles) {
    const iam = parseIamArn(role.arn);
    out.set(`${iam?.account}/${iam?.name}`, role);
  }
  return out;
}

/**
 * The index of `scenario`, which equals `previous.scenario` in content except for the identity
 * policies of the principals in `affected` (users, roles and the sessions behind them): their entries
 * are built again, everything else is the previous index's.
 */
export function reindexPrincipals(
  previous: ScenarioIndex,
  scenario: Scenario,
  affected: ReadonlySet<string>,
): ScenarioIndex {
  const makers = siteMakers(previous.managed, new Map<string, Group>(scenario.groups.map((g) => [g.arn, g])));
  const principals = new Map(previous.principals);
  for (const user of scenario.users)
    if (affected.has(user.arn)) principals.set(user.arn, userEntity(user, makers));
  for (const role of scenario.roles)
    if (affected.has(role.arn)) principals.set(role.arn, roleEntity(role, makers));
  const sessions = scenario.sessions.filter((s) => affected.has(s.arn));
  if (sessions.length > 0) {
    const byName = rolesByName(scenario);
    for (const session of sessions) {
      const entity = sessionEntity(session, byName, principals, makers);
      if (entity !== undefined) principals.set(session.arn, entity);
    }
  }
  // Resources are equal in content (an identity edit changes none): the previous entries serve, as the
  // previous targets do (the analysis reads them by content, never by identity).
  return {
    ...previous,
    scenario,
    principals,
    roles: new Map(scenario.roles.map((r) => [r.arn, r])),
    sitesOf: makers.sites,
  };
}
