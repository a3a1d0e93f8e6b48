/**
 * Request resources (DESIGN.md "A request on a resource that is not listed"): a listed resource, an S3
 * object governed by its bucket's entry, a role (its trust policy is the resource policy of
 * `sts:AssumeRole*`, SEMANTICS §2.5), or any other ARN, owned by the account in the ARN. Resolution
 * gives the owner, the resource-based policies (the document plus RAM statements and object ACLs), the
 * derived resource keys, the S3 ownership and Block Public Access facts, and the RCP levels (§5.3).
 */
import { canonical } from '../match/canonical';
import { parseIamArn } from '../../model/arns';
import type { Resource, Role } from '../../model/types';
import type { KeyValue } from '../context/keyValue';
import type { ResourceKeys } from '../context/requestKeys';
import { parseRequestResource, type RequestResource } from '../match/resourceMatcher';
import type { InvalidRequestReason } from '../types';
import type { ResourcePlan } from './actionLists';
import type { CompiledPolicy, CompiledStatement, LevelStatements } from './compilePolicy';
import { roleKey, type CompileContext } from './compileContext';
import type { ControlLevel } from './organization';
import { aclPolicy, isPublicPolicy } from './s3';

/** What kind of resource it is, for the service rules of §2.5. */
export const RESOURCE_KINDS = ['star', 'role', 'kms-key', 's3-bucket', 's3-object', 'other'] as const;
/** One resource kind. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A resolved request resource. */
export interface ResourceView {
  readonly arn: RequestResource;
  readonly kind: ResourceKind;
  /** Owner account (for `*`: the caller's, filled in at evaluation); the bucket owner for objects. */
  readonly account: string | undefined;
  /** The partition of the ARN. */
  readonly partition: string | undefined;
  /** The account whose grants count (the object owner for an object another account owns, §2.5). */
  readonly grantAccount: string | undefined;
  /** The resource's own policy (bucket, key, queue … or the role's trust policy). */
  readonly policy: CompiledPolicy | undefined;
  /** RAM statements and object ACLs. */
  readonly extra: readonly CompiledPolicy[];
  /** An object in an ACL-enabled bucket that another account owns: bucket-policy Allows do not grant. */
  readonly foreignObject: boolean;
  /** `RestrictPublicBuckets` with a public bucket policy (§2.5, [S3-BPA]). */
  readonly restrictPublic: boolean;
  readonly keys: ResourceKeys;
  /** The RCP levels of the owner account; empty when RCPs do not apply to it. */
  readonly rcp: readonly ControlLevel[];
  /** Why RCPs do not apply to resources of this account (management account, outside the org, …). */
  readonly rcpSkip:
    'no-organization' | 'outside-organization' | 'management-account' | 'no-resource' | undefined;
  readonly role: Role | undefined;
  /** Evaluation's cache of this resource's statements by service prefix. */
  readonly byService: Map<string, ResourceStatements>;
  /** The fast path's cache of this resource's statements by the slot of the interned request action (evaluate/fastDecide.ts). */
  readonly byAction: (ResourcePlan | undefined)[];
  /**
   * Which resources `byAction` serves: `undefined` for this ARN alone; for the objects of a bucket, which
   * share it, the length of the resource part they all begin with (`bucket/`), their other ARN fields
   * being this one's (match/resourceMatcher.ts `settlePattern`).
   */
  readonly planScope: number | undefined;
}

/** The statements on a resource's side that can match actions of one service. */
export interface ResourceStatements {
  readonly resource: readonly CompiledStatement[];
  readonly rcp: readonly LevelStatements[];
}

/** A resource, or why the request cannot exist. */
export type ResolvedResource = ResourceView | { readonly invalid: InvalidRequestReason };

function tagMap(tags: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
}

function rcpOf(ctx: CompileContext, account: string | undefined): Pick<ResourceView, 'rcp' | 'rcpSkip'> {
  const org = ctx.organization;
  if (account === undefined) return { rcp: [], rcpSkip: 'no-resource' };
  if (org === undefined) return { rcp: [], rcpSkip: 'no-organization' };
  const info = ctx.accounts.get(account);
  if (info === undefined || !info.inOrganization) return { rcp: [], rcpSkip: 'outside-organization' };
  if (info.management) return { rcp: [], rcpSkip: 'management-account' };
  return { rcp: org.rcpLevels(account), rcpSkip: undefined };
}

function keysOf(
  ctx: CompileContext,
  account: string | undefined,
  service: string,
  tags: Readonly<Record<string, string>>,
): ResourceKeys {
  const facts = new Map<string, KeyValue>();
  if (account !== undefined) {
    facts.set('aws:resourceaccount', canonical(account));
    if (service === 's3') facts.set('s3:resourceaccount', canonical(account));
    const info = ctx.accounts.get(account);
    if (info?.orgId !== undefined && info.orgPath !== undefined) {
      facts.set('aws:resourceorgid', canonical(info.orgId));
      facts.set('aws:resourceorgpaths', [info.orgPath]);
    }
  }
  return { facts, tags: tagMap(tags) };
}

/** What every object of one bucket shares when nothing object-specific applies (no ACL, no RAM entry). */
interface ObjectShared {
  readonly keys: ResourceKeys;
  readonly byService: Map<string, ResourceStatements>;
  readonly byAction: (ResourcePlan | undefined)[];
}

const OBJECT_SHARED = new WeakMap<CompileContext, Map<string, ObjectShared>>();

/**
 * The caches and keys the objects of a bucket share: their statements come from the same bucket entry
 * and account, so one cache per bucket keeps the working set of many-object workloads small.
 */
function objectShared(
  ctx: CompileContext,
  bucket: string,
  owner: string,
  make: () => ObjectShared,
): ObjectShared {
  let byBucket = OBJECT_SHARED.get(ctx);
  if (byBucket === undefined) OBJECT_SHARED.set(ctx, (byBucket = new Map<string, ObjectShared>()));
  const key = `${bucket}|${owner}`;
  let shared = byBucket.get(key);
  if (shared === undefined) byBucket.set(key, (shared = make()));
  return shared;
}

function base(
  ctx: CompileContext,
  arn: RequestResource,
  kind: ResourceKind,
  account: string | undefined,
  entry: Resource | undefined,
  ram: ReadonlyMap<string, CompiledPolicy[]>,
): ResourceView {
  const policy =
    entry?.policy === undefined
      ? undefined
      : ctx.document(
          { kind: 'resource', name: 'resource', owner: entry.arn, path: entry.policy.path },
          entry.policy,
        );
  return {
    arn,
    kind,
    account,
    partition: arn.partition,
    grantAccount: account,
    policy,
    extra: ram.get(arn.raw) ?? [],
    foreignObject: false,
    restrictPublic: false,
    keys: keysOf(ctx, account, arn.service, kind === 's3-object' ? {} : (entry?.tags ?? {})),
    ...rcpOf(ctx, account),
    role: undefined,
    byService: new Map(),
    byAction: [],
    planScope: undefined,
  };
}

function resolveS3(
  ctx: CompileContext,
  arn: RequestResource,
  listedByArn: ReadonlyMap<string, Resource>,
  ram: ReadonlyMap<string, CompiledPolicy[]>,
): ResolvedResource {
  const slash = arn.resource.indexOf('/');
  const bucketName = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  const bucket = listedByArn.get(`arn:${arn.partition}:s3:::${bucketName}`);
  const owner = arn.account !== '' ? arn.account : bucket?.account;
  if (owner === undefined || owner === '') return { invalid: 'unknown-resource-owner' };
  if (slash < 0) {
    const view = base(ctx, arn, 's3-bucket', owner, bucket, ram);
    const pab = bucket?.s3?.publicAccessBlock;
    return {
      ...view,
      restrictPublic:
        pab?.RestrictPublicBuckets === true && bucket?.policy !== undefined && isPublicPolicy(bucket.policy),
    };
  }
  const view = base(ctx, arn, 's3-object', owner, bucket, ram);
  const settings = bucket?.s3;
  const restrictPublic =
    settings?.publicAccessBlock.RestrictPublicBuckets === true &&
    bucket?.policy !== undefined &&
    isPublicPolicy(bucket.policy);
  const object =
    bucket === undefined || settings === undefined || settings.objectOwnership === 'BucketOwnerEnforced'
      ? undefined
      : settings.objects.find((o) => o.key === arn.resource.slice(slash + 1));
  if (object === undefined) {
    // INVARIANT: without an ACL or a RAM entry of its own, an object's statements and keys are its bucket's.
    if (view.extra.length > 0 || ram.has(arn.raw)) return { ...view, restrictPublic };
    // INVARIANT: the objects sharing these caches have the same partition and account field and begin with
    // `bucket/` (`planScope`): fast plans settle resource tests over all of them.
    const shared = objectShared(ctx, `arn:${arn.partition}:s3:${arn.account}::${bucketName}`, owner, () => ({
      keys: view.keys,
      byService: view.byService,
      byAction: view.byAction,
    }));
    return {
      ...view,
      restrictPublic,
      keys: shared.keys,
      byService: shared.byService,
      byAction: shared.byAction,
      planScope: slash + 1,
    };
  }
  if (settings === undefined || bucket === undefined) return { ...view, restrictPublic };
  const acl = aclPolicy(
    bucket.arn,
    arn.raw,
    object,
    settings.publicAccessBlock.IgnorePublicAcls,
    bucket.path,
  );
  if (acl !== undefined) ctx.compiled.push(acl);
  return {
    ...view,
    restrictPublic,
    extra: [...view.extra, ...(acl === undefined ? [] : [acl])],
    foreignObject: object.owner !== owner,
    grantAccount: object.owner,
  };
}

/**
 * The view rebuilt with its fields in one order: views made by spreading have several hidden classes,
 * which made every property read of the fast path megamorphic (five shapes on the bench batch).
 */
function uniform(v: ResourceView): ResourceView {
  return {
    arn: v.arn,
    kind: v.kind,
    account: v.account,
    partition: v.partition,
    grantAccount: v.grantAccount,
    policy: v.policy,
    extra: v.extra,
    foreignObject: v.foreignObject,
    restrictPublic: v.restrictPublic,
    keys: v.keys,
    rcp: v.rcp,
    rcpSkip: v.rcpSkip,
    role: v.role,
    byService: v.byService,
    byAction: v.byAction,
    planScope: v.planScope,
  };
}

/** Resolves the resource of a request. */
export function resolveResource(
  ctx: CompileContext,
  raw: string,
  listedByArn: ReadonlyMap<string, Resource>,
  ram: ReadonlyMap<string, CompiledPolicy[]>,
): ResolvedResource {
  const resolved = resolveView(ctx, raw, listedByArn, ram);
  return 'invalid' in resolved ? resolved : uniform(resolved);
}

function resolveView(
  ctx: CompileContext,
  raw: string,
  listedByArn: ReadonlyMap<string, Resource>,
  ram: ReadonlyMap<string, CompiledPolicy[]>,
): ResolvedResource {
  const arn = parseRequestResource(raw);
  if (arn === undefined) return { invalid: 'malformed-request' };
  if (arn.star) return { ...base(ctx, arn, 'star', undefined, undefined, ram), partition: undefined };
  if (arn.service === 's3' && arn.region === '') return resolveS3(ctx, arn, listedByArn, ram);
  const iam = arn.service === 'iam' ? parseIamArn(raw) : undefined;
  if (iam?.kind === 'role') {
    const role = ctx.roles.get(raw) ?? ctx.rolesByName.get(roleKey(iam.partition, iam.account, iam.name));
    const view = base(ctx, arn, 'role', iam.account, undefined, ram);
    const trust =
      role?.trustPolicy === undefined
        ? undefined
        : ctx.document(
            { kind: 'trust', name: 'trust', owner: role.arn, path: role.trustPolicy.path },
            role.trustPolicy,
          );
    return { ...view, policy: trust, role, keys: keysOf(ctx, iam.account, 'iam', role?.tags ?? {}) };
  }
  const entry = listedByArn.get(raw);
  const account = arn.account !== '' ? arn.account : entry?.account;
  if (account === undefined || account === '') return { invalid: 'unknown-resource-owner' };
  const kind: ResourceKind = arn.service === 'kms' && arn.resource.startsWith('key/') ? 'kms-key' : 'other';
  return base(ctx, arn, kind, account, entry, ram);
}
