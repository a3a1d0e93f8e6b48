/**
 * The decision flow of SEMANTICS §2.4 over evaluated statements, in flowchart order: explicit deny
 * anywhere → RCP gate → SCP gate → grants (anonymous, service and identity-provider callers; the same-
 * account rules; the cross-account rule) → boundary → session. It runs once in exact evaluation; in
 * three-valued evaluation (§2.7) it runs for the worst case (unknown Allows false, unknown Denies true)
 * and the best case, and records which unknown statements the best case relied on.
 */
import type { CallerKind } from '../match/principalMatcher';
import type {
  Decision,
  DecisionReason,
  FlowStep,
  PrincipalClass,
  StatementTrace,
  StepNote,
  StepTrace,
} from '../types';
import type { Gathered, PolicySet } from './gather';

/** Facts of the request that choose the branch of the flow. */
export interface DecisionFacts {
  readonly caller: CallerKind;
  /** Principal and resource (grant) account are the same. */
  readonly same: boolean;
  /** Trust policies and KMS key policies must allow explicitly (§2.5). */
  readonly strict: 'trust' | 'kms' | undefined;
  /** For a KMS key across accounts: the operation is one a foreign principal may call [KMS-XACCT]. */
  readonly kmsCrossAccountOperation: boolean;
}

/** How one step ended. */
export interface StepMark {
  readonly outcome: StepTrace['outcome'];
  readonly note?: StepNote;
  readonly level?: string;
}

/** The result of one run of the flow. */
export interface Outcome {
  readonly decision: Decision;
  readonly step: FlowStep;
  readonly reason: DecisionReason;
  readonly level: string | undefined;
  readonly deciding: readonly StatementTrace[];
  /** Best case only: unknown Allows read as true. */
  readonly relied: readonly StatementTrace[];
  readonly reliedStep: FlowStep | undefined;
  /** How each step ended, by `STEP_SLOT`; `undefined` for a step the flow did not reach. */
  readonly marks: readonly (StepMark | undefined)[];
}

/** The slot of each flow step in `Outcome.marks`. */
export const STEP_SLOT: Readonly<Record<FlowStep, number>> = {
  preflight: 0,
  'explicit-deny': 1,
  rcp: 2,
  scp: 3,
  'resource-based': 4,
  identity: 5,
  boundary: 6,
  session: 7,
};

const NONE: readonly StatementTrace[] = [];

/** One run of the flow, which becomes its own `Outcome` when it ends (one object per run). */
class Run implements Outcome {
  readonly marks: (StepMark | undefined)[] = [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  /** Created on the first entry (most runs have none of one or both). */
  used: StatementTrace[] | undefined = undefined;
  reliedList: StatementTrace[] | undefined = undefined;
  reliedStep: FlowStep | undefined = undefined;
  // The result, set by `done`.
  decision: Decision = 'ImplicitDeny';
  step: FlowStep = 'preflight';
  reason: DecisionReason = 'no-grant';
  level: string | undefined = undefined;
  deciding: readonly StatementTrace[] = NONE;
  constructor(readonly best: boolean) {}
  get relied(): readonly StatementTrace[] {
    return this.reliedList ?? NONE;
  }
}

const SELF_OR_WILDCARD: readonly PrincipalClass[] = ['SELF', 'WILDCARD'];
const WILDCARD: readonly PrincipalClass[] = ['WILDCARD'];
const PARENT: readonly PrincipalClass[] = ['PARENT'];
const ACCOUNT: readonly PrincipalClass[] = ['ACCOUNT'];
const CONTROL_STEPS = ['rcp', 'scp'] as const;
const UNSIGNED_SKIPPED = ['identity', 'boundary', 'session'] as const;
const CROSS_ACCOUNT: readonly PrincipalClass[] = SELF_OR_WILDCARD.concat(PARENT, ACCOUNT);

function anyApplies(
  entries: readonly StatementTrace[],
  classes: readonly PrincipalClass[] | undefined,
): 'true' | 'false' | 'unknown' {
  let result: 'false' | 'unknown' = 'false';
  for (const e of entries) {
    if (e.applies === 'false') continue;
    if (classes !== undefined && (e.principalClass === undefined || !classes.includes(e.principalClass)))
      continue;
    if (e.applies === 'true') return 'true';
    result = 'unknown';
  }
  return result;
}

/** True when some entry (of the classes) applies; records the grants used and the unknowns relied on. */
function gate(
  run: Run,
  entries: readonly StatementTrace[],
  step: FlowStep,
  classes?: readonly PrincipalClass[],
): boolean {
  const truth = anyApplies(entries, classes);
  if (truth === 'false' || (truth === 'unknown' && !run.best)) return false;
  for (const e of entries) {
    if (
      e.applies === 'false' ||
      (classes !== undefined && (e.principalClass === undefined || !classes.includes(e.principalClass)))
    )
      continue;
    if (e.applies === 'true') (run.used ??= []).push(e);
    else if (truth === 'unknown') {
      (run.reliedList ??= []).push(e);
      (run.used ??= []).push(e);
      run.reliedStep ??= step;
    }
  }
  return true;
}

// Marks without a level are immutable values of a few kinds: one shared object per outcome and note.
const SHARED_MARKS = new Map<StepMark['outcome'], Map<StepNote | undefined, StepMark>>();

function sharedMark(outcome: StepMark['outcome'], note: StepNote | undefined): StepMark {
  let byNote = SHARED_MARKS.get(outcome);
  if (byNote === undefined) SHARED_MARKS.set(outcome, (byNote = new Map<StepNote | undefined, StepMark>()));
  let m = byNote.get(note);
  if (m === undefined) byNote.set(note, (m = note === undefined ? { outcome } : { outcome, note }));
  return m;
}

function mark(run: Run, step: FlowStep, outcome: StepMark['outcome'], note?: StepNote, level?: string): void {
  run.marks[STEP_SLOT[step]] =
    level === undefined
      ? sharedMark(outcome, note)
      : note === undefined
        ? { outcome, level }
        : { outcome, note, level };
}

/** The control policies' Allows are gates, not grants: an Allow's deciding statements leave them out. */
function isGrant(e: StatementTrace): boolean {
  return e.statement.policy.kind !== 'scp' && e.statement.policy.kind !== 'rcp';
}

/** The grants among the used entries, in a list of their exact size. */
function grants(used: readonly StatementTrace[]): readonly StatementTrace[] {
  let n = 0;
  for (let i = 0; i < used.length; i++) if (isGrant(used[i]!)) n++;
  if (n === 0) return NONE;
  const out = new Array<StatementTrace>(n);
  n = 0;
  for (let i = 0; i < used.length; i++) if (isGrant(used[i]!)) out[n++] = used[i]!;
  return out;
}

function done(
  run: Run,
  decision: Decision,
  step: FlowStep,
  reason: DecisionReason,
  deciding?: readonly StatementTrace[],
  level?: string,
): Outcome {
  run.decision = decision;
  run.step = step;
  run.reason = reason;
  run.level = level;
  run.deciding = deciding ?? (decision === 'Allow' && run.used !== undefined ? grants(run.used) : NONE);
  return run;
}

/** Runs the flow; `best` reads unknown Allows as true and unknown Denies as false. */
export function decide(g: Gathered, facts: DecisionFacts, best: boolean): Outcome {
  const run = new Run(best);
  // Step 1: an applicable Deny in any policy decides [IAM-DENYALLOW "Deny evaluation"].
  const found = denyKinds(g);
  if ((found & TRUE_DENY) !== 0 || ((found & UNKNOWN_DENY) !== 0 && !best)) {
    mark(run, 'explicit-deny', 'deny');
    const firing = collectDenies(g, best ? TRUE_DENY : TRUE_DENY | UNKNOWN_DENY);
    return done(run, 'ExplicitDeny', 'explicit-deny', 'explicit-deny', firing);
  }
  mark(run, 'explicit-deny', (found & UNKNOWN_DENY) !== 0 ? 'unknown' : 'pass');
  // Steps 2 and 3: every level of the RCPs and SCPs needs an applicable Allow.
  for (const step of CONTROL_STEPS) {
    const levels = step === 'rcp' ? g.rcp : g.scp;
    if (typeof levels === 'string') {
      mark(run, step, 'skip', levels);
      continue;
    }
    for (const level of levels) {
      if (!gate(run, level.allows, step)) {
        mark(run, step, 'deny', undefined, level.level);
        return done(run, 'ImplicitDeny', step, step, NONE, level.level);
      }
    }
    mark(run, step, 'pass');
  }
  if (facts.caller === 'anonymous' || facts.caller === 'service' || facts.caller === 'identity-provider')
    return unsigned(run, g, facts);
  return facts.same ? sameAccount(run, g, facts) : crossAccount(run, g, facts);
}

/** `denyKinds` bit: some Deny applies. */
export const TRUE_DENY = 1;
/** `denyKinds` bit: some Deny is unknown. */
export const UNKNOWN_DENY = 2;
/** `denyKinds` bit: some Deny does not apply. */
export const FALSE_DENY = 4;

function kindBit(e: StatementTrace): number {
  return e.applies === 'true' ? TRUE_DENY : e.applies === 'unknown' ? UNKNOWN_DENY : FALSE_DENY;
}

function listKinds(list: readonly StatementTrace[]): number {
  let bits = 0;
  for (let i = 0; i < list.length; i++) bits |= kindBit(list[i]!);
  return bits;
}

function levelKinds(levels: readonly PolicySet[] | string): number {
  if (typeof levels === 'string') return 0;
  let bits = 0;
  for (let i = 0; i < levels.length; i++) bits |= listKinds(levels[i]!.denies);
  return bits;
}

/** The kinds (`TRUE_DENY` …) of the Denies of every set; no allocation. */
export function denyKinds(g: Gathered): number {
  return (
    levelKinds(g.rcp) |
    levelKinds(g.scp) |
    listKinds(g.resource.denies) |
    listKinds(g.identity.denies) |
    (g.boundary === undefined ? 0 : listKinds(g.boundary.denies)) |
    listKinds(g.session.denies)
  );
}

/** Where `collectDenies` puts what it finds: a count on the first pass, the entries on the second. */
interface Sink {
  out: StatementTrace[] | undefined;
  n: number;
}

function collectList(list: readonly StatementTrace[], kinds: number, sink: Sink): void {
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if ((kindBit(e) & kinds) === 0) continue;
    if (sink.out !== undefined) sink.out[sink.n] = e;
    sink.n++;
  }
}

function collectLevels(levels: readonly PolicySet[] | string, kinds: number, sink: Sink): void {
  if (typeof levels === 'string') return;
  for (let i = 0; i < levels.length; i++) collectList(levels[i]!.denies, kinds, sink);
}

function collectAll(g: Gathered, kinds: number, sink: Sink): void {
  collectLevels(g.rcp, kinds, sink);
  collectLevels(g.scp, kinds, sink);
  collectList(g.resource.denies, kinds, sink);
  collectList(g.identity.denies, kinds, sink);
  if (g.boundary !== undefined) collectList(g.boundary.denies, kinds, sink);
  collectList(g.session.denies, kinds, sink);
}

function levelLists(levels: readonly PolicySet[] | string, counted: DenyLists): void {
  if (typeof levels === 'string') return;
  for (let i = 0; i < levels.length; i++) countList(levels[i]!.denies, counted);
}

function countList(list: readonly StatementTrace[], counted: DenyLists): void {
  if (list.length === 0) return;
  counted.only = list;
  counted.count++;
}

interface DenyLists {
  only: readonly StatementTrace[];
  count: number;
}

/** Every Deny, in flowchart order: the one list that has any, or a copy when more than one has. */
export function allDenies(g: Gathered): readonly StatementTrace[] {
  const counted: DenyLists = { only: NONE, count: 0 };
  levelLists(g.rcp, counted);
  levelLists(g.scp, counted);
  countList(g.resource.denies, counted);
  countList(g.identity.denies, counted);
  if (g.boundary !== undefined) countList(g.boundary.denies, counted);
  countList(g.session.denies, counted);
  return counted.count < 2 ? counted.only : collectDenies(g, TRUE_DENY | UNKNOWN_DENY | FALSE_DENY);
}

/** The Denies of the given kinds of every set, in flowchart order (RCP, SCP, resource, identity, boundary, session). */
export function collectDenies(g: Gathered, kinds: number): StatementTrace[] {
  // Counted first, so the list is sized exactly (one grown by `push` reserves 17 slots).
  const sink: Sink = { out: undefined, n: 0 };
  collectAll(g, kinds, sink);
  sink.out = new Array<StatementTrace>(sink.n);
  sink.n = 0;
  collectAll(g, kinds, sink);
  return sink.out;
}

function unsigned(run: Run, g: Gathered, facts: DecisionFacts): Outcome {
  for (const step of UNSIGNED_SKIPPED) mark(run, step, 'skip', 'unsigned-request');
  if (
    gate(run, g.resource.allows, 'resource-based', facts.caller === 'anonymous' ? WILDCARD : SELF_OR_WILDCARD)
  ) {
    mark(run, 'resource-based', 'allow');
    return done(run, 'Allow', 'resource-based', 'allowed');
  }
  mark(run, 'resource-based', 'deny');
  return done(run, 'ImplicitDeny', 'resource-based', 'no-grant');
}

function boundaryOk(run: Run, g: Gathered): boolean {
  if (g.boundary === undefined) {
    mark(run, 'boundary', 'skip', 'no-boundary');
    return true;
  }
  const ok = gate(run, g.boundary.allows, 'boundary');
  mark(run, 'boundary', ok ? 'pass' : 'deny');
  return ok;
}

function sessionOk(run: Run, g: Gathered, facts: DecisionFacts): boolean {
  if (facts.caller !== 'role-session' && facts.caller !== 'federated-user') {
    mark(run, 'session', 'skip', 'not-needed');
    return true;
  }
  if (!g.hasSessionPolicies) {
    // A federated session without a session policy has no identity-path permissions [STS-GFT].
    const ok = facts.caller === 'role-session';
    mark(run, 'session', ok ? 'skip' : 'deny', ok ? 'no-session-policy' : 'federated-without-session-policy');
    return ok;
  }
  const ok = gate(run, g.session.allows, 'session');
  mark(run, 'session', ok ? 'pass' : 'deny');
  return ok;
}

/** Identity, boundary and session in turn: the identity path of both account cases. */
function identityPath(run: Run, g: Gathered, facts: DecisionFacts): Outcome {
  if (facts.caller === 'root') mark(run, 'identity', 'allow', 'root-user');
  else if (gate(run, g.identity.allows, 'identity')) mark(run, 'identity', 'allow');
  else {
    mark(run, 'identity', 'deny', g.identity.allows.length === 0 ? 'no-identity-policies' : undefined);
    return done(run, 'ImplicitDeny', 'identity', 'identity');
  }
  if (!boundaryOk(run, g)) return done(run, 'ImplicitDeny', 'boundary', 'boundary');
  if (!sessionOk(run, g, facts)) return done(run, 'ImplicitDeny', 'session', 'session');
  return done(run, 'Allow', 'identity', 'allowed');
}

/** Cross-account: the resource side must allow, and the principal's account on its own [IAM-XACCT]. */
function crossAccount(run: Run, g: Gathered, facts: DecisionFacts): Outcome {
  if (!gate(run, g.resource.allows, 'resource-based', CROSS_ACCOUNT)) {
    mark(run, 'resource-based', 'deny');
    return done(run, 'ImplicitDeny', 'resource-based', 'no-grant');
  }
  if (facts.strict === 'kms' && !facts.kmsCrossAccountOperation) {
    mark(run, 'resource-based', 'deny');
    return done(run, 'ImplicitDeny', 'resource-based', 'kms-no-cross-account');
  }
  mark(run, 'resource-based', 'pass');
  return identityPath(run, g, facts);
}

/** Same account [IAM-DENYALLOW "Resource-based policies"]. */
function sameAccount(run: Run, g: Gathered, facts: DecisionFacts): Outcome {
  if (gate(run, g.resource.allows, 'resource-based', SELF_OR_WILDCARD)) {
    mark(run, 'resource-based', 'allow', 'granted-by-resource-policy');
    mark(run, 'identity', 'skip', 'not-needed');
    // A user named in a trust policy still needs its boundary to allow the call [IAM-TRUST-UPDATE].
    if (facts.strict === 'trust' && facts.caller === 'user' && !boundaryOk(run, g))
      return done(run, 'ImplicitDeny', 'boundary', 'boundary');
    if (run.marks[STEP_SLOT.boundary] === undefined) mark(run, 'boundary', 'skip', 'not-needed');
    mark(run, 'session', 'skip', 'not-needed');
    return done(run, 'Allow', 'resource-based', 'allowed');
  }
  if (gate(run, g.resource.allows, 'resource-based', PARENT)) {
    // A grant to the role (or the user behind a federated session) is limited by PB and SP only.
    mark(run, 'resource-based', 'allow', 'granted-by-resource-policy');
    mark(run, 'identity', 'skip', 'not-needed');
    if (!boundaryOk(run, g)) return done(run, 'ImplicitDeny', 'boundary', 'boundary');
    if (!sessionOk(run, g, facts)) return done(run, 'ImplicitDeny', 'session', 'session');
    return done(run, 'Allow', 'resource-based', 'allowed');
  }
  if (facts.strict !== undefined && !gate(run, g.resource.allows, 'resource-based', ACCOUNT)) {
    mark(run, 'resource-based', 'deny');
    return done(run, 'ImplicitDeny', 'resource-based', 'resource-policy-required');
  }
  mark(run, 'resource-based', 'pass');
  return identityPath(run, g, facts);
}
