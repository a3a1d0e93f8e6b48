/**
 * Every policy document of a scenario with the reference that names it, and what the documents
 * mention: principals named in resource and trust policies, and account ids named anywhere.
 */
import type { PolicyRef, StatementRef } from '../engine/types';
import { parseIamArn, parseStsArn } from '../model/arns';
import { parseArn } from '../model/ids';
import type { PolicyDocument, PrincipalSpec, Statement } from '../model/policy';
import type { PolicyAttachment, Scenario } from '../model/types';
import type { PolicySite } from './scenarioIndex';

/** The reference of one statement of a policy site. */
export function statementRef(policy: PolicyRef, statement: Statement): StatementRef {
  return { policy, index: statement.index, sid: statement.sid, effect: statement.effect, path: statement.path };
}

function inlineSites(owner: string, list: readonly PolicyAttachment[], kind: 'identity' | 'session'): PolicySite[] {
  return list.flatMap((a) => (a.kind === 'inline' ? [{ ref: { kind, name: a.name, owner, path: a.document.path }, document: a.document }] : []));
}

/** Every document written in the scenario (AWS managed policies excluded), in document order. */
export function policySites(scenario: Scenario): PolicySite[] {
  const out: PolicySite[] = [];
  for (const p of scenario.organization?.policies ?? []) {
    const kind = p.type === 'SCP' ? 'scp' : 'rcp';
    out.push({ ref: { kind, name: p.name, owner: scenario.organization?.rootId ?? '', path: p.document.path }, document: p.document });
  }
  for (const u of scenario.users) out.push(...inlineSites(u.arn, u.policies, 'identity'));
  for (const g of scenario.groups) out.push(...inlineSites(g.arn, g.policies, 'identity'));
  for (const r of scenario.roles) {
    if (r.trustPolicy !== undefined) out.push({ ref: { kind: 'trust', name: 'trust', owner: r.arn, path: r.trustPolicy.path }, document: r.trustPolicy });
    out.push(...inlineSites(r.arn, r.policies, 'identity'));
  }
  for (const p of scenario.policies) out.push({ ref: { kind: 'identity', name: p.arn, owner: p.arn, path: p.document.path }, document: p.document });
  for (const s of scenario.sessions) out.push(...inlineSites(s.arn, s.policies, 'session'));
  for (const r of scenario.resources) {
    if (r.policy !== undefined) out.push({ ref: { kind: 'resource', name: 'resource', owner: r.arn, path: r.policy.path }, document: r.policy });
  }
  return out;
}

/** What a Principal entry names, as a graph node. */
export type NamedPrincipal =
  | { readonly kind: 'anyone' }
  | { readonly kind: 'account'; readonly account: string; readonly partition: string }
  | { readonly kind: 'iam'; readonly arn: string; readonly entity: 'user' | 'role' | 'session'; readonly account: string; readonly partition: string }
  | { readonly kind: 'service'; readonly name: string }
  | { readonly kind: 'idp'; readonly id: string; readonly account: string | undefined; readonly partition: string | undefined };

/** Interprets one `AWS` principal value; `undefined` for unique ids, wildcards inside ARNs and other junk. */
export function namedAwsPrincipal(value: string): NamedPrincipal | undefined {
  if (/^\d{12}$/.test(value)) return { kind: 'account', account: value, partition: 'aws' };
  if (value.includes('*') || value.includes('?')) return undefined;
  const iam = parseIamArn(value);
  if (iam !== undefined) {
    if (!/^\d{12}$/.test(iam.account)) return undefined;
    if (iam.kind === 'root') return { kind: 'account', account: iam.account, partition: iam.partition };
    if (iam.kind === 'user' || iam.kind === 'role') return { kind: 'iam', arn: value, entity: iam.kind, account: iam.account, partition: iam.partition };
    return undefined;
  }
  const sts = parseStsArn(value);
  if (sts !== undefined && /^\d{12}$/.test(sts.account)) return { kind: 'iam', arn: value, entity: 'session', account: sts.account, partition: sts.partition };
  return undefined;
}

/** Interprets a `Federated` principal: an IdP ARN (`oidc-provider/…`, `saml-provider/…`) or a host name. */
export function namedFederatedPrincipal(value: string): NamedPrincipal {
  const iam = parseIamArn(value);
  if (iam !== undefined && (iam.kind === 'oidc-provider' || iam.kind === 'saml-provider')) return { kind: 'idp', id: value, account: iam.account, partition: iam.partition };
  return { kind: 'idp', id: value, account: undefined, partition: undefined };
}

/** Everything a Principal element names (`CanonicalUser` ids are left out: they name no node). */
export function namedPrincipals(spec: PrincipalSpec): NamedPrincipal[] {
  const out: NamedPrincipal[] = [];
  if (spec.wildcard) out.push({ kind: 'anyone' });
  for (const value of spec.AWS) {
    const named = namedAwsPrincipal(value);
    if (named !== undefined) out.push(named);
  }
  for (const name of spec.Service) if (name !== '*') out.push({ kind: 'service', name });
  for (const value of spec.Federated) out.push(namedFederatedPrincipal(value));
  return out;
}

const ACCOUNT_KEYS = /account$/i;

export function accountsOfStatement(statement: Statement, add: (account: string, partition: string) => void): void {
  for (const spec of [statement.principal, statement.notPrincipal]) {
    if (spec === undefined) continue;
    for (const named of namedPrincipals(spec)) {
      if (named.kind === 'account' || named.kind === 'iam') add(named.account, named.partition);
      if (named.kind === 'idp' && named.account !== undefined) add(named.account, named.partition ?? 'aws');
    }
  }
  for (const pattern of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) {
    const parts = parseArn(pattern);
    if (parts !== undefined && /^\d{12}$/.test(parts.account)) add(parts.account, parts.partition);
  }
  for (const condition of statement.conditions) {
    if (!ACCOUNT_KEYS.test(condition.key)) continue;
    for (const value of condition.values) if (/^\d{12}$/.test(value)) add(value, 'aws');
  }
}

/**
 * Account ids that policies and shares mention (DESIGN.md: an account mentioned but not listed is an
 * external account), with the partition of the first mention, in first-mention order.
 */
export function collectMentionedAccounts(scenario: Scenario): { id: string; partition: string }[] {
  const found = new Map<string, string>();
  const add = (account: string, partition: string): void => {
    if (!found.has(account)) found.set(account, partition);
  };
  for (const site of policySites(scenario)) for (const statement of site.document.statements) accountsOfStatement(statement, add);
  for (const share of scenario.resourceShares) {
    for (const principal of [...share.principals, ...share.pendingPrincipals]) {
      const named = namedAwsPrincipal(principal);
      if (named?.kind === 'account' || named?.kind === 'iam') add(named.account, named.partition);
    }
  }
  return [...found].map(([id, partition]) => ({ id, partition }));
}

/** True when the document takes part in evaluation (AWS would store it). */
export function isLive(document: PolicyDocument): boolean {
  return document.valid;
}
