/**
 * Findings read straight from the policies (no evaluation): public access, third-party trust without
 * `sts:ExternalId`, service grants without a source condition, `*` on `*`, cross-partition references
 * and invalid documents. Each rule fires on the pattern it names and stays silent on its fixed form.
 */
import { parseOperator, NEGATED_OPERATORS } from '../../model/conditionOperators';
import { parseArn } from '../../model/ids';
import { hasConstrainingCondition } from '../../model/lintPolicy';
import type { ConditionEntry, Statement } from '../../model/policy';
import type { PolicyAttachment } from '../../model/types';
import { makeFinding } from '../findingMessages';
import type { Finding } from '../findingTypes';
import { namedPrincipals, statementRef } from '../policySites';
import type { PolicySite, ScenarioIndex } from '../scenarioIndex';

const SOURCE_KEYS: ReadonlySet<string> = new Set(['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths']);

/** True when the condition is a positive test (not negated, not `IfExists`, not `Null`) of one of `keys`. */
function isPositiveTestOf(condition: ConditionEntry, keys: ReadonlySet<string>): boolean {
  const op = parseOperator(condition.operator);
  if (op === undefined || op.ifExists || op.base === 'Null' || NEGATED_OPERATORS.has(op.base)) return false;
  return keys.has(condition.key.toLowerCase()) && !condition.values.some((value) => value === '*');
}

/** True when an action list can cover `sts:AssumeRole` (`sts:AssumeRole`, `sts:*`, `*`, `sts:Assume*`). */
function coversAssumeRole(statement: Statement): boolean {
  if (statement.notAction !== undefined) return true;
  return (statement.action ?? []).some((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test('sts:AssumeRole'));
}

function hasExternalIdCheck(statement: Statement): boolean {
  return statement.conditions.some((c) => {
    const op = parseOperator(c.operator);
    return c.key.toLowerCase() === 'sts:externalid' && op !== undefined && op.base === 'StringEquals' && op.set === undefined && !op.ifExists;
  });
}

function actionsText(statement: Statement): string {
  return statement.action !== undefined ? statement.action.join(', ') : `everything except ${(statement.notAction ?? []).join(', ')}`;
}

function isPublicButBlocked(index: ScenarioIndex, owner: string): boolean {
  return index.resources.get(owner)?.s3?.publicAccessBlock.RestrictPublicBuckets === true;
}

function grantFindings(index: ScenarioIndex, site: PolicySite, statement: Statement, out: Finding[]): void {
  const ref = statementRef(site.ref, statement);
  const subject = site.ref.owner;
  const spec = statement.principal;
  if (spec === undefined || statement.effect !== 'Allow') return;
  if (spec.wildcard && !hasConstrainingCondition(statement) && !isPublicButBlocked(index, subject)) {
    out.push(makeFinding({ code: 'public-access', subject, statement: ref, params: { actions: actionsText(statement) } }));
  }
  const named = namedPrincipals(spec);
  if (named.some((n) => n.kind === 'service') && !statement.conditions.some((c) => isPositiveTestOf(c, SOURCE_KEYS))) {
    for (const n of named) {
      if (n.kind !== 'service') continue;
      out.push(makeFinding({ code: 'service-without-source', subject, statement: ref, params: { service: n.name }, detail: `${JSON.stringify(ref.path)}|${n.name}`, severity: site.ref.kind === 'trust' ? 'low' : 'medium' }));
    }
  }
  if (site.ref.kind === 'trust' && coversAssumeRole(statement) && !hasExternalIdCheck(statement)) {
    const accounts = new Set(named.flatMap((n) => (n.kind === 'account' || n.kind === 'iam' ? [n.account] : [])));
    // The role's own account is no third party, even when that account is outside the organization.
    const own = parseArn(subject)?.account;
    for (const account of accounts) {
      if (account === own || index.accounts.get(account)?.external !== true) continue;
      out.push(makeFinding({ code: 'missing-external-id', subject, statement: ref, params: { account }, detail: `${JSON.stringify(ref.path)}|${account}` }));
    }
  }
}

function isBroad(statement: Statement): boolean {
  return (
    statement.effect === 'Allow' &&
    (statement.action ?? []).some((a) => a === '*' || a === '*:*') &&
    (statement.resource ?? []).includes('*')
  );
}

function broadFindings(arn: string, sites: readonly PolicySite[], out: Finding[]): void {
  for (const site of sites) {
    for (const statement of site.document.valid ? site.document.statements : []) {
      if (isBroad(statement)) out.push(makeFinding({ code: 'overly-broad-grant', subject: arn, statement: statementRef(site.ref, statement), params: { policy: site.ref.name } }));
    }
  }
}

function ownerPartition(index: ScenarioIndex, site: PolicySite): string | undefined {
  const arn = parseArn(site.ref.owner);
  if (arn !== undefined) return arn.partition;
  const management = index.scenario.organization?.managementAccountId;
  return management === undefined ? undefined : index.accounts.get(management)?.partition;
}

function partitionFindings(index: ScenarioIndex, site: PolicySite, statement: Statement, out: Finding[]): void {
  const own = ownerPartition(index, site);
  if (own === undefined) return;
  const references = [...(statement.resource ?? []), ...(statement.notResource ?? []), ...(statement.principal?.AWS ?? []), ...(statement.notPrincipal?.AWS ?? [])];
  for (const reference of new Set(references)) {
    const partition = parseArn(reference)?.partition;
    if (partition === undefined || /[*?$]/.test(partition) || partition === own) continue;
    const ref = statementRef(site.ref, statement);
    out.push(makeFinding({ code: 'cross-partition-reference', subject: site.ref.owner, statement: ref, params: { reference, partition, ownPartition: own }, detail: `${JSON.stringify(ref.path)}|${reference}` }));
  }
}

function siteFindings(index: ScenarioIndex, site: PolicySite, out: Finding[]): void {
  if (!site.document.valid) {
    out.push(makeFinding({ code: 'invalid-policy', subject: site.ref.owner, policy: site.ref, params: { policy: site.ref.name } }));
    return;
  }
  for (const statement of site.document.statements) {
    if (site.ref.kind === 'resource' || site.ref.kind === 'trust') grantFindings(index, site, statement, out);
    partitionFindings(index, site, statement, out);
  }
}

/**
 * The static findings, in two parts: those of each user, group and role's own identity policies
 * (inline documents, and `overly-broad-grant` over every policy it holds), by holder ARN, so that an
 * edit of a holder's inline policy recomputes that holder's only; and all the others. Finding ids do
 * not repeat across the parts.
 */
export interface StaticFindings {
  readonly byHolder: ReadonlyMap<string, readonly Finding[]>;
  readonly other: readonly Finding[];
}

/** The static findings of one user, group or role (`kind` names its attachments' list). */
export function holderFindings(index: ScenarioIndex, holder: { readonly arn: string; readonly policies: readonly PolicyAttachment[] }): Finding[] {
  const out: Finding[] = [];
  for (const a of holder.policies) if (a.kind === 'inline') siteFindings(index, { ref: { kind: 'identity', name: a.name, owner: holder.arn, path: a.document.path }, document: a.document }, out);
  broadFindings(holder.arn, index.sitesOf(holder.arn, holder.policies, 'identity'), out);
  return out;
}

/** Every static finding of the scenario, in parts. */
export function staticFindings(index: ScenarioIndex, sites: readonly PolicySite[]): StaticFindings {
  const { scenario } = index;
  const byHolder = new Map<string, Finding[]>();
  for (const holder of [...scenario.users, ...scenario.groups, ...scenario.roles]) byHolder.set(holder.arn, holderFindings(index, holder));
  const other: Finding[] = [];
  for (const site of sites) if (!(site.ref.kind === 'identity' && byHolder.has(site.ref.owner))) siteFindings(index, site, other);
  for (const session of scenario.sessions) broadFindings(session.arn, index.sitesOf(session.arn, session.policies, 'session'), other);
  return { byHolder, other };
}
