/**
 * Does one statement apply to the request? (SEMANTICS §2.2): action, resource, principal (resource
 * policies and RCPs only) and conditions, in that order, giving `T`, `F` or `U` with the trace that says
 * why. Two S3 rules take part here (§2.5): bucket-policy Allows do not grant on an object another account
 * owns (except deleting it, which the bucket owner controls [S3-GUIDELINES]), and with
 * `RestrictPublicBuckets` a public bucket policy grants only AWS services and the bucket owner's own
 * principals [S3-BPA]. The boundary rule of §2.2: a resource-policy `NotPrincipal` Deny always applies to
 * a principal that has a permissions boundary [IAM-BOUNDARY, IAM-NOTPRINCIPAL].
 */
import type { ConditionEntry } from '../../model/policy';
import type { CompiledStatement } from '../compile/compilePolicy';
import type { ResourceView } from '../compile/resources';
import { evaluateCondition } from '../conditions/evaluateCondition';
import { F, T, U, type KeyLookup, type Tri } from '../context/keyValue';
import { matchActions, type RequestAction } from '../match/actionMatcher';
import { chainListed, principalClass, type Caller } from '../match/principalMatcher';
import { matchResources } from '../match/resourceMatcher';
import type { PrincipalClass, StatementTrace } from '../types';

/** One statement's evaluation. */
export interface Entry {
  readonly cs: CompiledStatement;
  readonly truth: Tri;
  /** For resource-side Allows: how the principal was named. */
  readonly cls: PrincipalClass | undefined;
  readonly trace: StatementTrace;
  /** For `U`: the conditions that could not be decided (and the resource pattern, when it was unknown). */
  readonly unresolved?: readonly ConditionEntry[];
}

/** What statement evaluation needs to know about the request. */
export interface StatementContext {
  readonly action: RequestAction;
  readonly resource: ResourceView;
  readonly keys: KeyLookup;
  readonly caller: Caller;
  /** The caller has a permissions boundary (for the `NotPrincipal` rule of §2.2). */
  readonly callerHasBoundary: boolean;
}

const DELETE_ACTIONS: ReadonlySet<string> = new Set(['deleteobject', 'deleteobjectversion']);

function aclClass(cs: CompiledStatement, caller: Caller): PrincipalClass | undefined {
  const acl = cs.acl;
  if (acl === undefined) return undefined;
  if (caller.kind === 'anonymous') return acl.allUsers ? 'WILDCARD' : undefined;
  if (caller.kind === 'service' || caller.kind === 'identity-provider' || caller.account === undefined) return undefined;
  return acl.allUsers || acl.authenticatedUsers || acl.accounts.has(caller.account) ? 'ACCOUNT' : undefined;
}

function blockedByS3(cs: CompiledStatement, ctx: StatementContext): StatementTrace | undefined {
  // Only the bucket's own policy is affected (not RCPs, RAM statements or ACLs).
  if (cs.origin !== 'policy' || cs.ref.effect !== 'Allow' || cs.ref.policy.kind !== 'resource') return undefined;
  const r = ctx.resource;
  if (r.foreignObject && !DELETE_ACTIONS.has(ctx.action.name)) return cs.traces.mismatch.ownerMismatch;
  if (r.restrictPublic && ctx.caller.kind !== 'service' && (ctx.caller.kind === 'anonymous' || ctx.caller.account !== r.account)) return cs.traces.mismatch.publicAccessBlocked;
  return undefined;
}

function unknownTrace(cs: CompiledStatement, cls: PrincipalClass | undefined, conditionIndex: number): StatementTrace {
  const condition = conditionIndex >= 0 ? cs.conditions[conditionIndex]?.entry : undefined;
  return {
    statement: cs.ref,
    applies: 'unknown',
    mismatch: condition === undefined ? 'resourceUnknown' : 'conditionUnknown',
    ...(condition === undefined ? {} : { condition }),
    ...(cls === undefined ? {} : { principalClass: cls }),
  };
}

/**
 * The resource pattern as a pseudo-condition (operator `Resource`), for a statement whose resource
 * match depends on an unknown policy variable: it names what the outcome still depends on.
 */
function resourceEntry(cs: CompiledStatement): ConditionEntry {
  const negated = cs.statement.resource === undefined;
  return { operator: negated ? 'NotResource' : 'Resource', key: 'Resource', values: cs.statement.resource ?? cs.statement.notResource ?? [], path: [...cs.statement.path, negated ? 'NotResource' : 'Resource'] };
}

/** Evaluates a statement; `resourceSide` for resource-based policies and RCPs (they name principals). */
export function evaluateStatement(cs: CompiledStatement, ctx: StatementContext, resourceSide: boolean): Entry {
  if (!matchActions(cs.actions, ctx.action)) return { cs, truth: F, cls: undefined, trace: cs.traces.mismatch.actionMismatch };
  let truth: Tri = T;
  if (cs.resources !== undefined) {
    truth = matchResources(cs.resources, ctx.resource.arn, ctx.keys);
    if (truth === F) return { cs, truth: F, cls: undefined, trace: cs.traces.mismatch.resourceMismatch };
  }
  let cls: PrincipalClass | undefined;
  if (resourceSide) {
    if (cs.acl !== undefined) cls = aclClass(cs, ctx.caller);
    else if (cs.principal !== undefined) cls = principalClass(cs.principal, ctx.caller);
    else if (cs.notPrincipal !== undefined) {
      const exempt = chainListed(cs.notPrincipal, ctx.caller) && !(cs.ref.effect === 'Deny' && ctx.callerHasBoundary && cs.ref.policy.kind === 'resource');
      if (exempt) return { cs, truth: F, cls: undefined, trace: cs.traces.mismatch.principalMismatch };
    }
    if (cls === undefined && cs.notPrincipal === undefined) return { cs, truth: F, cls: undefined, trace: cs.traces.mismatch.principalMismatch };
    const blocked = blockedByS3(cs, ctx);
    if (blocked !== undefined) return { cs, truth: F, cls: undefined, trace: blocked };
  }
  const unknownResource = truth === U;
  let unresolved: ConditionEntry[] | undefined;
  for (let i = 0; i < cs.conditions.length; i++) {
    const c = evaluateCondition(cs.conditions[i]!, ctx.keys);
    if (c === F) return { cs, truth: F, cls: undefined, trace: cs.traces.conditionFalse[i]! };
    if (c === U) {
      truth = U;
      (unresolved ??= []).push(cs.conditions[i]!.entry);
    }
  }
  if (truth === U) {
    const list = unresolved ?? [];
    if (unknownResource) list.unshift(resourceEntry(cs));
    return { cs, truth, cls, trace: unknownTrace(cs, cls, unknownResource ? -1 : cs.conditions.findIndex((c) => c.entry === list[0])), unresolved: list };
  }
  return { cs, truth, cls, trace: cls === undefined ? cs.traces.applies : cs.traces.appliesAs[cls] };
}
