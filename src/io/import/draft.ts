/**
 * The merge state: every reader adds what its file holds, keyed by the identifier AWS uses, so that
 * several files about the same things combine into one scenario. Nothing here is scenario-shaped yet.
 */
import type { ImportedDocument } from './jsonSource';
import type { Located, Obj } from './fields';
import type { Origin, Reporter } from './origin';

/** A value together with the place that stated it. */
export interface Fact<T> {
  readonly value: T;
  readonly origin: Origin;
}

export interface DraftAccount {
  readonly id: string;
  readonly origin: Origin;
  name: string | undefined;
  /** Listed by an Organizations export. */
  inOrg: boolean;
  parent: Fact<string> | undefined;
}

export interface DraftUnit {
  readonly id: string;
  readonly origin: Origin;
  name: string | undefined;
  parent: Fact<string> | undefined;
}

export interface DraftControlPolicy {
  readonly id: string;
  readonly origin: Origin;
  name: string | undefined;
  /** The Organizations policy type as AWS writes it (`SERVICE_CONTROL_POLICY`, …). */
  type: string | undefined;
  document: ImportedDocument | undefined;
  readonly targets: Map<string, Fact<{ readonly type: string | undefined; readonly name: string | undefined }>>;
}

export type DraftAttachment =
  | { readonly kind: 'managed'; readonly arn: string; readonly origin: Origin }
  | { readonly kind: 'inline'; readonly name: string; readonly document: ImportedDocument; readonly origin: Origin };

export interface DraftPrincipal {
  readonly kind: 'user' | 'group' | 'role';
  readonly arn: string;
  readonly account: string;
  readonly origin: Origin;
  readonly policies: readonly DraftAttachment[];
  readonly boundary: Fact<string> | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly groups: readonly Located<string>[];
  readonly trust: ImportedDocument | undefined;
  readonly maxSessionDuration: number | undefined;
  /** The source object as text, to tell a repeated entity from a conflicting one. */
  readonly fingerprint: string;
}

export interface DraftManagedPolicy {
  readonly arn: string;
  readonly origin: Origin;
  readonly document: ImportedDocument;
}

export interface DraftResource {
  readonly arn: string;
  readonly origin: Origin;
  /** For ARNs without an account (S3): the owner, when the export or a convention names it. */
  readonly owner: Fact<string> | undefined;
  readonly policy: ImportedDocument | undefined;
}

export interface DraftShare {
  readonly arn: string;
  /** The `get-resource-shares` entry once read, else the first association naming the share. */
  origin: Origin;
  name: string | undefined;
  owner: string | undefined;
  allowExternalPrincipals: boolean | undefined;
  status: Fact<string> | undefined;
  /** True once `get-resource-shares` described the share (not only associations naming it). */
  described: boolean;
  readonly resources: Map<string, Origin>;
  readonly principals: Map<string, { readonly origin: Origin; pending: boolean }>;
}

export interface DraftOrganization {
  /** The first Organizations export read, if any. */
  touched: Origin | undefined;
  id: Fact<string> | undefined;
  management: Fact<string> | undefined;
  root: Fact<string> | undefined;
}

export interface Draft {
  readonly report: Reporter;
  readonly accounts: Map<string, DraftAccount>;
  /** Accounts whose authorization details were imported. */
  readonly iamAccounts: Set<string>;
  readonly org: DraftOrganization;
  readonly units: Map<string, DraftUnit>;
  readonly controlPolicies: Map<string, DraftControlPolicy>;
  readonly users: Map<string, DraftPrincipal>;
  readonly groups: Map<string, DraftPrincipal>;
  readonly roles: Map<string, DraftPrincipal>;
  readonly policies: Map<string, DraftManagedPolicy>;
  /** `AIDA…` / `AROA…` ids to the ARNs that carry them. */
  readonly uniqueIds: Map<string, string[]>;
  readonly resources: Map<string, DraftResource>;
  readonly shares: Map<string, DraftShare>;
}

/** An empty draft. */
export function createDraft(report: Reporter): Draft {
  return {
    report,
    accounts: new Map(),
    iamAccounts: new Set(),
    org: { touched: undefined, id: undefined, management: undefined, root: undefined },
    units: new Map(),
    controlPolicies: new Map(),
    users: new Map(),
    groups: new Map(),
    roles: new Map(),
    policies: new Map(),
    uniqueIds: new Map(),
    resources: new Map(),
    shares: new Map(),
  };
}

/** Records an account (declaring it on first sight) and returns it. */
export function noteAccount(draft: Draft, id: string, origin: Origin): DraftAccount {
  let account = draft.accounts.get(id);
  if (account === undefined) {
    account = { id, origin, name: undefined, inOrg: false, parent: undefined };
    draft.accounts.set(id, account);
  }
  return account;
}

/**
 * Keeps the first statement of a fact; a later, different one is reported (`what` names the fact in
 * the message) and ignored.
 */
export function settle<T>(draft: Draft, current: Fact<T> | undefined, value: T, origin: Origin, what: string): Fact<T> {
  if (current === undefined) return { value, origin };
  if (current.value !== value) {
    draft.report.warn(origin, 'duplicate-id', `${what} is \`${String(value)}\` here but \`${String(current.value)}\` in \`${current.origin.file.name}\`: the first is kept`);
  }
  return current;
}

/** Records which ARNs carry a unique id. */
export function noteUniqueId(draft: Draft, id: string | undefined, arn: string): void {
  if (id === undefined) return;
  const arns = draft.uniqueIds.get(id) ?? [];
  if (!arns.includes(arn)) arns.push(arn);
  draft.uniqueIds.set(id, arns);
}

/** A stable text form of a parsed object, for telling repeats from conflicts. */
export function fingerprint(value: Obj): string {
  return JSON.stringify(value) ?? '';
}
