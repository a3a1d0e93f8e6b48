/**
 * The statements of a principal's or a resource's policy sets that match one request action, split by
 * effect, as the exact fast path (evaluate/fastDecide.ts) reads them; cached on the principal and
 * resource views by interned action.
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

/** The principal side: identity, boundary, session and SCP levels. */
export interface PrincipalLists {
  readonly identity: SetLists;
  readonly boundary: SetLists | undefined;
  readonly session: SetLists;
  readonly scp: readonly SetLists[] | undefined;
}

/** The resource side: resource-based policies and RCP levels. */
export interface ResourceLists {
  readonly resource: SetLists;
  readonly rcp: readonly SetLists[];
}

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
  return { allows, denies, allowsAlways };
}

