/**
 * The statements of a principal's or a resource's policy sets that match one request action, as the
 * exact fast path (evaluate/fastDecide.ts) reads them: one flat plan per principal and per resource and
 * action, cached on the views by interned action. A decision in random request order is bound by memory
 * latency, so a plan keeps in one object what the decision reads: every Deny of a side in one list (any
 * applicable Deny decides, whatever its set), and per gate only the Allows still to evaluate.
 */
import type { PrincipalSpec } from '../../model/policy';
import type { CompiledCondition } from '../conditions/compileCondition';
import { keySource } from '../context/contextKeys';
import { matchActions, type RequestAction } from '../match/actionMatcher';
import type { PrincipalMatcher } from '../match/principalMatcher';
import type { ResourcePattern } from '../match/resourceMatcher';
import type { AclGrantees, CompiledStatement } from './compilePolicy';

/**
 * What exact fast evaluation reads of one statement, in one object (built once per statement, shared by
 * every plan): the first resource pattern and the first condition inline, the rest in lists, and the
 * policy facts the S3 and `NotPrincipal` rules need as flags. A statement read through the compiled form
 * is about ten objects (statement, reference, policy, matcher, pattern list, condition list, …), each a
 * cache miss in random request order.
 */
export interface FastStatement {
  /** `false` when the statement has no `Resource` test (none in a trust policy, or a plain `*`). */
  readonly testsResource: boolean;
  readonly negatedResource: boolean;
  /** The first resource pattern (when `testsResource`), then the others. */
  readonly pattern: ResourcePattern | undefined;
  readonly morePatterns: readonly ResourcePattern[];
  readonly acl: AclGrantees | undefined;
  readonly principal: PrincipalMatcher | undefined;
  readonly notPrincipal: PrincipalMatcher | undefined;
  /** A Deny of a resource policy (the `NotPrincipal` rule for callers with a boundary, §2.2). */
  readonly resourcePolicyDeny: boolean;
  /** An Allow of the resource's own policy (the S3 ownership and Block Public Access rules, §2.5). */
  readonly bucketRules: boolean;
  /** The first condition, then the others. */
  readonly condition: CompiledCondition | undefined;
  readonly moreConditions: readonly CompiledCondition[];
  /**
   * On the resource side, whether the statement holds or not is a function of the principal alone: no
   * resource test, no S3 rule, and conditions only on keys the principal determines, without policy
   * variables (an RCP perimeter, a bucket policy's organization Allow), so the fast path may remember it
   * per principal.
   */
  readonly principalOnly: boolean;
}

// INVARIANT: never written; shared by every statement with at most one pattern or condition.
const NO_PATTERNS: readonly ResourcePattern[] = [];
const NO_CONDITIONS: readonly CompiledCondition[] = [];
const FAST = new WeakMap<CompiledStatement, FastStatement>();

// One compiled condition and one principal matcher for every equal one (bounded; sharing changes no
// result, only identities): resource policies are templated, so the condition `aws:SecureTransport` of
// 1,250 bucket policies is one hot object (with its test closure) instead of 1,250 cold ones.
const SHARED_CONDITIONS = new Map<string, CompiledCondition>();
const SHARED_PRINCIPALS = new Map<string, PrincipalMatcher>();
const SHARED_LIMIT = 50_000;

function shared<T>(table: Map<string, T>, key: string, value: T): T {
  const held = table.get(key);
  if (held !== undefined) return held;
  if (table.size >= SHARED_LIMIT) table.clear();
  table.set(key, value);
  return value;
}

/**
 * The shared condition equal to `c` for evaluation. A compiled condition is a function of its operator,
 * lower-cased key and values, and of the document's `Version` only through policy variables, so a
 * condition whose values hold no `$` is shared whatever its document. Its `entry` (the place it is
 * written, for explanations) may be another statement's: the fast path never reads it.
 */
function sharedCondition(c: CompiledCondition): CompiledCondition {
  if (c.entry.values.some((v) => v.includes('$'))) return c;
  return shared(
    SHARED_CONDITIONS,
    `${c.entry.operator}\u0000${c.keyLower}\u0000${JSON.stringify(c.entry.values)}`,
    c,
  );
}

/** The shared matcher equal to `m`, compiled from `spec` (a matcher is a function of its element). */
function sharedPrincipal(
  m: PrincipalMatcher | undefined,
  spec: PrincipalSpec | undefined,
): PrincipalMatcher | undefined {
  if (m === undefined || spec === undefined) return m;
  return shared(
    SHARED_PRINCIPALS,
    JSON.stringify([spec.wildcard, spec.AWS, spec.Service, spec.Federated, spec.CanonicalUser]),
    m,
  );
}

function principalOnly(
  testsResource: boolean,
  bucketRules: boolean,
  conditions: readonly CompiledCondition[],
): boolean {
  if (testsResource || bucketRules) return false;
  return conditions.every((c) => {
    const source = keySource(c.keyLower);
    return (
      (source === 'principal' || source === 'principal-tag') && !c.entry.values.some((v) => v.includes('$'))
    );
  });
}

function makeFastStatement(cs: CompiledStatement): FastStatement {
  const r = cs.resources;
  const testsResource = r !== undefined && (r.negated || !r.patterns.some((p) => p.kind === 'any'));
  const patterns = testsResource && r !== undefined ? r.patterns : NO_PATTERNS;
  const c = cs.conditions.map(sharedCondition);
  const bucketRules =
    cs.origin === 'policy' && cs.ref.effect === 'Allow' && cs.ref.policy.kind === 'resource';
  return {
    testsResource,
    negatedResource: r?.negated === true,
    pattern: patterns[0],
    morePatterns: patterns.length > 1 ? patterns.slice(1) : NO_PATTERNS,
    acl: cs.acl,
    principal: sharedPrincipal(cs.principal, cs.statement.principal),
    notPrincipal: sharedPrincipal(cs.notPrincipal, cs.statement.notPrincipal),
    resourcePolicyDeny: cs.ref.effect === 'Deny' && cs.ref.policy.kind === 'resource',
    bucketRules,
    condition: c[0],
    moreConditions: c.length > 1 ? c.slice(1) : NO_CONDITIONS,
    principalOnly: principalOnly(testsResource, bucketRules, c),
  };
}

// Identities of the parts of fast forms and plans, for the keys of the tables below (read only when a
// fast form or a plan is built, never by a decision).
const IDS = new WeakMap<object, number>();
let nextId = 0;

/** A number that stands for the object (`-1` for none), the same for as long as the object lives. */
function idOf(part: object | undefined): number {
  if (part === undefined) return -1;
  let id = IDS.get(part);
  if (id === undefined) IDS.set(part, (id = nextId++));
  return id;
}

// One fast form for every statement whose fast form has the same parts, and one plan for every equal
// plan (bounded; sharing changes no result, only identities). A decision in random order is bound by
// memory latency: at the M bench size, 20,284 principal plans hold 4,226 distinct contents and 21,508
// resource plans 6,456, so a shared plan, its list and its statements are far more often in cache.
const SHARED_FAST = new Map<string, FastStatement>();
const SHARED_PLANS = new Map<string, PrincipalPlan | ResourcePlan>();

function fastKey(f: FastStatement): string {
  const flags =
    (f.testsResource ? 1 : 0) |
    (f.negatedResource ? 2 : 0) |
    (f.resourcePolicyDeny ? 4 : 0) |
    (f.bucketRules ? 8 : 0);
  return `${flags}|${idOf(f.pattern)}|${f.morePatterns.map(idOf).join(',')}|${idOf(f.acl)}|${idOf(f.principal)}|${idOf(f.notPrincipal)}|${idOf(f.condition)}|${f.moreConditions.map(idOf).join(',')}`;
}

/** The fast form of a statement (remembered). */
export function fastStatement(cs: CompiledStatement): FastStatement {
  let fast = FAST.get(cs);
  if (fast === undefined) {
    const made = makeFastStatement(cs);
    FAST.set(cs, (fast = shared(SHARED_FAST, fastKey(made), made)));
  }
  return fast;
}

/**
 * The fast form of a resource-side statement for the resources of one plan (`settle` says whether a
 * pattern matches all of them, none, or depends: resourceMatcher.ts `settlePattern`): without its
 * resource test when that holds for each, `undefined` when it holds for none (the statement can never
 * apply there), else its fast form. A bucket's Deny and Allows name the bucket itself, so for its
 * objects they lose their bucket-specific patterns and are shared by every bucket.
 */
export function scopedFastStatement(
  cs: CompiledStatement,
  settle: (pattern: ResourcePattern) => boolean | undefined,
): FastStatement | undefined {
  const fast = fastStatement(cs);
  const r = cs.resources;
  if (r === undefined || !fast.testsResource) return fast;
  let matches: boolean | undefined = false;
  for (const pattern of r.patterns) {
    const settled = settle(pattern);
    if (settled === true) {
      matches = true;
      break;
    }
    if (settled === undefined) matches = undefined;
  }
  if (matches === undefined) return fast;
  if (matches === r.negated) return undefined;
  const made: FastStatement = {
    testsResource: false,
    negatedResource: false,
    pattern: undefined,
    morePatterns: NO_PATTERNS,
    acl: fast.acl,
    principal: fast.principal,
    notPrincipal: fast.notPrincipal,
    resourcePolicyDeny: fast.resourcePolicyDeny,
    bucketRules: fast.bucketRules,
    condition: fast.condition,
    moreConditions: fast.moreConditions,
    principalOnly: principalOnly(
      false,
      fast.bucketRules,
      fast.condition === undefined ? [] : [fast.condition, ...fast.moreConditions],
    ),
  };
  return shared(SHARED_FAST, fastKey(made), made);
}

function listKey(statements: readonly FastStatement[]): string {
  return statements.map(idOf).join(',');
}

/** The shared principal plan equal to `plan` (a plan is a function of its statements' identities and its fields). */
export function sharedPrincipalPlan(plan: PrincipalPlan): PrincipalPlan {
  const flags =
    (plan.identityAlways ? 1 : 0) |
    (plan.hasBoundary ? 2 : 0) |
    (plan.boundaryAlways ? 4 : 0) |
    (plan.sessionAlways ? 8 : 0) |
    (plan.hasSessionPolicies ? 16 : 0);
  const key = `p${flags}|${plan.deniesEnd},${plan.identityEnd},${plan.boundaryEnd},${plan.sessionEnd}|${plan.scpEnds.join(',')}|${listKey(plan.statements)}`;
  // INVARIANT: keys starting with `p` hold principal plans only.
  return shared(SHARED_PLANS, key, plan) as PrincipalPlan;
}

/** The shared resource plan equal to `plan`. */
export function sharedResourcePlan(plan: ResourcePlan): ResourcePlan {
  const key = `r${plan.rcpDeniesEnd},${plan.deniesEnd},${plan.allowsEnd}|${plan.rcpEnds.join(',')}|${listKey(plan.statements)}`;
  // INVARIANT: keys starting with `r` hold resource plans only.
  return shared(SHARED_PLANS, key, plan) as ResourcePlan;
}

/** The statements of one policy set that match the action, split by effect. */
export interface SetLists {
  readonly allows: readonly CompiledStatement[];
  readonly denies: readonly CompiledStatement[];
  /** Some Allow applies to every request of the action (`FullAWSAccess`, `RCPFullAWSAccess`, `*` on `*`). */
  readonly allowsAlways: boolean;
}

/**
 * The principal side of one action: identity, boundary, session and SCP levels, as ranges of one list
 * (one array to load instead of one per set). A gate that some Allow always passes has an empty range.
 */
export interface PrincipalPlan {
  /** Denies `[0, deniesEnd)`, identity Allows `[deniesEnd, identityEnd)`, boundary Allows up to `boundaryEnd`, session Allows up to `sessionEnd`, then each SCP level's. */
  readonly statements: readonly FastStatement[];
  /** Every matching Deny of the SCP levels, identity policies, boundary and session policies. */
  readonly deniesEnd: number;
  readonly identityEnd: number;
  readonly boundaryEnd: number;
  readonly sessionEnd: number;
  /** The end of each SCP level that needs an applicable Allow (levels that always allow are left out; none when SCPs do not apply). */
  readonly scpEnds: readonly number[];
  readonly identityAlways: boolean;
  /** The principal has a permissions boundary. */
  readonly hasBoundary: boolean;
  readonly boundaryAlways: boolean;
  readonly sessionAlways: boolean;
  /** The principal has session policies (a federated session without them has no identity-path permissions). */
  readonly hasSessionPolicies: boolean;
}

/** The resource side of one action: resource-based policies and RCP levels, as ranges of one list. */
export interface ResourcePlan {
  /** RCP Denies `[0, rcpDeniesEnd)`, resource-policy Denies up to `deniesEnd`, its Allows up to `allowsEnd`, then each RCP level's Allows. */
  readonly statements: readonly FastStatement[];
  readonly rcpDeniesEnd: number;
  readonly deniesEnd: number;
  readonly allowsEnd: number;
  /** The end of each RCP level that needs an applicable Allow (levels that always allow are left out). */
  readonly rcpEnds: readonly number[];
}

// INVARIANT: never written; shared by every empty list so that empty lists cost no memory traffic.
const NONE: readonly CompiledStatement[] = [];
const NO_FAST: readonly FastStatement[] = [];

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
  return (
    cs.ref.policy.kind === 'rcp' &&
    cs.principal?.wildcard === true &&
    cs.notPrincipal === undefined &&
    cs.acl === undefined
  );
}

/** The statements of a list that match `action`, split by effect. */
export function splitByAction(
  statements: readonly CompiledStatement[],
  action: RequestAction,
  resourceSide: boolean,
): SetLists {
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
  return {
    allows: allows.length === 0 ? NONE : allows,
    denies: denies.length === 0 ? NONE : denies,
    allowsAlways,
  };
}

/**
 * Builds one list of ranges: `add` appends statements (in their fast form, by `form`, which may leave
 * out a statement that can never apply) and returns the end of the list so far.
 */
export function rangeList(form: (cs: CompiledStatement) => FastStatement | undefined = fastStatement): {
  readonly add: (statements: readonly CompiledStatement[]) => number;
  readonly done: () => readonly FastStatement[];
} {
  const out: FastStatement[] = [];
  return {
    add: (statements) => {
      for (const cs of statements) {
        const fast = form(cs);
        if (fast !== undefined) out.push(fast);
      }
      return out.length;
    },
    done: () => (out.length === 0 ? NO_FAST : out),
  };
}

// INVARIANT: never written; shared by every plan without control-policy levels to evaluate.
const NO_ENDS: readonly number[] = [];

/** Appends the Allows of the control-policy levels that do not always allow; the end of each. */
export function addLevelGates(
  list: ReturnType<typeof rangeList>,
  levels: readonly SetLists[],
): readonly number[] {
  const ends: number[] = [];
  for (const level of levels) if (!level.allowsAlways) ends.push(list.add(level.allows));
  return ends.length === 0 ? NO_ENDS : ends;
}
