/**
 * What changed between two scenarios, when the change is one an incremental analysis can follow edge
 * by edge: only the documents of inline identity policies of users, groups and roles (the edit a user
 * makes most, typing in a policy). Everything else must be equal in content; equality is decided by
 * structural hashes remembered per object, so comparing a scenario with itself or with a parse that
 * shares its objects costs a lookup per entity.
 */
import type { PolicyDocument } from '../model/policy';
import { documentHash, hashValue, StructuralHash } from '../model/structuralHash';
import type { Group, PolicyAttachment, Role, Scenario, User } from '../model/types';
import type { IdentityChange } from './engineApi';

/** An edit of inline identity policy documents only. */
export interface IdentityEdit extends IdentityChange {
  /** The inline documents the edit replaced and the ones it wrote. */
  readonly documents: readonly PolicyDocument[];
}

const hashes = new WeakMap<object, string>();

function hashOf(value: object): string {
  let hash = hashes.get(value);
  if (hash === undefined) hashes.set(value, (hash = hashValue(value)));
  return hash;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return hashOf(a) === hashOf(b);
}

function sameList(a: readonly object[], b: readonly object[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

const shapes = new WeakMap<object, string>();

/**
 * The hash of an entity with its inline policies left out (added, removed, renamed or rewritten inline
 * policies are the edit), its managed attachments and everything else kept.
 */
function shapeOf(entity: User | Group | Role): string {
  let shape = shapes.get(entity);
  if (shape !== undefined) return shape;
  const hash = new StructuralHash();
  const record = entity as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    hash.string(key);
    if (key === 'policies') {
      for (const a of entity.policies) if (a.kind === 'managed') hash.string(a.arn).value(a.path);
      hash.separator();
    } else if (key === 'trustPolicy') hash.string(documentHash(value as PolicyDocument));
    else hash.value(value);
  }
  shapes.set(entity, (shape = hash.digest()));
  return shape;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a === b || (a.length === b.length && a.every((part, i) => part === b[i]));
}

/** Whether two attachment lists (equal shapes) have the same inline policies: names, places, documents. */
function sameInline(before: readonly PolicyAttachment[], after: readonly PolicyAttachment[]): boolean {
  if (before.length !== after.length) return false;
  for (let k = 0; k < after.length; k++) {
    const a = before[k]!;
    const b = after[k]!;
    if (a.kind !== b.kind) return false;
    if (a.kind === 'managed' || b.kind === 'managed') continue;
    if (a.name !== b.name || !samePath(a.path, b.path)) return false;
    if (a.document !== b.document && documentHash(a.document) !== documentHash(b.document)) return false;
  }
  return true;
}

/** Adds to `changed` the entities whose inline documents differ; false when anything else differs. */
function compareEntities(before: readonly (User | Group | Role)[], after: readonly (User | Group | Role)[], changed: Set<string>, documents: PolicyDocument[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (a.arn !== b.arn || shapeOf(a) !== shapeOf(b)) return false;
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
  if (before.format !== after.format || before.title !== after.title || before.description !== after.description) return undefined;
  if (!same(before.organization, after.organization) || !same(before.lesson, after.lesson) || !same(before.layout, after.layout)) return undefined;
  const lists = ['accounts', 'policies', 'sessions', 'resources', 'resourceShares', 'assertions'] as const;
  for (const key of lists) if (!sameList(before[key], after[key])) return undefined;
  const documents: PolicyDocument[] = [];
  const users = new Set<string>();
  const groups = new Set<string>();
  const roles = new Set<string>();
  if (!compareEntities(before.users, after.users, users, documents)) return undefined;
  if (!compareEntities(before.groups, after.groups, groups, documents)) return undefined;
  if (!compareEntities(before.roles, after.roles, roles, documents)) return undefined;
  return { users, groups, roles, documents };
}
