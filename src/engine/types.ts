/**
 * The engine's public vocabulary: requests, decisions and explanations as data (no prose).
 * The UI and the CLI turn these codes into sentences.
 */
import type { JsonPath } from '../model/ids';
import type { ConditionEntry, Effect } from '../model/policy';
import type { AssumeRoleParameters, Context, PolicyKind } from '../model/types';

/** One authorization request. The principal is an ARN, a service principal name or `anonymous`. */
export interface Request {
  readonly principal: string;
  readonly action: string;
  /** An ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string;
  /** Only request-supplied keys; keys the scenario determines are derived (SEMANTICS §1.5). */
  readonly context?: Context;
  readonly parameters?: AssumeRoleParameters;
}

export const DECISIONS = ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Analysis adds `Conditional`: the outcome depends on keys the scenario cannot know (§2.7). */
export const ANALYSIS_DECISIONS = ['Allow', 'Conditional', 'ExplicitDeny', 'ImplicitDeny'] as const;
export type AnalysisDecision = (typeof ANALYSIS_DECISIONS)[number];

/** Steps of the AWS evaluation flow, in flowchart order (IAM-DENYALLOW). */
export const FLOW_STEPS = [
  'preflight',
  'explicit-deny',
  'rcp',
  'scp',
  'resource-based',
  'identity',
  'boundary',
  'session',
] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

/** Why a request ended as it did. */
export const DECISION_REASONS = [
  'allowed',
  'explicit-deny',
  'invalid-request',
  'rcp',
  'scp',
  'no-grant',
  'resource-policy-required',
  'kms-no-cross-account',
  'identity',
  'boundary',
  'session',
  'conditional',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

/** Why a request cannot exist in AWS (reason `invalid-request`). */
export const INVALID_REQUEST_REASONS = [
  'cross-partition',
  'root-assume-role',
  'duration-above-maximum',
  'chained-duration-above-hour',
  'duration-below-minimum',
  'unknown-principal',
  'unknown-resource-owner',
  'provider-action-mismatch',
  'malformed-request',
  'internal-error',
] as const;
export type InvalidRequestReason = (typeof INVALID_REQUEST_REASONS)[number];

/** Why a statement did not apply to the request. */
export const MISMATCH_REASONS = [
  'actionMismatch',
  'resourceMismatch',
  'principalMismatch',
  'conditionFalse',
  'conditionUnknown',
  'resourceUnknown',
  'ownerMismatch',
  'publicAccessBlocked',
] as const;
export type MismatchReason = (typeof MISMATCH_REASONS)[number];

/**
 * Why a step was skipped or how it was satisfied (`StepTrace.note`), as codes the UI translates.
 */
export const STEP_NOTES = [
  'not-reached',
  'not-needed',
  'no-organization',
  'outside-organization',
  'management-account',
  'service-linked-role',
  'not-an-iam-principal',
  'service-not-rcp-supported',
  'rcp-exempt-action',
  'no-resource',
  'implicit-full-access',
  'root-user',
  'no-identity-policies',
  'no-boundary',
  'no-session-policy',
  'federated-without-session-policy',
  'unsigned-request',
  'granted-by-resource-policy',
] as const;
export type StepNote = (typeof STEP_NOTES)[number];

/** How a resource-policy Allow named the caller (SEMANTICS §2.3). */
export const PRINCIPAL_CLASSES = ['SELF', 'WILDCARD', 'PARENT', 'ACCOUNT'] as const;
export type PrincipalClass = (typeof PRINCIPAL_CLASSES)[number];

/** Identifies one policy document as it took part in a decision. */
export interface PolicyRef {
  readonly kind: PolicyKind;
  /** Managed-policy ARN, inline policy name, control-policy name, or `trust` / `resource` policy. */
  readonly name: string;
  /** The entity the policy belongs to: a user/role/group/session/resource ARN, or an org node id. */
  readonly owner: string;
  /** Location of the document in the scenario, for jumping to it in the editor (empty when synthetic). */
  readonly path: JsonPath;
  /** For a control policy: the org node (root, OU or account id) whose level it belongs to. */
  readonly level?: string;
  /** For statements RAM adds to a resource: the share name. */
  readonly via?: string;
}

/** One statement of one policy. */
export interface StatementRef {
  readonly policy: PolicyRef;
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly path: JsonPath;
}

/** Three-valued truth (SEMANTICS §2.7): `unknown` when a key the scenario cannot know decides. */
export type Truth = 'true' | 'false' | 'unknown';

/** The evaluation of one statement against the request. */
export interface StatementTrace {
  readonly statement: StatementRef;
  readonly applies: Truth;
  /** Set when `applies` is not `true`. */
  readonly mismatch?: MismatchReason;
  /** The condition that failed (or could not be decided). */
  readonly condition?: ConditionEntry;
  /** For resource-policy Allows that apply: how the principal was named. */
  readonly principalClass?: PrincipalClass;
}

/** What one step of the flow saw and concluded. */
export interface StepTrace {
  readonly step: FlowStep;
  /** `pass` = the step let the request go on; `skip` = the step does not apply to this request. */
  readonly outcome: 'pass' | 'allow' | 'deny' | 'skip' | 'unknown';
  readonly statements: readonly StatementTrace[];
  /** For a gate that failed at one organization level: that level's node id. */
  readonly level?: string;
  /** Why the step was skipped or how it was satisfied, as a code (e.g. `management-account`). */
  readonly note?: StepNote;
}

/** The explanation of one decision: every step in flowchart order, as data (no prose). */
export interface Explanation {
  readonly step: FlowStep;
  readonly reason: DecisionReason;
  readonly invalid?: InvalidRequestReason;
  /** The statements that settled the outcome (the matching Deny, or the Allows that granted). */
  readonly deciding: readonly StatementRef[];
  readonly steps: readonly StepTrace[];
  /**
   * For `Conditional`: conditions still needed on the Allow side; on any three-valued result, `avoids`
   * lists the unresolved conditions of Denies that might apply. An entry whose `operator` is `Resource`
   * (or `NotResource`) stands for a resource pattern that depends on an unknown policy variable; its
   * `values` are the patterns.
   */
  readonly needs?: readonly ConditionEntry[];
  readonly avoids?: readonly ConditionEntry[];
  /** Set when the request needed more than one action (`sts:TagSession` …) and one of them decided. */
  readonly impliedAction?: string;
  /**
   * Context keys the request supplied although the scenario determines them (as written); the derived
   * value (or the derived absence) was used instead (SEMANTICS §1.5).
   */
  readonly ignoredContextKeys?: readonly string[];
}

/** Codes of the problems compilation finds (the scenario still compiles). */
export const ENGINE_DIAGNOSTIC_CODES = [
  'unknown-managed-policy',
  'ram-association-refused',
  'ram-pending-invitation',
  'ram-permission-unknown',
  'ram-resource-type-unknown',
] as const;
export type EngineDiagnosticCode = (typeof ENGINE_DIAGNOSTIC_CODES)[number];

/** One problem found while compiling: a stable code, a plain message and the JSON path it concerns. */
export interface EngineDiagnostic {
  readonly code: EngineDiagnosticCode;
  readonly message: string;
  readonly path: JsonPath;
}

/** The result of one exact evaluation. */
export interface EvaluationResult {
  readonly decision: Decision;
  readonly explanation: Explanation;
}

/** The result of one three-valued evaluation (SEMANTICS §2.7). */
export interface AnalysisResult {
  readonly decision: AnalysisDecision;
  readonly explanation: Explanation;
}
