/**
 * Shared state while a scenario compiles: lookups over its entities, the policy compiler with its cache
 * (each document is compiled once per policy kind), and the diagnostics found on the way.
 */
import { parseIamArn } from '../../model/arns';
import type { JsonPath } from '../../model/ids';
import type { PolicyDocument } from '../../model/policy';
import type { Group, PolicyAttachment, PolicyKind, Role, Scenario, Session, User } from '../../model/types';
import type { EngineDiagnostic, PolicyRef } from '../types';
import type { CompiledPolicy } from './compilePolicy';
import { compileRemembered } from './policyMemo';
import { buildAccounts, buildOrganization, type AccountFacts, type OrganizationFacts } from './organization';

/** Options of `compileScenario`. */
export interface CompileOptions {
  /** Resolves AWS managed policies (`arn:aws:iam::aws:policy/…`) the scenario does not list. */
  readonly managedPolicies?: (arn: string) => PolicyDocument | undefined;
  /** Prefixes of the services RCPs govern; the built-in list when omitted. */
  readonly rcpSupportedServices?: ReadonlySet<string>;
}

/** Everything the compilation steps share. */
export interface CompileContext {
  readonly scenario: Scenario;
  readonly accounts: ReadonlyMap<string, AccountFacts>;
  readonly organization: OrganizationFacts | undefined;
  readonly users: ReadonlyMap<string, User>;
  readonly groups: ReadonlyMap<string, Group>;
  readonly roles: ReadonlyMap<string, Role>;
  /** Roles by `partition|account|name` (session ARNs carry no path). */
  readonly rolesByName: ReadonlyMap<string, Role>;
  readonly sessions: ReadonlyMap<string, Session>;
  readonly diagnostics: EngineDiagnostic[];
  readonly compiled: CompiledPolicy[];
  /** A managed policy (customer or AWS) as a policy of `kind`; `undefined` (and a diagnostic) when unknown. */
  managed(arn: string, kind: PolicyKind, path: JsonPath): CompiledPolicy | undefined;
  /** A document compiled under `ref`, once per document. */
  document(ref: PolicyRef, document: PolicyDocument): CompiledPolicy;
  /** The policies of a list of attachments, owned by `owner`. */
  attachments(
    owner: string,
    list: readonly PolicyAttachment[],
    kind: 'identity' | 'session',
  ): CompiledPolicy[];
}

/** The `partition|account|name` key of a role ARN. */
export function roleKey(partition: string, account: string, name: string): string {
  return `${partition}|${account}|${name}`;
}

/**
 * Creates the context of one compilation. `reuse` passes the accounts and organization of a previous
 * compilation whose accounts and organization are equal in content (an identity-policy recompile).
 */
/** An entity list by ARN (a later entry wins, as in `new Map`). */
function byArn<T extends { readonly arn: string }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of list) out.set(item.arn, item);
  return out;
}

/** A role list by partition, account and name (a later entry wins). */
function byRoleName(roles: readonly Role[]): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const role of roles) {
    const iam = parseIamArn(role.arn);
    if (iam !== undefined) out.set(roleKey(iam.partition, iam.account, iam.name), role);
  }
  return out;
}

/**
 * `build(list)` from the previous list's map when the lists hold the same ARNs in the same order (a
 * recompile after an identity edit, where the entities are the same objects but the edited ones): the
 * previous map copied and those entries replaced. `undefined` when the lists differ otherwise, or when a
 * replaced entry was not its key's entry (a duplicated ARN).
 */
function patched<T extends { readonly arn: string }>(
  list: readonly T[],
  before: readonly T[],
  map: ReadonlyMap<string, T>,
  keyOf: (item: T) => string | undefined,
): Map<string, T> | undefined {
  if (list.length !== before.length) return undefined;
  let out: Map<string, T> | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    const old = before[i] as T;
    if (item === old) continue;
    if (item.arn !== old.arn) return undefined;
    const key = keyOf(item);
    if (key === undefined) continue;
    if (map.get(key) !== old) return undefined;
    (out ??= new Map(map)).set(key, item);
  }
  return out ?? new Map(map);
}

function roleNameKey(role: Role): string | undefined {
  const iam = parseIamArn(role.arn);
  return iam === undefined ? undefined : roleKey(iam.partition, iam.account, iam.name);
}

export function createCompileContext(
  scenario: Scenario,
  options: CompileOptions,
  reuse?: Pick<CompileContext, 'accounts' | 'organization'> & Partial<CompileContext>,
): CompileContext {
  const accounts = reuse?.accounts ?? buildAccounts(scenario);
  const customer = new Map(scenario.policies.map((p) => [p.arn as string, p.document]));
  const cache = new Map<string, CompiledPolicy | null>();
  const inlineCache = new Map<PolicyDocument, CompiledPolicy>();
  const diagnostics: EngineDiagnostic[] = [];
  const compiled: CompiledPolicy[] = [];
  const reported = new Set<string>();
  // A recompile builds its lookups from the previous ones (2,000 roles at M: parsing every ARN again
  // was a third of a recompile).
  const was = reuse?.scenario;
  const lookup = <T extends { readonly arn: string }>(
    list: readonly T[],
    before: readonly T[] | undefined,
    map: ReadonlyMap<string, T> | undefined,
    build: (items: readonly T[]) => Map<string, T>,
    keyOf: (item: T) => string | undefined,
  ): Map<string, T> =>
    (before !== undefined && map !== undefined ? patched(list, before, map, keyOf) : undefined) ??
    build(list);
  const arnOf = (item: { readonly arn: string }): string => item.arn;
  const rolesByName = lookup(scenario.roles, was?.roles, reuse?.rolesByName, byRoleName, roleNameKey);

  function managed(arn: string, kind: PolicyKind, path: JsonPath): CompiledPolicy | undefined {
    const key = `${kind}|${arn}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const document = customer.get(arn) ?? options.managedPolicies?.(arn);
    if (document === undefined) {
      if (!reported.has(arn)) {
        reported.add(arn);
        diagnostics.push({
          code: 'unknown-managed-policy',
          message: `the managed policy \`${arn}\` is not known, so it takes no part in evaluation`,
          path,
        });
      }
      cache.set(key, null);
      return undefined;
    }
    const policy = compileRemembered({ kind, name: arn, owner: arn, path: document.path }, document);
    compiled.push(policy);
    cache.set(key, policy);
    return policy;
  }

  function document(ref: PolicyRef, doc: PolicyDocument): CompiledPolicy {
    let policy = inlineCache.get(doc);
    if (policy === undefined) {
      policy = compileRemembered(ref, doc);
      inlineCache.set(doc, policy);
      compiled.push(policy);
    }
    return policy;
  }

  function attachments(
    owner: string,
    list: readonly PolicyAttachment[],
    kind: 'identity' | 'session',
  ): CompiledPolicy[] {
    const out: CompiledPolicy[] = [];
    for (const a of list) {
      if (a.kind === 'managed') {
        const policy = managed(a.arn, kind, a.path);
        if (policy !== undefined) out.push(policy);
        continue;
      }
      out.push(document({ kind, name: a.name, owner, path: a.document.path }, a.document));
    }
    return out;
  }

  return {
    scenario,
    accounts,
    organization: reuse === undefined ? buildOrganization(scenario, accounts) : reuse.organization,
    users: lookup(scenario.users, was?.users, reuse?.users, byArn, arnOf),
    groups: lookup(scenario.groups, was?.groups, reuse?.groups, byArn, arnOf),
    roles: lookup(scenario.roles, was?.roles, reuse?.roles, byArn, arnOf),
    rolesByName,
    sessions: lookup(scenario.sessions, was?.sessions, reuse?.sessions, byArn, arnOf),
    diagnostics,
    compiled,
    managed,
    document,
    attachments,
  };
}
