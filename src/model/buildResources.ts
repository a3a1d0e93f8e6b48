/**
 * Builds resources (with their owner account and resource-based policy) and RAM resource shares.
 */
import { parseIamArn, parseOrganizationsArn } from './arns';
import { isObject } from './checkShape';
import type { Collector } from './collector';
import { checkAccount, tagsOf } from './buildEntities';
import { parseArn, type AccountId, type Arn, type JsonPath } from './ids';
import { parsePolicy } from './parsePolicy';
import type { Account, AclGrant, ObjectOwnership, Organization, Resource, ResourceShare, S3BucketSettings } from './types';

function objects(raw: unknown): Record<string, unknown>[] {
  return Array.isArray(raw) ? raw.map((v) => (isObject(v) ? v : {})) : [];
}

function strings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
}

/** Builds `resources` and `resourceShares` (shapes already checked). */
export function buildResources(
  value: Record<string, unknown>,
  accounts: ReadonlyMap<AccountId, Account>,
  organization: Organization | undefined,
  arns: Map<string, JsonPath>,
  out: Collector,
): { resources: Resource[]; resourceShares: ResourceShare[] } {
  const ctx = { out, accounts };
  const resources = objects(value.resources).map((r, i): Resource => {
    const path: JsonPath = ['resources', i];
    const arn = String(r.arn);
    const parts = parseArn(arn);
    const given = typeof r.account === 'string' ? r.account : undefined;
    let account = given ?? '';
    if (parts !== undefined) {
      if (parts.account !== '' && given !== undefined && given !== parts.account) {
        out.error('arn-account-mismatch', [...path, 'account'], `the ARN names account \`${parts.account}\` but \`account\` says \`${given}\``);
      }
      account = parts.account !== '' ? parts.account : account;
      if (account === '') out.error('resource-owner-unknown', path, `\`${arn}\` carries no account: add \`"account": "…"\` with the owner's 12-digit id`);
      else checkAccount(ctx, account, parts.partition, given !== undefined && parts.account === '' ? [...path, 'account'] : [...path, 'arn']);
      if (parts.service === 'iam' && parseIamArn(arn)?.kind === 'role') out.error('bad-value', [...path, 'arn'], 'declare roles in `roles`, with their trust policy');
    }
    if (arns.has(arn)) out.error('duplicate-id', [...path, 'arn'], `\`${arn}\` is declared twice`);
    arns.set(arn, [...path, 'arn']);
    const isBucket = parts?.service === 's3' && !parts.resource.includes('/');
    if (r.s3 !== undefined && !isBucket) out.error('bad-value', [...path, 's3'], '`s3` settings apply only to S3 bucket entries');
    return {
      arn: arn as Arn,
      account: account as AccountId,
      policy: r.policy === undefined ? undefined : parsePolicy(r.policy, 'resource', [...path, 'policy'], out),
      tags: tagsOf(r.tags),
      s3: isBucket ? s3Settings(r.s3) : undefined,
      path,
    };
  });
  const resourceShares = objects(value.resourceShares).map((s, i) => buildShare(s, ['resourceShares', i], accounts, organization, out));
  return { resources, resourceShares };
}

function s3Settings(raw: unknown): S3BucketSettings {
  const s = isObject(raw) ? raw : {};
  const pab = isObject(s.publicAccessBlock) ? s.publicAccessBlock : {};
  return {
    objectOwnership: (typeof s.objectOwnership === 'string' ? s.objectOwnership : 'BucketOwnerEnforced') as ObjectOwnership,
    objects: objects(s.objects).map((o) => ({
      key: String(o.key),
      owner: String(o.owner) as AccountId,
      acl: objects(o.acl).map((g) => ({ grantee: String(g.grantee), permission: String(g.permission) }) as AclGrant),
    })),
    publicAccessBlock: {
      BlockPublicAcls: pab.BlockPublicAcls === true,
      IgnorePublicAcls: pab.IgnorePublicAcls === true,
      BlockPublicPolicy: pab.BlockPublicPolicy === true,
      RestrictPublicBuckets: pab.RestrictPublicBuckets === true,
    },
  };
}

function buildShare(s: Record<string, unknown>, path: JsonPath, accounts: ReadonlyMap<AccountId, Account>, organization: Organization | undefined, out: Collector): ResourceShare {
  const owner = String(s.owner) as AccountId;
  if (!accounts.has(owner)) out.error('undeclared-account', [...path, 'owner'], `account \`${owner}\` is not declared in \`accounts\``);
  const allowExternalPrincipals = s.allowExternalPrincipals !== false;
  const principals = strings(s.principals);
  const pendingPrincipals = strings(s.pendingPrincipals);
  principals.forEach((p, i) => checkSharePrincipal(p, [...path, 'principals', i], { owner, allowExternalPrincipals, accounts, organization, out }));
  pendingPrincipals.forEach((p, i) => checkSharePrincipal(p, [...path, 'pendingPrincipals', i], { owner, allowExternalPrincipals, accounts, organization, out }));
  strings(s.resources).forEach((r, i) => {
    const account = parseArn(r)?.account;
    if (account !== undefined && account !== '' && account !== owner) out.error('arn-account-mismatch', [...path, 'resources', i], `a share can hold only resources of its owner \`${owner}\``);
  });
  return {
    name: String(s.name),
    owner,
    resources: strings(s.resources) as Arn[],
    principals,
    pendingPrincipals,
    allowExternalPrincipals,
    permissions: strings(s.permissions) as Arn[],
    path,
  };
}

interface ShareCtx {
  readonly owner: AccountId;
  readonly allowExternalPrincipals: boolean;
  readonly accounts: ReadonlyMap<AccountId, Account>;
  readonly organization: Organization | undefined;
  readonly out: Collector;
}

/**
 * A share principal must be an account id, the organization, one of its OUs, or an IAM role or
 * user. Associations AWS would refuse (RAM-API) are reported as `invalid-share` and grant nothing.
 */
function checkSharePrincipal(principal: string, path: JsonPath, ctx: ShareCtx): void {
  const org = ctx.organization;
  const inOrg = (account: string): boolean => org !== undefined && ctx.accounts.get(account as AccountId)?.parentId !== undefined;
  if (/^\d{12}$/.test(principal)) {
    if (!ctx.allowExternalPrincipals && !(inOrg(principal) && inOrg(ctx.owner))) {
      ctx.out.warn('invalid-share', path, `account \`${principal}\` is outside the organization but the share does not allow external principals, so it gets nothing`);
    }
    return;
  }
  const orgArn = parseOrganizationsArn(principal);
  if (orgArn !== undefined) {
    if (org === undefined || orgArn.orgId !== org.id) {
      ctx.out.error('bad-value', path, `\`${principal}\` does not name this scenario's organization`);
    } else if (orgArn.kind === 'ou' && !org.units.some((u) => u.id === orgArn.ouId) && orgArn.ouId !== org.rootId) {
      ctx.out.error('undeclared-parent', path, `OU \`${orgArn.ouId}\` is not declared in the organization`);
    } else if (!org.ramSharingWithOrganization) {
      ctx.out.warn('invalid-share', path, 'RAM sharing with the organization is not enabled (`ramSharingWithOrganization: false`), so this association grants nothing');
    }
    return;
  }
  const iam = parseIamArn(principal);
  if (iam !== undefined && (iam.kind === 'role' || iam.kind === 'user')) {
    if (!ctx.allowExternalPrincipals && !(inOrg(iam.account) && inOrg(ctx.owner))) {
      ctx.out.warn('invalid-share', path, `\`${principal}\` is outside the organization but the share does not allow external principals, so it gets nothing`);
    }
    return;
  }
  if (/^[a-z0-9.-]+\.amazonaws\.com$/.test(principal)) return;
  ctx.out.error('bad-value', path, `\`${principal}\` is not a share principal: use an account id, an organization or OU ARN, or an IAM role or user ARN`);
}
