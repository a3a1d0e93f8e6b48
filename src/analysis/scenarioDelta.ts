/**
 * What changed between two scenarios, when the change is one an incremental analysis can follow edge
 * by edge: only the inline identity policies of users, groups and roles (the edit a user makes most,
 * typing in a policy). Everything else must be equal in content, compared in place (objects the two
 * scenarios share compare at once).
 */
import type { PolicyDocument } from '../model/policy';
import type { Group, PolicyAttachment, Role, Scenario, User } from '../model/types';
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
 * does not matter (nothing analysis reads depends on it); no key list is allocated.
 */
function equal(a: unknown, b: unknown): boolean {
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
    if (value !== other && (typeof value !== 'object' || value === null || !equal(value, other))) return false;
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

/**
 * Whether two entities are equal apart from their inline policies (added, removed, renamed or rewritten
 * inline policies are the edit): managed attachments and everything else must be equal.
 */
function sameShape(a: User | Group | Role, b: User | Group | Role): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(y, key)) return false;
    if (key !== 'policies' && !equal(x[key], y[key])) return false;
  }
  const managed = (list: readonly PolicyAttachment[]): PolicyAttachment[] => list.filter((p) => p.kind === 'managed');
  return equal(managed(a.policies), managed(b.policies));
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
    if (!equal(a.document, b.document)) return false;
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
    if (a.arn !== b.arn || !sameShape(a, b)) return false;
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
  if (!equal(before.organization, after.organization) || !equal(before.lesson, after.lesson) || !equal(before.layout, after.layout)) return undefined;
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
