/**
 * Does one statement apply to the request? (SEMANTICS §2.2): action, resource, principal (resource
 * policies and RCPs only) and conditions, in that order, giving the statement's trace: `applies` is
 * `true`, `false` (with the mismatch reason) or `unknown`. Traces are built at compile time, so an
 * evaluation only picks them; only unknown results allocate. Two S3 rules take part here (§2.5):
 * bucket-policy Allows do not grant on an object another account owns (except deleting it, which the
 * bucket owner controls [S3-GUIDELINES]), and with `RestrictPublicBuckets` a public bucket policy grants
 * only AWS services and the bucket owner's own principals [S3-BPA]. The boundary rule of §2.2: a
 * resource-policy `NotPrincipal` Deny always applies to a principal that has a permissions boundary
 * [IAM-BOUNDARY, IAM-NOTPRINCIPAL].
 */
import type { ConditionEntry } from '../../model/policy';
import type { FastStatement } from '../compile/actionLists';
import type { AclGrantees, CompiledStatement } from '../compile/compilePolicy';
import type { ResourceView } from '../compile/resources';
import { evaluateCondition } from '../conditions/evaluateCondition';
import { F, T, U, type KeyLookup, type Tri } from '../context/keyValue';
import { matchActions, type RequestAction } from '../match/actionMatcher';
import { chainListed, principalClass, type Caller } from '../match/principalMatcher';
import { matchPattern, matchResources, type RequestResource } from '../match/resourceMatcher';
import type { PrincipalClass, StatementTrace } from '../types';

/** What statement evaluation needs to know about the request. */
export interface StatementContext {
  readonly action: RequestAction;
  readonly resource: ResourceView;
  readonly keys: KeyLookup;
  readonly caller: Caller;
  /** The caller has a permissions boundary (for the `NotPrincipal` rule of §2.2). */
  readonly callerHasBoundary: boolean;
  /** Three-valued evaluation: the undecided conditions of each unknown statement are collected. */
  readonly threeValued: boolean;
  /** The undecided conditions of each unknown statement (three-valued only; created on the first). */
  unresolved: Map<StatementTrace, readonly ConditionEntry[]> | undefined;
}

const DELETE_ACTIONS: ReadonlySet<string> = new Set(['deleteobject', 'deleteobjectversion']);

function aclClassOf(acl: AclGrantees, caller: Caller): PrincipalClass | undefined {
  if (caller.kind === 'anonymous') return acl.allUsers ? 'WILDCARD' : undefined;
  if (caller.kind === 'service' || caller.kind === 'identity-provider' || caller.account === undefined)
    return undefined;
  return acl.allUsers || acl.authenticatedUsers || acl.accounts.has(caller.account) ? 'ACCOUNT' : undefined;
}

/** Which S3 rule keeps an Allow of the bucket's own policy from granting, if one does. */
function s3Blocks(ctx: StatementContext): 'ownerMismatch' | 'publicAccessBlocked' | undefined {
  const r = ctx.resource;
  if (r.foreignObject && !DELETE_ACTIONS.has(ctx.action.name)) return 'ownerMismatch';
  if (
    r.restrictPublic &&
    ctx.caller.kind !== 'service' &&
    (ctx.caller.kind === 'anonymous' || ctx.caller.account !== r.account)
  )
    return 'publicAccessBlocked';
  return undefined;
}

function blockedByS3(
  cs: CompiledStatement,
  ctx: StatementContext,
): 'ownerMismatch' | 'publicAccessBlocked' | undefined {
  // Only the bucket's own policy is affected (not RCPs, RAM statements or ACLs).
  if (cs.origin !== 'policy' || cs.ref.effect !== 'Allow' || cs.ref.policy.kind !== 'resource')
    return undefined;
  return s3Blocks(ctx);
}

/**
 * The resource pattern as a pseudo-condition (operator `Resource`), for a statement whose resource
 * match depends on an unknown policy variable: it names what the outcome still depends on.
 */
function resourceEntry(cs: CompiledStatement): ConditionEntry {
  const negated = cs.statement.resource === undefined;
  return {
    operator: negated ? 'NotResource' : 'Resource',
    key: 'Resource',
    values: cs.statement.resource ?? cs.statement.notResource ?? [],
    path: [...cs.statement.path, negated ? 'NotResource' : 'Resource'],
  };
}

function unknownTrace(
  cs: CompiledStatement,
  cls: PrincipalClass | undefined,
  unresolved: readonly ConditionEntry[],
  resourceUnknown: boolean,
  ctx: StatementContext,
): StatementTrace {
  const first = resourceUnknown ? undefined : unresolved[0];
  const trace: StatementTrace = {
    statement: cs.ref,
    applies: 'unknown',
    mismatch: first === undefined ? 'resourceUnknown' : 'conditionUnknown',
    ...(first === undefined ? {} : { condition: first }),
    ...(cls === undefined ? {} : { principalClass: cls }),
  };
  if (ctx.threeValued)
    (ctx.unresolved ??= new Map()).set(
      trace,
      resourceUnknown ? [resourceEntry(cs), ...unresolved] : unresolved,
    );
  return trace;
}

function principalTrace(
  cs: CompiledStatement,
  ctx: StatementContext,
): StatementTrace | PrincipalClass | undefined {
  if (cs.acl !== undefined) return aclClassOf(cs.acl, ctx.caller) ?? cs.traces.mismatch.principalMismatch;
  if (cs.principal !== undefined)
    return principalClass(cs.principal, ctx.caller) ?? cs.traces.mismatch.principalMismatch;
  if (cs.notPrincipal !== undefined) {
    const bounded = cs.ref.effect === 'Deny' && ctx.callerHasBoundary && cs.ref.policy.kind === 'resource';
    return chainListed(cs.notPrincipal, ctx.caller) && !bounded
      ? cs.traces.mismatch.principalMismatch
      : undefined;
  }
  return cs.traces.mismatch.principalMismatch;
}

/** Evaluates a statement; `resourceSide` for resource-based policies and RCPs (they name principals). */
export function evaluateStatement(
  cs: CompiledStatement,
  ctx: StatementContext,
  resourceSide: boolean,
): StatementTrace {
  if (!matchActions(cs.actions, ctx.action)) return cs.traces.mismatch.actionMismatch;
  return evaluateMatchedStatement(cs, ctx, resourceSide);
}

/** `evaluateStatement` for a statement whose `Action` is known to match the request's action. */
export function evaluateMatchedStatement(
  cs: CompiledStatement,
  ctx: StatementContext,
  resourceSide: boolean,
): StatementTrace {
  let truth: Tri = 1;
  if (cs.resources !== undefined) {
    truth = matchResources(cs.resources, ctx.resource.arn, ctx.keys);
    if (truth === F) return cs.traces.mismatch.resourceMismatch;
  }
  let cls: PrincipalClass | undefined;
  if (resourceSide) {
    const matched = principalTrace(cs, ctx);
    if (typeof matched === 'object') return matched;
    cls = matched;
    const blocked = blockedByS3(cs, ctx);
    if (blocked !== undefined) return cs.traces.mismatch[blocked];
  }
  const resourceUnknown = truth === U;
  let unresolved: ConditionEntry[] | undefined;
  const conditions = cs.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const c = evaluateCondition(conditions[i]!, ctx.keys);
    if (c === F) return cs.traces.conditionFalse[i]!;
    if (c === U) (unresolved ??= []).push(conditions[i]!.entry);
  }
  if (resourceUnknown || unresolved !== undefined)
    return unknownTrace(cs, cls, unresolved ?? [], resourceUnknown, ctx);
  return cls === undefined ? cs.traces.applies : cs.traces.appliesAs[cls];
}

/** `statementBits`: the statement applies (with no principal class, or with the class bits below). */
export const APPLIES = 16;
/** The bit of each principal class in `statementBits`. */
export const SELF_BIT = 1;
/** See `SELF_BIT`. */
export const WILDCARD_BIT = 2;
/** See `SELF_BIT`. */
export const PARENT_BIT = 4;
/** See `SELF_BIT`. */
export const ACCOUNT_BIT = 8;

function classBits(cls: PrincipalClass | undefined): number {
  switch (cls) {
    case undefined:
      return 0;
    case 'SELF':
      return APPLIES | SELF_BIT;
    case 'WILDCARD':
      return APPLIES | WILDCARD_BIT;
    case 'PARENT':
      return APPLIES | PARENT_BIT;
    case 'ACCOUNT':
      return APPLIES | ACCOUNT_BIT;
  }
}

/** `principalTrace` as bits: 0 on a mismatch, else `APPLIES` with the class bit (none for `NotPrincipal`). */
function principalBits(fs: FastStatement, ctx: StatementContext): number {
  if (fs.acl !== undefined) return classBits(aclClassOf(fs.acl, ctx.caller));
  if (fs.principal !== undefined) return classBits(principalClass(fs.principal, ctx.caller));
  if (fs.notPrincipal !== undefined)
    return chainListed(fs.notPrincipal, ctx.caller) && !(fs.resourcePolicyDeny && ctx.callerHasBoundary)
      ? 0
      : APPLIES;
  return 0;
}

/** `matchResources(…) === T` when `negated` is false, `=== F` of the un-negated list otherwise (exact: so the element holds). */
function resourceHolds(fs: FastStatement, r: RequestResource, keys: KeyLookup): boolean {
  let result: Tri = fs.pattern === undefined ? F : matchPattern(fs.pattern, r, keys);
  if (result !== T) {
    const more = fs.morePatterns;
    for (let i = 0; i < more.length; i++) {
      const m = matchPattern(more[i]!, r, keys);
      if (m === T) {
        result = T;
        break;
      }
      if (m === U) result = U;
    }
  }
  return fs.negatedResource ? result === F : result === T;
}

/**
 * `evaluateMatchedStatement` of exact evaluation as bits, over the statement's fast form, for the fast
 * path: 0 when the trace would not say `applies: 'true'` (an unknown counts as not applying, as it does
 * there), else `APPLIES` with the bit of the trace's principal class. It reads no trace object: a
 * decision in random request order is bound by memory latency, and traces are lines it does not need.
 */
export function statementBits(fs: FastStatement, ctx: StatementContext, resourceSide: boolean): number {
  if (fs.testsResource && !resourceHolds(fs, ctx.resource.arn, ctx.keys)) return 0;
  let bits = APPLIES;
  if (resourceSide) {
    bits = principalBits(fs, ctx);
    if (bits === 0 || (fs.bucketRules && s3Blocks(ctx) !== undefined)) return 0;
  }
  if (fs.condition !== undefined) {
    if (evaluateCondition(fs.condition, ctx.keys) !== T) return 0;
    const more = fs.moreConditions;
    for (let i = 0; i < more.length; i++) if (evaluateCondition(more[i]!, ctx.keys) !== T) return 0;
  }
  return bits;
}
