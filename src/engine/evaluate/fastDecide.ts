/**
 * The exact decision without the explanation (SEMANTICS §2.4), for `evaluate`'s hot path. It makes the
 * same decision as `decide` over `gather` (the reference path, which also builds the explanation, and
 * which `evaluate` runs lazily when the explanation is read), but evaluates only what the decision
 * needs: statements whose `Action` matches the request (one flat plan cached per principal and per
 * resource and action, compile/actionLists.ts), every Deny first, then each gate until its first
 * applicable Allow. Requests the
 * reference path must answer (malformed, invalid, with STS parameters) return `undefined`.
 * INVARIANT: for every request where it answers, the answer equals the reference path's decision
 * (checked over the conformance suite, the property scenarios and the bench batch in test/engine).
 */
import {
  addLevelGates,
  rangeList,
  scopedFastStatement,
  sharedPrincipalPlan,
  sharedResourcePlan,
  splitByAction,
  type FastStatement,
  type PrincipalPlan,
  type ResourcePlan,
  type SetLists,
} from '../compile/actionLists';
import { statementsOf } from '../compile/compilePolicy';
import type { ControlLevel } from '../compile/organization';
import type { CompiledScenario } from '../compile/compileScenario';
import type { PrincipalView } from '../compile/principals';
import type { ResourceView } from '../compile/resources';
import type { KeyValue } from '../context/keyValue';
import { ExactKeyLookup, type ContextValues, type LoweredContext } from '../context/requestKeys';
import { parseRequestAction, type RequestAction } from '../match/actionMatcher';
import { settlePattern } from '../match/resourceMatcher';
import type { Caller } from '../match/principalMatcher';
import type { Decision, Request } from '../types';
import type { DecisionFacts } from './decide';
import { principalStatements, resourceStatements } from './gather';
import { invalidReason } from './preflight';
import {
  ACCOUNT_BIT,
  PARENT_BIT,
  SELF_BIT,
  statementBits,
  WILDCARD_BIT,
  type StatementContext,
} from './statementEval';

/**
 * A request action interned once per process, with its slot: the index of its plans in the views'
 * `byAction` arrays (an array read instead of a `Map` lookup by object, on each side of every decision).
 * INVARIANT: slots are process-wide, not per compiled scenario: a recompiled scenario carries views (and
 * the plans cached in them) of the previous one, so a slot must name the same action in both.
 */
interface InternedAction extends RequestAction {
  readonly slot: number;
}

const ACTIONS = new Map<string, InternedAction>();
let nextSlot = 0;
const LOWER = new Map<string, string>();
const CACHE_LIMIT = 10_000;
const NO_IGNORED: readonly string[] = [];
// INVARIANT: never written (key lookups only read the context).
const EMPTY_CONTEXT: LoweredContext = { values: new Map(), ignored: NO_IGNORED };

/**
 * The lowered request context as a reusable list (a request has a handful of keys): clearing a `Map`
 * allocates a new table, which cost a sixth of a decision. A later key wins, as with `Map.set`.
 */
class ScratchValues implements ContextValues {
  readonly keys: string[] = [];
  readonly values: KeyValue[] = [];
  size = 0;
  get(keyLower: string): KeyValue | undefined {
    for (let i = this.size - 1; i >= 0; i--) if (this.keys[i] === keyLower) return this.values[i];
    return undefined;
  }
  add(keyLower: string, value: KeyValue): void {
    this.keys[this.size] = keyLower;
    this.values[this.size] = value;
    this.size++;
  }
}

const SCRATCH_VALUES = new ScratchValues();
const SCRATCH: LoweredContext = { values: SCRATCH_VALUES, ignored: NO_IGNORED };
/** The statement context of the fast path, one object for every request (set before each evaluation). */
class FastContext implements StatementContext {
  readonly threeValued = false;
  readonly unresolved = undefined;
  constructor(
    public action: RequestAction,
    public resource: ResourceView,
    public readonly keys: ExactKeyLookup,
    public caller: Caller,
    public callerHasBoundary: boolean,
    public principal: PrincipalView,
  ) {}
}

// INVARIANT: like the scratch context values, these live only during one synchronous `fastDecision` call
// (statement evaluation keeps no reference to its context), so one pair serves every request.
let SCRATCH_CTX: FastContext | undefined;

function statementContext(
  principal: PrincipalView,
  resource: ResourceView,
  action: RequestAction,
  context: LoweredContext,
): FastContext {
  if (SCRATCH_CTX === undefined) {
    const keys = new ExactKeyLookup(principal.keys, resource.keys, context.values);
    SCRATCH_CTX = new FastContext(
      action,
      resource,
      keys,
      principal,
      principal.boundary !== undefined,
      principal,
    );
  }
  const ctx = SCRATCH_CTX;
  const keys = ctx.keys;
  keys.principal = principal.keys;
  keys.resource = resource.keys;
  keys.context = context.values;
  keys.service = action.service;
  ctx.action = action;
  ctx.resource = resource;
  // The view is its own caller (the same values as `principal.caller`, one object less to load).
  ctx.caller = principal;
  ctx.callerHasBoundary = principal.boundary !== undefined;
  ctx.principal = principal;
  return ctx;
}

/** `invalidReason` reads only the STS parameters, which the fast path never has. */
const NO_PARAMETERS: Request = { principal: '', action: '', resource: '' };

/** Control-policy levels are shared by every principal (SCPs) or resource (RCPs) of an account. */
const LEVEL_LISTS = new WeakMap<readonly ControlLevel[], Map<RequestAction, readonly SetLists[]>>();

function levelLists(
  levels: readonly ControlLevel[],
  action: RequestAction,
  resourceSide: boolean,
): readonly SetLists[] {
  let byAction = LEVEL_LISTS.get(levels);
  if (byAction === undefined)
    LEVEL_LISTS.set(levels, (byAction = new Map<RequestAction, readonly SetLists[]>()));
  let lists = byAction.get(action);
  if (lists === undefined) {
    lists = levels.map((l) => splitByAction(statementsOf(l.policies, action.service), action, resourceSide));
    byAction.set(action, lists);
  }
  return lists;
}

function makePrincipalPlan(principal: PrincipalView, action: RequestAction): PrincipalPlan {
  const p = principalStatements(principal, action.service);
  const identity = splitByAction(p.identity, action, false);
  const boundary = p.boundary === undefined ? undefined : splitByAction(p.boundary, action, false);
  const session = splitByAction(p.session, action, false);
  const scp = typeof principal.scp === 'string' ? [] : levelLists(principal.scp, action, false);
  const list = rangeList();
  for (const set of [...scp, identity, session]) list.add(set.denies);
  const deniesEnd = list.add(boundary?.denies ?? []);
  const identityEnd = list.add(identity.allowsAlways ? [] : identity.allows);
  const boundaryEnd = list.add(boundary === undefined || boundary.allowsAlways ? [] : boundary.allows);
  const sessionEnd = list.add(session.allowsAlways ? [] : session.allows);
  const scpEnds = addLevelGates(list, scp);
  return {
    statements: list.done(),
    deniesEnd,
    identityEnd,
    boundaryEnd,
    sessionEnd,
    scpEnds,
    identityAlways: identity.allowsAlways,
    hasBoundary: boundary !== undefined,
    boundaryAlways: boundary?.allowsAlways === true,
    sessionAlways: session.allowsAlways,
    hasSessionPolicies: principal.session.length > 0,
  };
}

function principalPlan(principal: PrincipalView, action: InternedAction): PrincipalPlan {
  let plan = principal.byAction[action.slot];
  if (plan === undefined)
    principal.byAction[action.slot] = plan = sharedPrincipalPlan(makePrincipalPlan(principal, action));
  return plan;
}

function makeResourcePlan(resource: ResourceView, action: RequestAction): ResourcePlan {
  const r = resourceStatements(resource, action.service);
  const own = splitByAction(r.resource, action, true);
  const rcp = levelLists(resource.rcp, action, true);
  // Resource tests settled over the resources this plan serves (`planScope`): a statement that cannot
  // match them is left out, one that matches each of them loses its test.
  const list = rangeList((cs) =>
    scopedFastStatement(cs, (pattern) => settlePattern(pattern, resource.arn, resource.planScope)),
  );
  let rcpDeniesEnd = 0;
  for (const level of rcp) rcpDeniesEnd = list.add(level.denies);
  const deniesEnd = list.add(own.denies);
  const allowsEnd = list.add(own.allows);
  const rcpEnds = addLevelGates(list, rcp);
  return { statements: list.done(), rcpDeniesEnd, deniesEnd, allowsEnd, rcpEnds };
}

function resourcePlan(resource: ResourceView, action: InternedAction): ResourcePlan {
  let plan = resource.byAction[action.slot];
  if (plan === undefined)
    resource.byAction[action.slot] = plan = sharedResourcePlan(makeResourcePlan(resource, action));
  return plan;
}

function internAction(raw: string): InternedAction | undefined {
  let action = ACTIONS.get(raw);
  if (action === undefined) {
    const parsed = parseRequestAction(raw);
    if (parsed === undefined) return undefined;
    if (ACTIONS.size >= CACHE_LIMIT) ACTIONS.clear();
    // INVARIANT: slots are never reused, not even after the clear above: a view may still hold plans at
    // the old slots, and a reused slot would serve another action's plan.
    action = { ...parsed, slot: nextSlot++ };
    ACTIONS.set(raw, action);
  }
  return action;
}

function lower(key: string): string {
  let l = LOWER.get(key);
  if (l === undefined) {
    l = key.toLowerCase();
    if (LOWER.size >= CACHE_LIMIT) LOWER.clear();
    LOWER.set(key, l);
  }
  return l;
}

/** The request context lower-cased, or `undefined` when it is malformed (the reference path reports it). */
function loweredContext(raw: unknown): LoweredContext | undefined {
  if (raw === undefined) return EMPTY_CONTEXT;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  // INVARIANT: the scratch context lives only during one synchronous `fastDecision` call (the lookup
  // built over it never escapes), so reusing it across calls is safe and saves an allocation per request.
  const values = SCRATCH_VALUES;
  values.size = 0;
  const context = raw as Record<string, unknown>;
  for (const key in context) {
    if (!Object.hasOwn(context, key)) continue;
    const value = context[key];
    if (typeof value === 'string') values.add(lower(key), value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values.add(lower(key), value);
    else return undefined;
  }
  return SCRATCH;
}

/**
 * `statementBits` of a resource-side statement, remembered per principal for the principal-only ones
 * (two per principal): an RCP perimeter Deny is evaluated for nearly every decision, always with the
 * same result for one principal.
 */
function resourceBits(fs: FastStatement, ctx: FastContext): number {
  if (!fs.principalOnly) return statementBits(fs, ctx, true);
  const p = ctx.principal;
  if (p.memoFirst === fs) return p.memoFirstBits;
  if (p.memoSecond === fs) return p.memoSecondBits;
  const bits = statementBits(fs, ctx, true);
  p.memoSecond = p.memoFirst;
  p.memoSecondBits = p.memoFirstBits;
  p.memoFirst = fs;
  p.memoFirstBits = bits;
  return bits;
}

/** True when some statement of `list[from, to)` applies (exact evaluation: no unknowns). */
function anyApplies(
  list: readonly FastStatement[],
  from: number,
  to: number,
  ctx: FastContext,
  resourceSide: boolean,
): boolean {
  for (let i = from; i < to; i++) {
    const fs = list[i] as FastStatement;
    if ((resourceSide ? resourceBits(fs, ctx) : statementBits(fs, ctx, false)) !== 0) return true;
  }
  return false;
}

/** True when every control-policy level, laid out from `from` and ending at `ends`, has an applicable Allow. */
function levelsAllow(
  list: readonly FastStatement[],
  from: number,
  ends: readonly number[],
  ctx: FastContext,
  resourceSide: boolean,
): boolean {
  let start = from;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k] as number;
    if (!anyApplies(list, start, end, ctx, resourceSide)) return false;
    start = end;
  }
  return true;
}

/** The principal classes of the applicable resource-policy Allows, as a bit set. */
const SELF = SELF_BIT;
const WILDCARD = WILDCARD_BIT;
const PARENT = PARENT_BIT;
const ACCOUNT = ACCOUNT_BIT;
const CLASSES = SELF | WILDCARD | PARENT | ACCOUNT;

/** The classes of the applicable Allows; stops at the first class in `enough`, which settles the branch. */
function resourceClasses(
  list: readonly FastStatement[],
  from: number,
  to: number,
  ctx: FastContext,
  enough: number,
): number {
  let bits = 0;
  for (let i = from; i < to; i++) {
    bits |= resourceBits(list[i] as FastStatement, ctx) & CLASSES;
    if ((bits & enough) !== 0) return bits;
  }
  return bits;
}

function enoughClasses(facts: DecisionFacts): number {
  if (facts.caller === 'anonymous') return WILDCARD;
  if (facts.caller === 'service' || facts.caller === 'identity-provider' || facts.same)
    return SELF | WILDCARD;
  return SELF | WILDCARD | PARENT | ACCOUNT;
}

function sessionOk(p: PrincipalPlan, facts: DecisionFacts, ctx: FastContext): boolean {
  if (facts.caller !== 'role-session' && facts.caller !== 'federated-user') return true;
  // A federated session without a session policy has no identity-path permissions [STS-GFT].
  if (!p.hasSessionPolicies) return facts.caller === 'role-session';
  return p.sessionAlways || anyApplies(p.statements, p.boundaryEnd, p.sessionEnd, ctx, false);
}

function boundaryOk(p: PrincipalPlan, ctx: FastContext): boolean {
  return (
    !p.hasBoundary || p.boundaryAlways || anyApplies(p.statements, p.identityEnd, p.boundaryEnd, ctx, false)
  );
}

function identityPath(p: PrincipalPlan, facts: DecisionFacts, ctx: FastContext): Decision {
  if (
    facts.caller !== 'root' &&
    !(p.identityAlways || anyApplies(p.statements, p.deniesEnd, p.identityEnd, ctx, false))
  )
    return 'ImplicitDeny';
  return boundaryOk(p, ctx) && sessionOk(p, facts, ctx) ? 'Allow' : 'ImplicitDeny';
}

function grants(p: PrincipalPlan, r: ResourcePlan, facts: DecisionFacts, ctx: FastContext): Decision {
  const classes = resourceClasses(r.statements, r.deniesEnd, r.allowsEnd, ctx, enoughClasses(facts));
  if (facts.caller === 'anonymous') return classes & WILDCARD ? 'Allow' : 'ImplicitDeny';
  if (facts.caller === 'service' || facts.caller === 'identity-provider')
    return classes & (SELF | WILDCARD) ? 'Allow' : 'ImplicitDeny';
  if (!facts.same) {
    if (classes === 0 || (facts.strict === 'kms' && !facts.kmsCrossAccountOperation)) return 'ImplicitDeny';
    return identityPath(p, facts, ctx);
  }
  if (classes & (SELF | WILDCARD))
    return facts.strict === 'trust' && facts.caller === 'user' && !boundaryOk(p, ctx)
      ? 'ImplicitDeny'
      : 'Allow';
  if (classes & PARENT) return boundaryOk(p, ctx) && sessionOk(p, facts, ctx) ? 'Allow' : 'ImplicitDeny';
  if (facts.strict !== undefined && !(classes & ACCOUNT)) return 'ImplicitDeny';
  return identityPath(p, facts, ctx);
}

function denied(p: PrincipalPlan, r: ResourcePlan, rcp: boolean, ctx: FastContext): boolean {
  if (rcp && anyApplies(r.statements, 0, r.rcpDeniesEnd, ctx, true)) return true;
  return (
    anyApplies(r.statements, r.rcpDeniesEnd, r.deniesEnd, ctx, true) ||
    anyApplies(p.statements, 0, p.deniesEnd, ctx, false)
  );
}

/** What the fast path needs from evaluate.ts (passed in to keep the modules acyclic). */
export interface FastHooks {
  readonly rcpApplies: (
    compiled: CompiledScenario,
    principal: PrincipalView,
    resource: ResourceView,
    action: RequestAction,
  ) => boolean;
  readonly factsOf: (
    principal: PrincipalView,
    resource: ResourceView,
    action: RequestAction,
  ) => DecisionFacts;
}

/** The exact decision, or `undefined` when the reference path must answer. */
export function fastDecision(
  compiled: CompiledScenario,
  request: unknown,
  hooks: FastHooks,
): Decision | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const {
    principal: id,
    action: rawAction,
    resource: arn,
    context: rawContext,
    parameters,
  } = request as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof rawAction !== 'string' ||
    typeof arn !== 'string' ||
    parameters !== undefined
  )
    return undefined;
  const action = internAction(rawAction);
  if (action === undefined) return undefined;
  const context = loweredContext(rawContext);
  if (context === undefined) return undefined;
  const principal = compiled.principal(
    id,
    action.service === 'sts' && action.name === 'assumerolewithwebidentity',
  );
  if ('invalid' in principal) return undefined;
  const resource = compiled.resource(arn);
  if ('invalid' in resource) return undefined;
  if (
    invalidReason(principal, resource, action, NO_PARAMETERS, principal.kind === 'role-session') !== undefined
  )
    return undefined;
  const ctx = statementContext(principal, resource, action, context);
  const p = principalPlan(principal, action);
  const r = resourcePlan(resource, action);
  const rcp = hooks.rcpApplies(compiled, principal, resource, action);
  // Step 1: an applicable Deny anywhere [IAM-DENYALLOW "Deny evaluation"].
  if (denied(p, r, rcp, ctx)) return 'ExplicitDeny';
  // Steps 2 and 3: every RCP and SCP level needs an applicable Allow.
  if (rcp && !levelsAllow(r.statements, r.allowsEnd, r.rcpEnds, ctx, true)) return 'ImplicitDeny';
  if (!levelsAllow(p.statements, p.sessionEnd, p.scpEnds, ctx, false)) return 'ImplicitDeny';
  return grants(p, r, hooks.factsOf(principal, resource, action), ctx);
}
