/**
 * The engine's reason codes as message keys (STYLE.md rule 4: the engine gives codes, the UI words):
 * decisions, flow steps and their outcomes, why a statement did not match, why a request is invalid.
 */
import type {
  DecisionReason,
  FlowStep,
  InvalidRequestReason,
  MismatchReason,
  StatementTrace,
  StepNote,
  StepTrace,
  Truth,
} from '../../engine/types';
import type { EdgeDecision, EdgeKind, NodeKind } from '../../analysis/types';
import type { PolicyKind } from '../../model/types';
import type { PlainKey } from '../useT';

/** The headline of a decision's reason. */
export function reasonKey(reason: DecisionReason): PlainKey {
  return `reason.${reason}`;
}

/** Why a request cannot exist. */
export function invalidKey(reason: InvalidRequestReason): PlainKey {
  return `invalid.${reason}`;
}

/** A flow step's name. */
export function stepKey(step: FlowStep): PlainKey {
  return `step.${step}`;
}

/** What a step concluded. */
export function outcomeKey(outcome: StepTrace['outcome']): PlainKey {
  return `outcome.${outcome}`;
}

/** A policy kind's name. */
export function policyKindKey(kind: PolicyKind): PlainKey {
  return `policyKind.${kind}`;
}

/** Why a statement applied or not, as one sentence's key. */
export function statementKey(trace: StatementTrace): PlainKey {
  const applies: Truth = trace.applies;
  if (applies === 'true')
    return trace.statement.effect === 'Deny' ? 'statement.deniesRequest' : 'statement.allowsRequest';
  const mismatch: MismatchReason =
    trace.mismatch ?? (applies === 'unknown' ? 'conditionUnknown' : 'conditionFalse');
  return `mismatch.${mismatch}`;
}

/** A step note's sentence. */
export function noteKey(note: StepNote): PlainKey {
  return `note.${note}`;
}

/** A node kind's name. */
export function kindKey(kind: NodeKind): PlainKey {
  return `kind.${kind}`;
}

/** An edge kind's name. */
export function edgeKindKey(kind: EdgeKind): PlainKey {
  return `edge.${kind}`;
}

/** An edge decision's name. */
export function edgeDecisionKey(decision: EdgeDecision): PlainKey {
  return `decision.${decision}`;
}
