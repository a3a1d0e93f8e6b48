/**
 * What changed between two scenarios, when the change is one an incremental analysis can follow edge
 * by edge: only the inline identity policies of users, groups and roles (the edit a user makes most,
 * typing in a policy). Everything else must be equal in content, compared in place (objects the two
 * scenarios share compare at once).
 */
import type { JsonPath } from '../model/ids';
import type { ConditionEntry, PolicyDocument, PrincipalSpec, Statement } from '../model/policy';
import type {
  Group,
  PolicyAttachment,
  Resource,
  Role,
  S3BucketSettings,
  Scenario,
  User,
} from '../model/types';
import type { IdentityChange } from './engineApi';

/** An edit of inline identity policy documents only. */
export interface IdentityEdit extends IdentityChange {
  /** The inline documents the edit replaced and the ones it wrote. */
  readonly documents: readonly PolicyDocument[];
}

/**
 * Deep equality of JSON-like values (plain objects, arrays, strings, numbers, booleans, null), where a
 * property whose value is `undefined` counts as absent. A fresh parse shares no object with the
 * previous one, and comparing it in place is several times cheaper than hashing it whole. Key order
 * does not matter (nothing analysis reads depends on it); no key list is allocated. The incremental join
 * (accessEdges.ts) also compares the access lists and edges it rebuilt with it.
 */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as unknown;
      const y = b[i] as unknown;
      // Leaves (most of a parse) compare here, without a call.
      if (x !== y && (typeof x !== 'object' || x === null || !equal(x, y))) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  // Parsed scenarios hold plain objects only (own enumerable keys, no prototype chain to walk).
  for (const key in x) {
    const value = x[key];
    if (value === undefined) continue;
    defined += 1;
    const other = y[key];
    if (value !== other && (typeof value !== 'object' || value === null || !equal(value, other)))
      return false;
  }
  for (const key in y) if (y[key] !== undefined) defined -= 1;
  return defined === 0;
}

function sameList(a: readonly object[], b: readonly object[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
  return true;
}

// Typed comparers for the bulk of a scenario (documents, statements, roles, resources): fields read by
// name are monomorphic loads, several times cheaper than the generic walk's keyed loads. A test mutates
// every leaf of a parsed scenario and checks that each mutation is seen, so a field added to these
// types and not compared here fails it.

function samePath(a: JsonPath, b: JsonPath): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function samePrincipal(a: PrincipalSpec | undefined, b: PrincipalSpec | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.wildcard === b.wildcard &&
    sameStrings(a.AWS, b.AWS) &&
    sameStrings(a.Service, b.Service) &&
    sameStrings(a.Federated, b.Federated) &&
    sameStrings(a.CanonicalUser, b.CanonicalUser)
  );
}

function sameConditions(a: readonly ConditionEntry[], b: readonly ConditionEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.operator !== y.operator ||
      x.key !== y.key ||
      !sameStrings(x.values, y.values) ||
      !samePath(x.path, y.path)
    )
      return false;
  }
  return true;
}

function sameStatement(a: Statement, b: Statement): boolean {
  return (
    a.index === b.index &&
    a.sid === b.sid &&
    a.effect === b.effect &&
    samePrincipal(a.principal, b.principal) &&
    samePrincipal(a.notPrincipal, b.notPrincipal) &&
    sameStrings(a.action, b.action) &&
    sameStrings(a.notAction, b.notAction) &&
    sameStrings(a.resource, b.resource) &&
    sameStrings(a.notResource, b.notResource) &&
    sameConditions(a.conditions, b.conditions) &&
    samePath(a.path, b.path)
  );
}

function sameDocument(a: PolicyDocument | undefined, b: PolicyDocument | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (
    a.kind !== b.kind ||
    a.version !== b.version ||
    a.id !== b.id ||
    a.valid !== b.valid ||
    !samePath(a.path, b.path)
  )
    return false;
  const x = a.statements;
  const y = b.statements;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!sameStatement(x[i]!, y[i]!)) return false;
  return true;
}

function sameS3(a: S3BucketSettings | undefined, b: S3BucketSettings | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.objectOwnership !== b.objectOwnership) return false;
  const x = a.publicAccessBlock;
  const y = b.publicAccessBlock;
  if (
    x.BlockPublicAcls !== y.BlockPublicAcls ||
    x.IgnorePublicAcls !== y.IgnorePublicAcls ||
    x.BlockPublicPolicy !== y.BlockPublicPolicy ||
    x.RestrictPublicBuckets !== y.RestrictPublicBuckets
  )
    return false;
  // Objects (few, and only on buckets that list them) compare generically.
  return a.objects.length === 0 && b.objects.length === 0 ? true : equal(a.objects, b.objects);
}

function sameResource(a: Resource, b: Resource): boolean {
  return (
    a.arn === b.arn &&
    a.account === b.account &&
    sameDocument(a.policy, b.policy) &&
    equal(a.tags, b.tags) &&
    sameS3(a.s3, b.s3) &&
    samePath(a.path, b.path)
  );
}

function sameResources(a: readonly Resource[], b: readonly Resource[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameResource(a[i]!, b[i]!)) return false;
  return true;
}

/** Whether two attachment lists have the same managed attachments, in order (inline ones are the edit). */
function sameManaged(a: readonly PolicyAttachment[], b: readonly PolicyAttachment[]): boolean {
  let j = 0;
  for (const x of a) {
    if (x.kind !== 'managed') continue;
    while (j < b.length && b[j]!.kind !== 'managed') j++;
    const y = b[j++];
    if (y === undefined || y.kind !== 'managed' || x.arn !== y.arn || !samePath(x.path, y.path)) return false;
  }
  while (j < b.length) if (b[j++]!.kind === 'managed') return false;
  return true;
}

/** Whether two users are equal apart from their inline policies (added, removed, renamed or rewritten inline policies are the edit). */
function sameUser(a: User, b: User): boolean {
  return (
    a.arn === b.arn &&
    sameStrings(a.groups, b.groups) &&
    a.permissionsBoundary === b.permissionsBoundary &&
    equal(a.tags, b.tags) &&
    samePath(a.path, b.path) &&
    sameManaged(a.policies, b.policies)
  );
}

function sameGroup(a: Group, b: Group): boolean {
  return a.arn === b.arn && samePath(a.path, b.path) && sameManaged(a.policies, b.policies);
}

function sameRole(a: Role, b: Role): boolean {
  return (
    a.arn === b.arn &&
    sameDocument(a.trustPolicy, b.trustPolicy) &&
    a.permissionsBoundary === b.permissionsBoundary &&
    equal(a.tags, b.tags) &&
    a.maxSessionDuration === b.maxSessionDuration &&
    samePath(a.path, b.path) &&
    sameManaged(a.policies, b.policies)
  );
}

/** Whether two attachment lists (equal managed ones) have the same inline policies: names, places, documents. */
function sameInline(before: readonly PolicyAttachment[], after: readonly PolicyAttachment[]): boolean {
  if (before.length !== after.length) return false;
  for (let k = 0; k < after.length; k++) {
    const a = before[k]!;
    const b = after[k]!;
    if (a.kind !== b.kind) return false;
    if (a.kind === 'managed' || b.kind === 'managed') continue;
    if (a.name !== b.name || !samePath(a.path, b.path)) return false;
    if (!sameDocument(a.document, b.document)) return false;
  }
  return true;
}

/** Adds to `changed` the entities whose inline documents differ; false when anything else differs. */
function compareEntities<T extends User | Group | Role>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
  changed: Set<string>,
  documents: PolicyDocument[],
): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (!same(a, b)) return false;
    if (sameInline(a.policies, b.policies)) continue;
    changed.add(b.arn);
    for (const p of [...a.policies, ...b.policies]) if (p.kind === 'inline') documents.push(p.document);
  }
  return true;
}

/**
 * The edit from `before` to `after` when it changed inline identity documents only (possibly none),
 * otherwise `undefined`.
 */
export function identityEdit(before: Scenario, after: Scenario): IdentityEdit | undefined {
  if (
    before.format !== after.format ||
    before.title !== after.title ||
    before.description !== after.description
  )
    return undefined;
  if (
    !equal(before.organization, after.organization) ||
    !equal(before.lesson, after.lesson) ||
    !equal(before.layout, after.layout)
  )
    return undefined;
  const lists = ['accounts', 'policies', 'sessions', 'resourceShares', 'assertions'] as const;
  for (const key of lists) if (!sameList(before[key], after[key])) return undefined;
  if (!sameResources(before.resources, after.resources)) return undefined;
  const documents: PolicyDocument[] = [];
  const users = new Set<string>();
  const groups = new Set<string>();
  const roles = new Set<string>();
  if (!compareEntities(before.users, after.users, sameUser, users, documents)) return undefined;
  if (!compareEntities(before.groups, after.groups, sameGroup, groups, documents)) return undefined;
  if (!compareEntities(before.roles, after.roles, sameRole, roles, documents)) return undefined;
  return { users, groups, roles, documents };
}
