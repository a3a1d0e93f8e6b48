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
export function createCompileContext(
  scenario: Scenario,
  options: CompileOptions,
  reuse?: Pick<CompileContext, 'accounts' | 'organization'>,
): CompileContext {
  const accounts = reuse?.accounts ?? buildAccounts(scenario);
  const customer = new Map(scenario.policies.map((p) => [p.arn as string, p.document]));
  const cache = new Map<string, CompiledPolicy | null>();
  const inlineCache = new Map<PolicyDocument, CompiledPolicy>();
  const diagnostics: EngineDiagnostic[] = [];
  const compiled: CompiledPolicy[] = [];
  const reported = new Set<string>();
  const rolesByName = new Map<string, Role>();
  for (const role of scenario.roles) {
    const iam = parseIamArn(role.arn);
    if (iam !== undefined) rolesByName.set(roleKey(iam.partition, iam.account, iam.name), role);
  }

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
    users: new Map(scenario.users.map((u) => [u.arn as string, u])),
    groups: new Map(scenario.groups.map((g) => [g.arn as string, g])),
    roles: new Map(scenario.roles.map((r) => [r.arn as string, r])),
    rolesByName,
    sessions: new Map(scenario.sessions.map((s) => [s.arn as string, s])),
    diagnostics,
    compiled,
    managed,
    document,
    attachments,
  };
}
