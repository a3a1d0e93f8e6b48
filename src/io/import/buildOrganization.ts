/**
 * Turns the Organizations part of the draft into the scenario's `organization` and `accounts`:
 * the tree (every OU and member account under the root or a declared OU), and the SCPs and RCPs
 * attached to their targets.
 */
import type { Draft, DraftControlPolicy } from './draft';
import type { Obj } from './fields';
import { isAccountId, isOuId, isRootId, rootOfOu } from './arnChecks';
import { noteMember, noteUnit } from './orgFacts';
import type { Provenance } from './provenance';

/** The organization the scenario will declare. */
export interface OrgContext {
  readonly id: string;
  readonly management: string;
  readonly root: string;
}

/** `FullAWSAccess`, the SCP AWS attaches to every root, OU and account by default (its content is fixed). */
const FULL_AWS_ACCESS = 'p-FullAWSAccess';
const FULL_AWS_ACCESS_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
/** `RCPFullAWSAccess` is always in effect (DESIGN.md), so it is not listed. */
const RCP_FULL_AWS_ACCESS = 'p-RCPFullAWSAccess';

const TYPES: Readonly<Record<string, 'SCP' | 'RCP'>> = { SERVICE_CONTROL_POLICY: 'SCP', RESOURCE_CONTROL_POLICY: 'RCP' };

/** Decides whether the organization can be declared: it needs an id, a management account and a root. */
export function resolveOrganization(draft: Draft): OrgContext | undefined {
  const { org, report } = draft;
  if (org.touched === undefined) return undefined;
  const inferred = [...draft.units.keys()].map(rootOfOu).find((r) => r !== undefined) ?? [...draft.controlPolicies.values()].flatMap((p) => [...p.targets.keys()]).find(isRootId);
  const root = org.root?.value ?? inferred;
  const missing: string[] = [];
  if (org.id === undefined) missing.push('its id');
  if (org.management === undefined) missing.push('its management account');
  if (root === undefined) missing.push('its root');
  if (org.id === undefined || org.management === undefined || root === undefined) {
    report.warn(org.touched, 'not-imported', `the organization is not imported because the export lacks ${missing.join(' and ')} (import \`describe-organization\` and \`list-roots\`): its accounts are imported outside any organization`);
    return undefined;
  }
  if (org.root === undefined) report.info(org.touched, 'assumed-value', `the root id \`${root}\` is taken from the OU ids, which embed it`);
  noteMember(draft, org.management.value, org.management.origin);
  return { id: org.id.value, management: org.management.value, root };
}

/** Declares the OUs and accounts that policies are attached to, so that no target is dropped. */
export function prepareTargets(draft: Draft, ctx: OrgContext): void {
  for (const policy of draft.controlPolicies.values()) {
    for (const [id, target] of policy.targets) {
      if (isOuId(id) && !draft.units.has(id)) {
        noteUnit(draft, id, target.origin).name ??= target.value.name;
      } else if (isAccountId(id)) {
        const account = noteMember(draft, id, target.origin);
        account.name ??= target.value.name;
      } else if (isRootId(id) && id !== ctx.root) {
        draft.report.warn(target.origin, 'not-imported', `\`${id}\` is not this organization's root \`${ctx.root}\`, so this attachment is not imported`);
        policy.targets.delete(id);
      }
    }
  }
}

/** Places every member account and OU under the root or a declared OU (unknown parents: the root). */
export function placeTree(draft: Draft, ctx: OrgContext): void {
  const { report } = draft;
  for (const account of draft.accounts.values()) {
    if (!account.inOrg) continue;
    const parent = account.parent?.value;
    if (parent === undefined) {
      account.parent = { value: ctx.root, origin: account.origin };
      const note = `the parent of account \`${account.id}\` is not in the export: it is placed under the root (import \`list-accounts-for-parent\` for each OU)`;
      if (account.id === ctx.management) report.info(account.origin, 'assumed-value', note);
      else report.warn(account.origin, 'assumed-value', note);
    } else if (isOuId(parent) && !draft.units.has(parent)) noteUnit(draft, parent, account.parent?.origin ?? account.origin);
  }
  for (const unit of draft.units.values()) {
    const parent = unit.parent?.value;
    if (parent === undefined) {
      unit.parent = { value: ctx.root, origin: unit.origin };
      report.warn(unit.origin, 'assumed-value', `the parent of OU \`${unit.id}\` is not in the export: it is placed under the root (import \`list-organizational-units-for-parent\` for each parent)`);
    } else if (isOuId(parent) && !draft.units.has(parent)) noteUnit(draft, parent, unit.parent?.origin ?? unit.origin);
    else if (isRootId(parent) && parent !== ctx.root) {
      report.warn(unit.parent?.origin ?? unit.origin, 'assumed-value', `\`${parent}\` is not this organization's root: OU \`${unit.id}\` is placed under \`${ctx.root}\``);
      unit.parent = { value: ctx.root, origin: unit.origin };
    }
  }
  breakCycles(draft, ctx);
}

function breakCycles(draft: Draft, ctx: OrgContext): void {
  for (const unit of draft.units.values()) {
    const seen = new Set([unit.id]);
    let at = unit.parent?.value;
    while (at !== undefined && draft.units.has(at)) {
      if (seen.has(at)) {
        draft.report.warn(unit.parent?.origin ?? unit.origin, 'bad-value', `the OU parents given form a cycle through \`${unit.id}\`: it is placed under the root`);
        unit.parent = { value: ctx.root, origin: unit.origin };
        break;
      }
      seen.add(at);
      at = draft.units.get(at)?.parent?.value;
    }
  }
}

/** The scenario's `accounts`, sorted by id; member accounts carry their parent. */
export function emitAccounts(draft: Draft, ctx: OrgContext | undefined, prov: Provenance): Obj[] {
  const accounts = [...draft.accounts.values()].filter((a) => isAccountId(a.id)).sort((a, b) => a.id.localeCompare(b.id));
  return accounts.map((a, i) => {
    prov.add(['accounts', i], a.origin, false);
    const out: Obj = { id: a.id };
    if (a.name !== undefined && a.name !== '') out.name = a.name;
    if (ctx !== undefined && a.inOrg && a.parent !== undefined) out.parentId = a.parent.value;
    return out;
  });
}

/** The scenario's `organization`. */
export function emitOrganization(draft: Draft, ctx: OrgContext, prov: Provenance): Obj {
  const units = [...draft.units.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (draft.org.touched !== undefined) prov.add(['organization'], draft.org.touched, false);
  const unitValues = units.map((u, i) => {
    prov.add(['organization', 'units', i], u.origin, false);
    return { id: u.id, name: u.name ?? u.id, parentId: u.parent?.value ?? ctx.root };
  });
  return { id: ctx.id, managementAccountId: ctx.management, rootId: ctx.root, units: unitValues, policies: emitControlPolicies(draft, prov) };
}

function emitControlPolicies(draft: Draft, prov: Provenance): Obj[] {
  const out: Obj[] = [];
  const policies = [...draft.controlPolicies.values()].sort((a, b) => a.id.localeCompare(b.id));
  warnMissingFullAccess(draft, policies);
  for (const policy of policies) {
    const type = typeOf(draft, policy);
    if (type === undefined) continue;
    const path = ['organization', 'policies', out.length];
    const targets = [...policy.targets.keys()].sort();
    if (targets.length === 0) draft.report.warn(policy.origin, 'not-imported', `\`${policy.name ?? policy.id}\` is attached to nothing in the export (import \`list-targets-for-policy\` for \`${policy.id}\`)`);
    const document = policy.document?.value ?? FULL_AWS_ACCESS_DOCUMENT;
    prov.add(path, policy.origin, false);
    if (policy.document !== undefined) prov.add([...path, 'document'], policy.document.origin, true);
    out.push({ name: policy.name ?? policy.id, type, targets, document });
  }
  return out;
}

function typeOf(draft: Draft, policy: DraftControlPolicy): 'SCP' | 'RCP' | undefined {
  if (policy.id === RCP_FULL_AWS_ACCESS) return undefined;
  const type = policy.type === undefined ? (policy.id === FULL_AWS_ACCESS ? 'SCP' : undefined) : TYPES[policy.type];
  if (policy.type !== undefined && type === undefined) {
    draft.report.info(policy.origin, 'not-imported', `\`${policy.type}\` policies do not decide access, so \`${policy.name ?? policy.id}\` is not imported`);
    return undefined;
  }
  if (type === undefined) {
    draft.report.warn(policy.origin, 'not-imported', `the type of policy \`${policy.id}\` is not in the export (import \`describe-policy\` or \`list-policies\`), so it is not imported`);
    return undefined;
  }
  if (policy.document === undefined && policy.id !== FULL_AWS_ACCESS) {
    draft.report.warn(policy.origin, 'not-imported', `the content of \`${policy.name ?? policy.id}\` is not in the export (import \`describe-policy --policy-id ${policy.id}\`), so it is not imported`);
    return undefined;
  }
  return type;
}

/** Nodes with another SCP attached lose the default `FullAWSAccess` unless the export lists it there. */
function warnMissingFullAccess(draft: Draft, policies: readonly DraftControlPolicy[]): void {
  const full = draft.controlPolicies.get(FULL_AWS_ACCESS);
  if (full !== undefined && full.targets.size > 0) return;
  const custom = policies.find((p) => p.id !== FULL_AWS_ACCESS && p.type === 'SERVICE_CONTROL_POLICY' && p.targets.size > 0 && p.document !== undefined);
  if (custom === undefined) return;
  draft.report.warn(custom.origin, 'not-imported', `where \`FullAWSAccess\` is attached is not in the export, so nodes with \`${custom.name ?? custom.id}\` attached are treated as not having it (import \`list-targets-for-policy\` for \`${FULL_AWS_ACCESS}\`)`);
}
