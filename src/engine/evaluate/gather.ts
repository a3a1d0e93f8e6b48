/**
 * Gathers and evaluates the statements of every policy set of a request (SEMANTICS §2.1): RCP levels
 * of the resource's account, SCP levels of the principal's account, resource-based policies, identity
 * policies, the permissions boundary and session policies. Only statements whose `Action` can match the
 * request's service are evaluated (the others would all be `actionMismatch`); the lists are cached per
 * principal, resource and service.
 */
import {
  statementsOf,
  type CompiledPolicy,
  type CompiledStatement,
  type LevelStatements,
} from '../compile/compilePolicy';
import type { ControlLevel } from '../compile/organization';
import type { PrincipalStatements, PrincipalView } from '../compile/principals';
import type { ResourceStatements, ResourceView } from '../compile/resources';
import type { StatementTrace, StepNote } from '../types';
import { evaluateStatement, type StatementContext } from './statementEval';

/** The evaluated statements of one policy set, split by effect (each entry is the statement's trace). */
export interface PolicySet {
  readonly allows: readonly StatementTrace[];
  readonly denies: readonly StatementTrace[];
}

/** One organization level of a control-policy set. */
export interface LevelSet extends PolicySet {
  readonly level: string;
}

/** Everything the decision needs. */
export interface Gathered {
  /** RCP levels, or why RCPs do not apply. */
  readonly rcp: readonly LevelSet[] | StepNote;
  readonly scp: readonly LevelSet[] | StepNote;
  readonly resource: PolicySet;
  readonly identity: PolicySet;
  /** `undefined` when there is no boundary. */
  readonly boundary: PolicySet | undefined;
  readonly session: PolicySet;
  /** True when the principal has session policies (role and federated sessions). */
  readonly hasSessionPolicies: boolean;
}

const NONE: readonly StatementTrace[] = [];
const EMPTY: PolicySet = { allows: NONE, denies: NONE };

// The traces of one list, split by effect; a side without statements shares the empty list.
let allowsOut: StatementTrace[] | undefined;
let deniesOut: StatementTrace[] | undefined;

function split(statements: readonly CompiledStatement[], ctx: StatementContext, resourceSide: boolean): void {
  // Sized exactly: an array grown by `push` from empty reserves room for 17 entries.
  let allowCount = 0;
  for (let i = 0; i < statements.length; i++) if (statements[i]!.ref.effect === 'Allow') allowCount++;
  const denyCount = statements.length - allowCount;
  const allows = allowCount === 0 ? undefined : new Array<StatementTrace>(allowCount);
  const denies = denyCount === 0 ? undefined : new Array<StatementTrace>(denyCount);
  let a = 0;
  let d = 0;
  for (let i = 0; i < statements.length; i++) {
    const cs = statements[i]!;
    const trace = evaluateStatement(cs, ctx, resourceSide);
    if (cs.ref.effect === 'Allow') allows![a++] = trace;
    else denies![d++] = trace;
  }
  allowsOut = allows;
  deniesOut = denies;
}

function evaluateList(
  statements: readonly CompiledStatement[],
  ctx: StatementContext,
  resourceSide: boolean,
): PolicySet {
  if (statements.length === 0) return EMPTY;
  split(statements, ctx, resourceSide);
  return { allows: allowsOut ?? NONE, denies: deniesOut ?? NONE };
}

function levelsOf(levels: readonly ControlLevel[], service: string): LevelStatements[] {
  return levels.map((l) => ({ level: l.level, statements: statementsOf(l.policies, service) }));
}

/** The principal-side statements that can match actions of `service` (cached on the principal). */
export function principalStatements(principal: PrincipalView, service: string): PrincipalStatements {
  let cached = principal.byService.get(service);
  if (cached === undefined) {
    const boundary = principal.boundary;
    cached = {
      identity: statementsOf(principal.identity, service),
      boundary:
        boundary === undefined ? undefined : boundary === 'unknown' ? [] : statementsOf([boundary], service),
      session: statementsOf(principal.session, service),
      scp: typeof principal.scp === 'string' ? principal.scp : levelsOf(principal.scp, service),
    };
    principal.byService.set(service, cached);
  }
  return cached;
}

/** The resource-based policies that govern actions of `service` on this resource. */
export function resourcePolicies(resource: ResourceView, service: string): readonly CompiledPolicy[] {
  // A trust policy is the resource policy of the STS actions on the role only (SEMANTICS §2.5).
  if (resource.kind === 'role' && service !== 'sts') return resource.extra;
  return resource.policy === undefined ? resource.extra : [resource.policy, ...resource.extra];
}

/** The resource-side statements that can match actions of `service` (cached on the resource). */
export function resourceStatements(resource: ResourceView, service: string): ResourceStatements {
  let cached = resource.byService.get(service);
  if (cached === undefined) {
    cached = {
      resource: statementsOf(resourcePolicies(resource, service), service),
      rcp: levelsOf(resource.rcp, service),
    };
    resource.byService.set(service, cached);
  }
  return cached;
}

function levels(list: readonly LevelStatements[], ctx: StatementContext, resourceSide: boolean): LevelSet[] {
  const out = new Array<LevelSet>(list.length);
  for (let i = 0; i < list.length; i++) {
    const l = list[i]!;
    if (l.statements.length === 0) {
      out[i] = { level: l.level, allows: NONE, denies: NONE };
      continue;
    }
    split(l.statements, ctx, resourceSide);
    out[i] = { level: l.level, allows: allowsOut ?? NONE, denies: deniesOut ?? NONE };
  }
  return out;
}

/** Evaluates every set; `rcpSkip` says why RCPs do not apply, when they do not. */
export function gather(
  principal: PrincipalView,
  ctx: StatementContext,
  rcpSkip: StepNote | undefined,
): Gathered {
  const service = ctx.action.service;
  const p = principalStatements(principal, service);
  const r = resourceStatements(ctx.resource, service);
  return {
    rcp: rcpSkip ?? levels(r.rcp, ctx, true),
    scp: typeof p.scp === 'string' ? p.scp : levels(p.scp, ctx, false),
    resource: evaluateList(r.resource, ctx, true),
    identity: evaluateList(p.identity, ctx, false),
    boundary: p.boundary === undefined ? undefined : evaluateList(p.boundary, ctx, false),
    session: evaluateList(p.session, ctx, false),
    hasSessionPolicies: principal.session.length > 0,
  };
}
