/**
 * Compiles a scenario once for many evaluations (SEMANTICS §2): every policy into matchers, the
 * organization into SCP and RCP levels, every declared principal into its facts and policies, every
 * listed resource (with RAM statements) into its view. Principals and resources a request names that the
 * scenario does not list are resolved on first use and remembered.
 */
import type { Scenario } from '../../model/types';
import { RCP_SUPPORTED_SERVICES } from '../data/rcpServices';
import type { EngineDiagnostic } from '../types';
import type { CompiledPolicy } from './compilePolicy';
import { createCompileContext, type CompileOptions } from './compileContext';
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

/** Compiles a scenario; pure and synchronous. */
export function compileScenario(scenario: Scenario, options: CompileOptions = {}): CompiledScenario {
  const ctx = createCompileContext(scenario, options);
  const ram = compileShares(ctx);
  const listed = new Map(scenario.resources.map((r) => [r.arn as string, r]));
  // Keyed by the id itself (no key string built per lookup): one cache per `webIdentity` value.
  const principalCache = new Map<string, ResolvedPrincipal>();
  const webIdentityCache = new Map<string, ResolvedPrincipal>();
  const resourceCache = new Map<string, ResolvedResource>();
  function principal(id: string, webIdentity: boolean): ResolvedPrincipal {
    const cache = webIdentity ? webIdentityCache : principalCache;
    return cache.get(id) ?? remember(cache, id, () => resolvePrincipal(ctx, id, webIdentity));
  }
  function resource(arn: string): ResolvedResource {
    return resourceCache.get(arn) ?? remember(resourceCache, arn, () => resolveResource(ctx, arn, listed, ram));
  }
  const principals = new Map<string, PrincipalView>();
  for (const arn of [...scenario.users.map((u) => u.arn), ...scenario.roles.map((r) => r.arn), ...scenario.sessions.map((s) => s.arn)]) {
    const p = principal(arn, false);
    if (!('invalid' in p)) principals.set(arn, p);
  }
  const resources = new Map<string, ResourceView>();
  for (const arn of [...scenario.resources.map((r) => r.arn as string), ...ram.keys(), ...scenario.roles.map((r) => r.arn as string)]) {
    const r = resource(arn);
    if (!('invalid' in r)) resources.set(arn, r);
  }
  return {
    scenario,
    diagnostics: ctx.diagnostics,
    accounts: ctx.accounts,
    organization: ctx.organization,
    principals,
    resources,
    policies: ctx.compiled,
    rcpSupportedServices: options.rcpSupportedServices ?? new Set(RCP_SUPPORTED_SERVICES),
    principal,
    resource,
  };
}
