/**
 * Gathers and evaluates the statements of every policy set of a request (SEMANTICS §2.1): RCP levels
 * of the resource's account, SCP levels of the principal's account, resource-based policies, identity
 * policies, the permissions boundary and session policies. Only statements whose `Action` can match the
 * request's service are evaluated (the others would all be `actionMismatch`).
 */
import { statementsFor, type CompiledPolicy } from '../compile/compilePolicy';
import type { ControlLevel } from '../compile/organization';
import type { PrincipalView } from '../compile/principals';
import type { ResourceView } from '../compile/resources';
import type { StepNote } from '../types';
import { evaluateStatement, type Entry, type StatementContext } from './statementEval';

/** The evaluated statements of one policy set, split by effect. */
export interface PolicySet {
  readonly allows: readonly Entry[];
  readonly denies: readonly Entry[];
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

const EMPTY: PolicySet = { allows: [], denies: [] };

function evaluateSet(policies: readonly CompiledPolicy[], ctx: StatementContext, resourceSide: boolean): PolicySet {
  if (policies.length === 0) return EMPTY;
  const allows: Entry[] = [];
  const denies: Entry[] = [];
  for (const policy of policies) {
    for (const cs of statementsFor(policy, ctx.action.service)) {
      const entry = evaluateStatement(cs, ctx, resourceSide);
      (cs.ref.effect === 'Allow' ? allows : denies).push(entry);
    }
  }
  return { allows, denies };
}

function levels(list: readonly ControlLevel[], ctx: StatementContext, resourceSide: boolean): LevelSet[] {
  return list.map((l) => ({ level: l.level, ...evaluateSet(l.policies, ctx, resourceSide) }));
}

/** The resource-based policies that govern this action on this resource. */
export function resourcePolicies(resource: ResourceView, service: string): readonly CompiledPolicy[] {
  // A trust policy is the resource policy of the STS actions on the role only (SEMANTICS §2.5).
  if (resource.kind === 'role' && service !== 'sts') return resource.extra;
  return resource.policy === undefined ? resource.extra : [resource.policy, ...resource.extra];
}

/** Evaluates every set; `rcp` / `scp` say whether (and why not) the control policies apply. */
export function gather(principal: PrincipalView, ctx: StatementContext, rcp: readonly ControlLevel[] | StepNote, scp: readonly ControlLevel[] | StepNote): Gathered {
  const boundary = principal.boundary;
  return {
    rcp: typeof rcp === 'string' ? rcp : levels(rcp, ctx, true),
    scp: typeof scp === 'string' ? scp : levels(scp, ctx, false),
    resource: evaluateSet(resourcePolicies(ctx.resource, ctx.action.service), ctx, true),
    identity: evaluateSet(principal.identity, ctx, false),
    boundary: boundary === undefined ? undefined : boundary === 'unknown' ? EMPTY : evaluateSet([boundary], ctx, false),
    session: evaluateSet(principal.session, ctx, false),
    hasSessionPolicies: principal.session.length > 0,
  };
}
