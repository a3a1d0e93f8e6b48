/**
 * Turns resources and RAM shares of the draft into the scenario's `resources` and `resourceShares`:
 * each resource gets an owner account, each share keeps only what the scenario can hold, and
 * everything left out is reported.
 */
import { parseIamArn, parseOrganizationsArn } from '../../model/arns';
import { parseArn } from '../../model/ids';
import { noteAccount, type Draft, type DraftShare } from './draft';
import type { Obj } from './fields';
import { isAccountId, isOuId } from './arnChecks';
import type { OrgContext } from './buildOrganization';
import { noteUnit } from './orgFacts';
import { resolvePrincipals } from './principals';
import type { Provenance } from './provenance';

/** Builds `resources`, declaring owner accounts; call before the accounts are emitted. */
export function buildResourceList(draft: Draft, prov: Provenance): Obj[] {
  const { report } = draft;
  const single = draft.iamAccounts.size === 1 ? [...draft.iamAccounts][0] : undefined;
  const out: Obj[] = [];
  for (const resource of [...draft.resources.values()].sort((a, b) => a.arn.localeCompare(b.arn))) {
    const inArn = parseArn(resource.arn)?.account ?? '';
    const entry: Obj = { arn: resource.arn };
    if (inArn === '') {
      const owner = resource.owner?.value ?? single;
      if (owner === undefined) {
        report.warn(resource.origin, 'not-imported', `the owner of \`${resource.arn}\` is not in the export, so it is not imported: add \`"Account": "…"\` next to \`Policy\``);
        continue;
      }
      if (resource.owner === undefined) report.warn(resource.origin, 'assumed-value', `the owner of \`${resource.arn}\` is not in the export: it is taken to be \`${owner}\`, the one account whose IAM data is imported (add \`"Account": "…"\` next to \`Policy\` to say otherwise)`);
      noteAccount(draft, owner, resource.owner?.origin ?? resource.origin);
      entry.account = owner;
    } else if (resource.owner !== undefined && resource.owner.value !== inArn) {
      report.warn(resource.owner.origin, 'arn-account-mismatch', `the ARN names account \`${inArn}\`, which is kept, not \`${resource.owner.value}\``);
    }
    const path = ['resources', out.length];
    prov.add(path, resource.origin, false);
    if (resource.policy !== undefined) {
      entry.policy = resolvePrincipals(resource.policy, draft);
      prov.add([...path, 'policy'], resource.policy.origin, true);
    }
    out.push(entry);
  }
  return out;
}

/** Builds `resourceShares`, declaring owners and the OUs shares name; call before the tree is placed. */
export function buildShareList(draft: Draft, ctx: OrgContext | undefined, prov: Provenance): Obj[] {
  const out: Obj[] = [];
  for (const share of [...draft.shares.values()].sort((a, b) => a.arn.localeCompare(b.arn))) {
    const built = buildShare(draft, share, ctx);
    if (built === undefined) continue;
    const path = ['resourceShares', out.length];
    prov.add(path, share.origin, false);
    for (const key of ['resources', 'principals', 'pendingPrincipals'] as const) {
      const list = built[key];
      if (!Array.isArray(list)) continue;
      (list as string[]).forEach((item, i) => {
        const origin = key === 'resources' ? share.resources.get(item) : share.principals.get(item)?.origin;
        if (origin !== undefined) prov.add([...path, key, i], origin, false);
      });
    }
    out.push(built);
  }
  return out;
}

function buildShare(draft: Draft, share: DraftShare, ctx: OrgContext | undefined): Obj | undefined {
  const { report } = draft;
  if (share.status !== undefined && share.status.value !== 'ACTIVE') {
    report.info(share.status.origin, 'not-imported', `the share is \`${share.status.value}\`, not \`ACTIVE\`, so it is not imported`);
    return undefined;
  }
  const owner = share.owner ?? '';
  const name = share.name !== undefined && share.name.trim() !== '' ? share.name : (share.arn.split('/').pop() ?? share.arn);
  if (!share.described) report.info(share.origin, 'assumed-value', `share \`${name}\` is only named by associations: import \`get-resource-shares\` for its settings`);
  noteAccount(draft, owner, share.origin);
  const resources: string[] = [];
  for (const [arn, origin] of share.resources) {
    const account = parseArn(arn)?.account ?? '';
    if (account !== '' && account !== owner) report.warn(origin, 'not-imported', `a share holds only resources of its owner \`${owner}\`, so \`${arn}\` is left out`);
    else resources.push(arn);
  }
  const principals: string[] = [];
  const pending: string[] = [];
  for (const [principal, entry] of share.principals) {
    if (acceptPrincipal(draft, principal, entry.origin, ctx)) (entry.pending ? pending : principals).push(principal);
  }
  const out: Obj = { name, owner, resources: resources.sort(), principals: principals.sort() };
  if (pending.length > 0) out.pendingPrincipals = pending.sort();
  if (share.allowExternalPrincipals !== undefined) out.allowExternalPrincipals = share.allowExternalPrincipals;
  return out;
}

/** Whether the scenario can hold a share principal; declares OUs of the organization it names. */
function acceptPrincipal(draft: Draft, principal: string, origin: Parameters<typeof noteUnit>[2], ctx: OrgContext | undefined): boolean {
  const { report } = draft;
  if (isAccountId(principal) || /^[a-z0-9.-]+\.amazonaws\.com$/.test(principal)) return true;
  const org = parseOrganizationsArn(principal);
  if (org !== undefined) {
    if (ctx === undefined || org.orgId !== ctx.id) {
      report.warn(origin, 'not-imported', `\`${principal}\` names an organization the import does not describe, so this association is left out (import \`describe-organization\` and \`list-roots\` of \`${org.orgId}\`)`);
      return false;
    }
    if (org.kind === 'ou' && !draft.units.has(org.ouId)) {
      if (!isOuId(org.ouId)) {
        report.error(origin, 'bad-format', `\`${org.ouId}\` is not an OU id, so this association is not imported`);
        return false;
      }
      noteUnit(draft, org.ouId, origin);
    }
    return true;
  }
  const iam = parseIamArn(principal);
  if (iam !== undefined && (iam.kind === 'role' || iam.kind === 'user') && isAccountId(iam.account)) return true;
  report.error(origin, 'bad-value', `\`${principal}\` is not a share principal (an account id, an organization or OU ARN, or an IAM role or user ARN), so it is not imported`);
  return false;
}
