/**
 * The decision flow of SEMANTICS §2.4 over evaluated statements, in flowchart order: explicit deny
 * anywhere → RCP gate → SCP gate → grants (anonymous, service and identity-provider callers; the same-
 * account rules; the cross-account rule) → boundary → session. It runs once in exact evaluation; in
 * three-valued evaluation (§2.7) it runs for the worst case (unknown Allows false, unknown Denies true)
 * and the best case, and records which unknown statements the best case relied on.
 */
import { F, T, U, type Tri } from '../context/keyValue';
import type { CallerKind } from '../match/principalMatcher';
import type { Decision, DecisionReason, FlowStep, PrincipalClass, StepNote, StepTrace } from '../types';
import type { Gathered, PolicySet } from './gather';
import type { Entry } from './statementEval';

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
  readonly deciding: readonly Entry[];
  /** Best case only: unknown Allows read as true. */
  readonly relied: readonly Entry[];
  readonly reliedStep: FlowStep | undefined;
  readonly marks: ReadonlyMap<FlowStep, StepMark>;
}

function any(entries: readonly Entry[]): Tri {
  let result: Tri = F;
  for (const e of entries) {
    if (e.truth === T) return T;
    if (e.truth === U) result = U;
  }
  return result;
}

/** Runs the flow; `best` reads unknown Allows as true and unknown Denies as false. */
export function decide(g: Gathered, facts: DecisionFacts, best: boolean): Outcome {
  const marks = new Map<FlowStep, StepMark>();
  const used: Entry[] = [];
  const relied: Entry[] = [];
  let reliedStep: FlowStep | undefined;

  function gate(entries: readonly Entry[], step: FlowStep): boolean {
    const truth = any(entries);
    if (truth === F || (truth === U && !best)) return false;
    for (const e of entries) {
      if (e.truth === T) used.push(e);
      else if (e.truth === U && truth === U) {
        relied.push(e);
        used.push(e);
        reliedStep ??= step;
      }
    }
    return true;
  }
  function mark(step: FlowStep, outcome: StepMark['outcome'], note?: StepNote, level?: string): void {
    marks.set(step, { outcome, ...(note === undefined ? {} : { note }), ...(level === undefined ? {} : { level }) });
  }
  function done(decision: Decision, step: FlowStep, reason: DecisionReason, deciding: readonly Entry[] = decision === 'Allow' ? used : [], level?: string): Outcome {
    return { decision, step, reason, level, deciding, relied, reliedStep, marks };
  }
  function ofClass(set: PolicySet, classes: readonly PrincipalClass[]): Entry[] {
    return set.allows.filter((e) => e.cls !== undefined && classes.includes(e.cls));
  }

  // Step 1: an applicable Deny in any policy decides [IAM-DENYALLOW "Deny evaluation"].
  const denySets: PolicySet[] = [...(typeof g.rcp === 'string' ? [] : g.rcp), ...(typeof g.scp === 'string' ? [] : g.scp), g.resource, g.identity, ...(g.boundary === undefined ? [] : [g.boundary]), g.session];
  const firing = denySets.flatMap((s) => s.denies.filter((e) => e.truth === T || (e.truth === U && !best)));
  if (firing.length > 0) {
    mark('explicit-deny', 'deny');
    return done('ExplicitDeny', 'explicit-deny', 'explicit-deny', firing);
  }
  mark('explicit-deny', denySets.some((s) => s.denies.some((e) => e.truth === U)) ? 'unknown' : 'pass');

  // Steps 2 and 3: every level of the RCPs and SCPs needs an applicable Allow.
  for (const [step, levels] of [['rcp', g.rcp], ['scp', g.scp]] as const) {
    if (typeof levels === 'string') {
      mark(step, 'skip', levels);
      continue;
    }
    for (const level of levels) {
      if (!gate(level.allows, step)) {
        mark(step, 'deny', undefined, level.level);
        return done('ImplicitDeny', step, step, [], level.level);
      }
    }
    mark(step, 'pass');
  }
  return grants(g, facts, { marks, gate, mark, done, ofClass });
}

interface Flow {
  readonly marks: ReadonlyMap<FlowStep, StepMark>;
  readonly gate: (entries: readonly Entry[], step: FlowStep) => boolean;
  readonly mark: (step: FlowStep, outcome: StepMark['outcome'], note?: StepNote, level?: string) => void;
  readonly done: (decision: Decision, step: FlowStep, reason: DecisionReason, deciding?: readonly Entry[], level?: string) => Outcome;
  readonly ofClass: (set: PolicySet, classes: readonly PrincipalClass[]) => Entry[];
}

function grants(g: Gathered, facts: DecisionFacts, f: Flow): Outcome {
  const { marks, gate, mark, done, ofClass } = f;
  if (facts.caller === 'anonymous' || facts.caller === 'service' || facts.caller === 'identity-provider') {
    const classes: PrincipalClass[] = facts.caller === 'anonymous' ? ['WILDCARD'] : ['SELF', 'WILDCARD'];
    for (const step of ['identity', 'boundary', 'session'] as const) mark(step, 'skip', 'unsigned-request');
    if (gate(ofClass(g.resource, classes), 'resource-based')) {
      mark('resource-based', 'allow');
      return done('Allow', 'resource-based', 'allowed');
    }
    mark('resource-based', 'deny');
    return done('ImplicitDeny', 'resource-based', 'no-grant');
  }
  const root = facts.caller === 'root';
  function boundaryOk(): boolean {
    if (g.boundary === undefined) {
      mark('boundary', 'skip', 'no-boundary');
      return true;
    }
    const ok = gate(g.boundary.allows, 'boundary');
    mark('boundary', ok ? 'pass' : 'deny');
    return ok;
  }
  function sessionOk(): boolean {
    if (facts.caller !== 'role-session' && facts.caller !== 'federated-user') {
      mark('session', 'skip', 'not-needed');
      return true;
    }
    if (!g.hasSessionPolicies) {
      // A federated session without a session policy has no identity-path permissions [STS-GFT].
      const ok = facts.caller === 'role-session';
      mark('session', ok ? 'skip' : 'deny', ok ? 'no-session-policy' : 'federated-without-session-policy');
      return ok;
    }
    const ok = gate(g.session.allows, 'session');
    mark('session', ok ? 'pass' : 'deny');
    return ok;
  }
  function identityOk(): boolean {
    if (root) {
      mark('identity', 'allow', 'root-user');
      return true;
    }
    const ok = gate(g.identity.allows, 'identity');
    mark('identity', ok ? 'allow' : 'deny', !ok && g.identity.allows.length === 0 ? 'no-identity-policies' : undefined);
    return ok;
  }
  function rest(step: FlowStep): Outcome {
    if (!identityOk()) return done('ImplicitDeny', 'identity', 'identity');
    if (!boundaryOk()) return done('ImplicitDeny', 'boundary', 'boundary');
    if (!sessionOk()) return done('ImplicitDeny', 'session', 'session');
    return done('Allow', step, 'allowed');
  }

  if (!facts.same) {
    // Cross-account: the resource side must allow, and the principal's account on its own [IAM-XACCT].
    if (!gate(g.resource.allows.filter((e) => e.cls !== undefined), 'resource-based')) {
      mark('resource-based', 'deny');
      return done('ImplicitDeny', 'resource-based', 'no-grant');
    }
    if (facts.strict === 'kms' && !facts.kmsCrossAccountOperation) {
      mark('resource-based', 'deny');
      return done('ImplicitDeny', 'resource-based', 'kms-no-cross-account');
    }
    mark('resource-based', 'pass');
    return rest('identity');
  }

  // Same account [IAM-DENYALLOW "Resource-based policies"].
  if (gate(ofClass(g.resource, ['SELF', 'WILDCARD']), 'resource-based')) {
    mark('resource-based', 'allow', 'granted-by-resource-policy');
    mark('identity', 'skip', 'not-needed');
    // A user named in a trust policy still needs its boundary to allow the call [IAM-TRUST-UPDATE].
    if (facts.strict === 'trust' && facts.caller === 'user' && !boundaryOk()) return done('ImplicitDeny', 'boundary', 'boundary');
    if (!marks.has('boundary')) mark('boundary', 'skip', 'not-needed');
    mark('session', 'skip', 'not-needed');
    return done('Allow', 'resource-based', 'allowed');
  }
  if (gate(ofClass(g.resource, ['PARENT']), 'resource-based')) {
    // A grant to the role (or the user behind a federated session) is limited by PB and SP only.
    mark('resource-based', 'allow', 'granted-by-resource-policy');
    mark('identity', 'skip', 'not-needed');
    if (!boundaryOk()) return done('ImplicitDeny', 'boundary', 'boundary');
    if (!sessionOk()) return done('ImplicitDeny', 'session', 'session');
    return done('Allow', 'resource-based', 'allowed');
  }
  if (facts.strict !== undefined && !gate(ofClass(g.resource, ['ACCOUNT']), 'resource-based')) {
    mark('resource-based', 'deny');
    return done('ImplicitDeny', 'resource-based', 'resource-policy-required');
  }
  mark('resource-based', 'pass');
  return rest('identity');
}
