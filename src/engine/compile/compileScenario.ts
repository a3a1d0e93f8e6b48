/**
 * Compiles a scenario once for many evaluations (SEMANTICS §2): every policy into matchers, the
 * organization into SCP and RCP levels, every declared principal into its facts and policies, every
 * listed resource (with RAM statements) into its view. Principals and resources a request names that the
 * scenario does not list are resolved on first use and remembered.
 */
import { parseStsArn } from '../../model/arns';
import type { Resource, Scenario } from '../../model/types';
import { RCP_SUPPORTED_SERVICES } from '../data/rcpServices';
import type { EngineDiagnostic } from '../types';
import type { CompiledPolicy } from './compilePolicy';
import { createCompileContext, roleKey, type CompileContext, type CompileOptions } from './compileContext';
import type { AccountFacts, OrganizationFacts } from './organization';
import { resolvePrincipal, type PrincipalView, type ResolvedPrincipal } from './principals';
import { compileShares } from './ram';
import { resolveResource, type ResolvedResource, type ResourceView } from './resources';

/**
 * A compiled scenario. Besides evaluation it offers the lookups the analysis layer needs: accounts and
 * the organization, the declared principals (users, roles as their sessions, declared sessions) and
 * resources (listed resources, shared resources and roles with their trust policies) with their compiled
 * policies, and every compiled policy document.
 */
export interface CompiledScenario {
  readonly scenario: Scenario;
  /** Problems found while compiling (an unknown AWS managed policy, a refused RAM association, …). */
  readonly diagnostics: readonly EngineDiagnostic[];
  readonly accounts: ReadonlyMap<string, AccountFacts>;
  readonly organization: OrganizationFacts | undefined;
  /** Declared users, roles and sessions by ARN. */
  readonly principals: ReadonlyMap<string, PrincipalView>;
  /** Listed resources, shared resources and declared roles (as `sts:AssumeRole*` resources) by ARN. */
  readonly resources: ReadonlyMap<string, ResourceView>;
  /** Every compiled document (identity, boundary, session, resource, trust, RAM, ACL, control policies). */
  readonly policies: readonly CompiledPolicy[];
  readonly rcpSupportedServices: ReadonlySet<string>;
  /** Resolves any request principal (remembered); `webIdentity` for `sts:AssumeRoleWithWebIdentity`. */
  principal(id: string, webIdentity: boolean): ResolvedPrincipal;
  /** Resolves any request resource (remembered). */
  resource(arn: string): ResolvedResource;
}

/** Options of `compileScenario`. */
export type { CompileOptions } from './compileContext';

const CACHE_LIMIT = 100_000;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** What a compilation keeps for a later `recompileScenario`. */
interface Internals {
  readonly ctx: CompileContext;
  readonly listed: ReadonlyMap<string, Resource>;
  readonly ram: ReturnType<typeof compileShares>;
  readonly principalCache: Map<string, ResolvedPrincipal>;
  readonly webIdentityCache: Map<string, ResolvedPrincipal>;
  readonly resourceCache: Map<string, ResolvedResource>;
}

const INTERNALS = new WeakMap<CompiledScenario, Internals>();

/** Compiles a scenario; pure and synchronous. */
export function compileScenario(scenario: Scenario, options: CompileOptions = {}): CompiledScenario {
  const ctx = createCompileContext(scenario, options);
  const ram = compileShares(ctx);
  const listed = new Map(scenario.resources.map((r) => [r.arn as string, r]));
  return assemble(
    scenario,
    options,
    { ctx, listed, ram, principalCache: new Map(), webIdentityCache: new Map(), resourceCache: new Map() },
    undefined,
  );
}

/**
 * The inline identity policies that changed between two scenarios otherwise equal in content: users,
 * groups and roles by ARN.
 */
export interface IdentityChange {
  readonly users: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
}

/**
 * Compiles `scenario`, which equals `previous.scenario` in content except for the inline identity
 * policies of the entities `change` names: every principal those policies do not reach keeps its view
 * (with the plans evaluation cached in it), every resource keeps its view (identity policies are on no
 * resource's side), so an edit costs the principals it touches. Decides exactly as `compileScenario`
 * would; only the order of `policies` may differ.
 */
export function recompileScenario(
  previous: CompiledScenario,
  scenario: Scenario,
  options: CompileOptions,
  change: IdentityChange,
): CompiledScenario {
  const before = INTERNALS.get(previous);
  if (before === undefined) return compileScenario(scenario, options);
  const ctx = createCompileContext(scenario, options, before.ctx);
  const users = new Set(change.users);
  for (const user of scenario.users) if (user.groups.some((g) => change.groups.has(g))) users.add(user.arn);
  const touched = (resolved: ResolvedPrincipal): boolean => {
    if ('invalid' in resolved) return false;
    const c = resolved.caller;
    if (c.kind === 'user') return c.arn !== undefined && users.has(c.arn);
    if (c.kind === 'role-session') return c.roleArn !== undefined && change.roles.has(c.roleArn);
    if (c.kind === 'federated-user') return c.userArn !== undefined && users.has(c.userArn);
    return false;
  };
  const keep = (cache: ReadonlyMap<string, ResolvedPrincipal>): Map<string, ResolvedPrincipal> => {
    const out = new Map<string, ResolvedPrincipal>();
    for (const [id, resolved] of cache) if (!touched(resolved)) out.set(id, resolved);
    return out;
  };
  const owners = new Set([...change.users, ...change.groups, ...change.roles]);
  const kept = previous.policies.filter((p) => !(p.ref.kind === 'identity' && owners.has(p.ref.owner)));
  return assemble(
    scenario,
    options,
    {
      ctx,
      listed: before.listed,
      ram: before.ram,
      principalCache: keep(before.principalCache),
      webIdentityCache: keep(before.webIdentityCache),
      // Shared, not copied: a resource resolves the same in every scenario that differs from this one
      // in identity policies only (the carried `resources` views are shared the same way).
      resourceCache: before.resourceCache,
    },
    {
      principals: previous.principals,
      resources: previous.resources,
      policies: kept,
      diagnostics: previous.diagnostics,
      touched: (arn) =>
        users.has(arn) || change.roles.has(arn) || sessionTouched(ctx, arn, users, change.roles),
    },
  );
}

/** Whether a declared session stands for a touched role or user. */
function sessionTouched(
  ctx: CompileContext,
  arn: string,
  users: ReadonlySet<string>,
  roles: ReadonlySet<string>,
): boolean {
  const session = ctx.sessions.get(arn);
  if (session === undefined) return false;
  if (session.user !== undefined && users.has(session.user)) return true;
  const sts = parseStsArn(arn);
  if (sts?.kind !== 'assumed-role') return false;
  const role = ctx.rolesByName.get(roleKey(sts.partition, sts.account, sts.roleName));
  return role !== undefined && roles.has(role.arn);
}

/** What a recompile carries over: declared views, policies and diagnostics, and which declared principals to resolve again. */
interface Carried {
  readonly principals: ReadonlyMap<string, PrincipalView>;
  readonly resources: ReadonlyMap<string, ResourceView>;
  readonly policies: readonly CompiledPolicy[];
  readonly diagnostics: readonly EngineDiagnostic[];
  readonly touched: (arn: string) => boolean;
}

function assemble(
  scenario: Scenario,
  options: CompileOptions,
  state: Internals,
  carried: Carried | undefined,
): CompiledScenario {
  const { ctx, listed, ram, principalCache, webIdentityCache, resourceCache } = state;
  // Keyed by the id itself (no key string built per lookup): one cache per `webIdentity` value.
  function principal(id: string, webIdentity: boolean): ResolvedPrincipal {
    const cache = webIdentity ? webIdentityCache : principalCache;
    return cache.get(id) ?? remember(cache, id, () => resolvePrincipal(ctx, id, webIdentity));
  }
  function resource(arn: string): ResolvedResource {
    return (
      resourceCache.get(arn) ?? remember(resourceCache, arn, () => resolveResource(ctx, arn, listed, ram))
    );
  }
  let principals: Map<string, PrincipalView>;
  if (carried !== undefined) {
    // The same declared principals as before (an identity edit adds none, removes none and changes no
    // validity): the touched ones are resolved again in place, keeping the declaration order.
    principals = new Map(carried.principals);
    for (const arn of carried.principals.keys()) {
      if (!carried.touched(arn)) continue;
      const p = principal(arn, false);
      if (!('invalid' in p)) principals.set(arn, p);
    }
  } else {
    principals = new Map<string, PrincipalView>();
    for (const arn of [
      ...scenario.users.map((u) => u.arn),
      ...scenario.roles.map((r) => r.arn),
      ...scenario.sessions.map((s) => s.arn),
    ]) {
      const p = principal(arn, false);
      if (!('invalid' in p)) principals.set(arn, p);
    }
  }
  let resources: ReadonlyMap<string, ResourceView>;
  if (carried !== undefined) resources = carried.resources;
  else {
    const own = new Map<string, ResourceView>();
    for (const arn of [
      ...scenario.resources.map((r) => r.arn as string),
      ...ram.keys(),
      ...scenario.roles.map((r) => r.arn as string),
    ]) {
      const r = resource(arn);
      if (!('invalid' in r)) own.set(arn, r);
    }
    resources = own;
  }
  const compiled: CompiledScenario = {
    scenario,
    diagnostics: carried === undefined ? ctx.diagnostics : [...carried.diagnostics, ...ctx.diagnostics],
    accounts: ctx.accounts,
    organization: ctx.organization,
    principals,
    resources,
    // A recompile's list is joined when read (evaluation never reads it); like a compile's, it includes
    // the policies of principals resolved later.
    get policies(): readonly CompiledPolicy[] {
      return carried === undefined ? ctx.compiled : [...new Set([...carried.policies, ...ctx.compiled])];
    },
    rcpSupportedServices: options.rcpSupportedServices ?? new Set(RCP_SUPPORTED_SERVICES),
    principal,
    resource,
  };
  INTERNALS.set(compiled, state);
  return compiled;
}
