/**
 * The organization as evaluation needs it (SEMANTICS §5): each account's place in the tree (its
 * `aws:…OrgID` / `aws:…OrgPaths` values, `o-…/r-…/ou-…/`), and its control-policy levels from the root
 * through each OU to the account. A level no SCP targets holds the implicit `FullAWSAccess` (AWS's
 * default, DESIGN.md); every level holds `RCPFullAWSAccess`, which cannot be detached [ORG-RCP-SYNTAX].
 */
import type { PolicyDocument, Statement } from '../../model/policy';
import type { ControlPolicyType, Scenario } from '../../model/types';
import type { PolicyRef } from '../types';
import { compileRemembered } from './policyMemo';
import { compilePolicy, type CompiledPolicy } from './compilePolicy';

/** One account as the engine sees it. */
export interface AccountFacts {
  readonly id: string;
  readonly partition: string;
  /** Declared in `accounts`. */
  readonly listed: boolean;
  readonly inOrganization: boolean;
  readonly management: boolean;
  /** Present only inside the organization. */
  readonly orgId: string | undefined;
  readonly orgPath: string | undefined;
  /** Root, OU ids and the account itself, from the root down; empty outside the organization. */
  readonly levels: readonly string[];
}

/** One level of control policies (OR-ed for Allow). */
export interface ControlLevel {
  readonly level: string;
  readonly policies: readonly CompiledPolicy[];
}

/** The compiled organization. */
export interface OrganizationFacts {
  readonly id: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  readonly ramSharingWithOrganization: boolean;
  /** Accounts at or below a root or OU id. */
  readonly accountsUnder: (nodeId: string) => readonly string[];
  readonly scpLevels: (account: string) => readonly ControlLevel[];
  readonly rcpLevels: (account: string) => readonly ControlLevel[];
}

const FULL_ACCESS_STATEMENT: Statement = {
  index: 0,
  sid: undefined,
  effect: 'Allow',
  principal: undefined,
  notPrincipal: undefined,
  action: ['*'],
  notAction: undefined,
  resource: ['*'],
  notResource: undefined,
  conditions: [],
  path: [],
};

function fullAccess(type: ControlPolicyType, level: string): CompiledPolicy {
  const statement: Statement =
    type === 'SCP'
      ? FULL_ACCESS_STATEMENT
      : {
          ...FULL_ACCESS_STATEMENT,
          principal: { wildcard: true, AWS: [], Service: [], Federated: [], CanonicalUser: [] },
        };
  const document: PolicyDocument = {
    kind: type === 'SCP' ? 'scp' : 'rcp',
    version: '2012-10-17',
    id: undefined,
    statements: [statement],
    valid: true,
    path: [],
  };
  const ref: PolicyRef = {
    kind: document.kind,
    name: type === 'SCP' ? 'FullAWSAccess' : 'RCPFullAWSAccess',
    owner: level,
    path: [],
    level,
  };
  return compilePolicy(ref, document);
}

/** Builds the account facts of every listed account. */
export function buildAccounts(scenario: Scenario): Map<string, AccountFacts> {
  const org = scenario.organization;
  const parents = new Map((org?.units ?? []).map((u) => [u.id, u.parentId]));
  const out = new Map<string, AccountFacts>();
  for (const account of scenario.accounts) {
    const inOrganization = org !== undefined && account.parentId !== undefined;
    const chain: string[] = [];
    const seen = new Set<string>();
    for (
      let node = inOrganization ? account.parentId : undefined;
      node !== undefined && !seen.has(node);
      node = parents.get(node)
    ) {
      seen.add(node);
      chain.unshift(node);
    }
    out.set(account.id, {
      id: account.id,
      partition: account.partition,
      listed: true,
      inOrganization,
      management: org?.managementAccountId === account.id,
      orgId: inOrganization ? org.id : undefined,
      orgPath: inOrganization ? `${org.id}/${chain.join('/')}/` : undefined,
      levels: inOrganization ? [...chain, account.id] : [],
    });
  }
  return out;
}

/** Compiles the organization's control policies into per-account levels. */
export function buildOrganization(
  scenario: Scenario,
  accounts: ReadonlyMap<string, AccountFacts>,
): OrganizationFacts | undefined {
  const org = scenario.organization;
  if (org === undefined) return undefined;
  const byTarget = new Map<string, { SCP: CompiledPolicy[]; RCP: CompiledPolicy[] }>();
  for (const policy of org.policies) {
    for (const target of policy.targets) {
      const entry = byTarget.get(target) ?? { SCP: [], RCP: [] };
      const ref: PolicyRef = {
        kind: policy.type === 'SCP' ? 'scp' : 'rcp',
        name: policy.name,
        owner: target,
        path: policy.document.path,
        level: target,
      };
      entry[policy.type].push(compileRemembered(ref, policy.document));
      byTarget.set(target, entry);
    }
  }
  const cache = new Map<string, ControlLevel[]>();
  function levels(account: string, type: ControlPolicyType): readonly ControlLevel[] {
    const key = `${type}|${account}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const facts = accounts.get(account);
    const result = (facts?.levels ?? []).map((level): ControlLevel => {
      const attached = byTarget.get(level)?.[type] ?? [];
      if (type === 'SCP')
        return { level, policies: attached.length > 0 ? attached : [fullAccess('SCP', level)] };
      return { level, policies: [fullAccess('RCP', level), ...attached] };
    });
    cache.set(key, result);
    return result;
  }
  function accountsUnder(nodeId: string): readonly string[] {
    return [...accounts.values()].filter((a) => a.levels.slice(0, -1).includes(nodeId)).map((a) => a.id);
  }
  return {
    id: org.id,
    rootId: org.rootId,
    managementAccountId: org.managementAccountId,
    ramSharingWithOrganization: org.ramSharingWithOrganization,
    accountsUnder,
    scpLevels: (account) => levels(account, 'SCP'),
    rcpLevels: (account) => levels(account, 'RCP'),
  };
}
