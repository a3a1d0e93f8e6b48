/**
 * The statements of a principal's or a resource's policy sets that match one request action, as the
 * exact fast path (evaluate/fastDecide.ts) reads them: one flat plan per principal and per resource and
 * action, cached on the views by interned action. A decision in random request order is bound by memory
 * latency, so a plan keeps in one object what the decision reads: every Deny of a side in one list (any
 * applicable Deny decides, whatever its set), and per gate only the Allows still to evaluate.
 */
import { matchActions, type RequestAction } from '../match/actionMatcher';
import type { CompiledStatement } from './compilePolicy';

/** The statements of one policy set that match the action, split by effect. */
export interface SetLists {
  readonly allows: readonly CompiledStatement[];
  readonly denies: readonly CompiledStatement[];
  /** Some Allow applies to every request of the action (`FullAWSAccess`, `RCPFullAWSAccess`, `*` on `*`). */
  readonly allowsAlways: boolean;
}

/** The Allows of one gate that match the action; `null` when one of them applies to every request. */
export type Gate = readonly CompiledStatement[] | null;

/** The principal side of one action: identity, boundary, session and SCP levels. */
export interface PrincipalPlan {
  /** Every matching Deny of the SCP levels, identity policies, boundary and session policies. */
  readonly denies: readonly CompiledStatement[];
  /** The SCP levels that need an applicable Allow (levels that always allow are left out; none when SCPs do not apply). */
  readonly scp: readonly (readonly CompiledStatement[])[];
  readonly identity: Gate;
  /** `undefined` when the principal has no permissions boundary. */
  readonly boundary: Gate | undefined;
  readonly session: Gate;
  /** The principal has session policies (a federated session without them has no identity-path permissions). */
  readonly hasSessionPolicies: boolean;
}

/** The resource side of one action: resource-based policies and RCP levels. */
export interface ResourcePlan {
  readonly allows: readonly CompiledStatement[];
  readonly denies: readonly CompiledStatement[];
  /** Every matching Deny of the RCP levels. */
  readonly rcpDenies: readonly CompiledStatement[];
  /** The RCP levels that need an applicable Allow (levels that always allow are left out). */
  readonly rcp: readonly (readonly CompiledStatement[])[];
}

// INVARIANT: never written; shared by every empty list so that empty lists cost no memory traffic.
const NONE: readonly CompiledStatement[] = [];

/**
 * True when the statement applies to every request whose action it matches: no condition, `Resource`
 * `*` (or none, in a trust policy) and, on the resource side, `Principal` `*` in a control policy (a
 * bucket policy's Allow can still be blocked by the S3 rules, so only RCPs qualify there).
 */
function appliesAlways(cs: CompiledStatement, resourceSide: boolean): boolean {
  if (cs.conditions.length > 0) return false;
  const r = cs.resources;
  if (r !== undefined && (r.negated || !r.patterns.some((p) => p.kind === 'any'))) return false;
  if (!resourceSide) return true;
  return cs.ref.policy.kind === 'rcp' && cs.principal?.wildcard === true && cs.notPrincipal === undefined && cs.acl === undefined;
}

/** The statements of a list that match `action`, split by effect. */
export function splitByAction(statements: readonly CompiledStatement[], action: RequestAction, resourceSide: boolean): SetLists {
  const allows: CompiledStatement[] = [];
  const denies: CompiledStatement[] = [];
  let allowsAlways = false;
  for (const cs of statements) {
    if (!matchActions(cs.actions, action)) continue;
    if (cs.ref.effect === 'Allow') {
      allows.push(cs);
      allowsAlways ||= appliesAlways(cs, resourceSide);
    } else denies.push(cs);
  }
  return { allows: allows.length === 0 ? NONE : allows, denies: denies.length === 0 ? NONE : denies, allowsAlways };
}

/** The gate of a set. */
export function gateOf(set: SetLists): Gate {
  return set.allowsAlways ? null : set.allows;
}

/** The Denies of several sets in one list. */
export function concatDenies(sets: readonly (SetLists | undefined)[]): readonly CompiledStatement[] {
  const out: CompiledStatement[] = [];
  for (const set of sets) if (set !== undefined) out.push(...set.denies);
  return out.length === 0 ? NONE : out;
}

/** The Allow lists of the control-policy levels that do not always allow. */
export function levelGates(levels: readonly SetLists[]): readonly (readonly CompiledStatement[])[] {
  return levels.filter((l) => !l.allowsAlways).map((l) => l.allows);
}
