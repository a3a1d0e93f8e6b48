/**
 * The command line's prose for engine explanations: the engine returns codes (reason, step, mismatch,
 * note); this turns them into a readable step-by-step trace that names every policy and statement and
 * says why each statement did or did not match. The UI has its own renderer.
 */
import { POLICY_KIND_TEXT } from '../io/export/exportText';
import type { ConditionEntry } from '../model/policy';
import type { DecisionReason, Explanation, FlowStep, InvalidRequestReason, MismatchReason, PolicyRef, StatementRef, StatementTrace, StepNote, StepTrace } from '../engine/types';

const REASONS: Record<DecisionReason, string> = {
  allowed: 'the request is allowed',
  'explicit-deny': 'an applicable Deny statement denies it',
  'invalid-request': 'the request cannot exist in AWS',
  rcp: 'no statement of a resource control policy allows it at one level of the organization',
  scp: 'no statement of a service control policy allows it at one level of the organization',
  'no-grant': 'nothing on the resource side grants it',
  'resource-policy-required': 'the resource policy (trust policy or key policy) must allow it and does not',
  'kms-no-cross-account': 'this KMS operation cannot be used on a key of another account',
  identity: 'no identity-based policy allows it',
  boundary: 'the permissions boundary does not allow it',
  session: 'the session policies do not allow it',
  conditional: 'the outcome depends on request context the scenario cannot know',
};

const INVALID: Record<InvalidRequestReason, string> = {
  'cross-partition': 'the principal and the resource are in different partitions',
  'root-assume-role': 'the root user cannot call sts:AssumeRole',
  'duration-above-maximum': 'DurationSeconds is above the role’s maximum session duration',
  'duration-below-minimum': 'DurationSeconds is below 900 seconds',
  'chained-duration-above-hour': 'a chained role session lasts at most one hour (DurationSeconds above 3600)',
  'unknown-principal': 'the principal is not declared in the scenario (or is not a principal)',
  'unknown-resource-owner': 'the resource’s owner account is unknown: list the resource with its `account`',
  'provider-action-mismatch': 'an identity provider can only call its AssumeRoleWithWebIdentity / AssumeRoleWithSAML action, and only it can',
  'malformed-request': 'the request is malformed (principal, action, resource or context)',
  'internal-error': 'the engine failed on this request (a bug: please report it)',
};

const STEPS: Record<FlowStep, string> = {
  preflight: 'request check',
  'explicit-deny': 'explicit deny',
  rcp: 'resource control policies',
  scp: 'service control policies',
  'resource-based': 'resource-based policies',
  identity: 'identity-based policies',
  boundary: 'permissions boundary',
  session: 'session policies',
};

const NOTES: Record<StepNote, string> = {
  'not-reached': 'not reached',
  'not-needed': 'not needed for this grant',
  'no-organization': 'the scenario has no organization',
  'outside-organization': 'the account is outside the organization',
  'management-account': 'control policies do not apply to the management account',
  'service-linked-role': 'control policies do not apply to service-linked roles',
  'not-an-iam-principal': 'the caller is a service principal',
  'service-not-rcp-supported': 'RCPs do not cover this service',
  'rcp-exempt-action': 'RCPs do not cover this action',
  'no-resource': 'the action has no resource',
  'implicit-full-access': 'the default FullAWSAccess applies',
  'root-user': 'the root user has full access by default',
  'no-identity-policies': 'no identity-based policy applies',
  'no-boundary': 'no permissions boundary is set',
  'no-session-policy': 'no session policy was passed',
  'federated-without-session-policy': 'a federated-user session without a session policy has no permissions of its own',
  'unsigned-request': 'the caller has no identity-based policies',
  'granted-by-resource-policy': 'a resource-based policy grant suffices here',
};

const MISMATCH: Record<MismatchReason, string> = {
  actionMismatch: 'the action does not match',
  resourceMismatch: 'the resource does not match',
  principalMismatch: 'the principal does not match',
  conditionFalse: 'a condition is false',
  conditionUnknown: 'a condition cannot be decided offline',
  resourceUnknown: 'the resource pattern uses a policy variable whose value is unknown',
  ownerMismatch: 'the bucket owner does not own this object, so the bucket policy cannot grant on it',
  publicAccessBlocked: 'S3 Block Public Access (RestrictPublicBuckets) blocks this public policy for the caller',
};

/** A condition as a compact line: `StringEquals aws:SourceAccount = 111111111111`. */
export function conditionText(c: ConditionEntry): string {
  return `${c.operator} ${c.key} ${c.values.length === 1 ? `= ${c.values[0] ?? ''}` : `in [${c.values.join(', ')}]`}`;
}

/** A policy as a compact name: kind, name, owner and (for control policies) the level. */
export function policyText(p: PolicyRef): string {
  const implicit = p.path.length === 0 && (p.kind === 'scp' || p.kind === 'rcp') ? ' (implicit)' : '';
  const owner = p.owner === p.name || p.owner === '' ? '' : ` of ${p.owner}`;
  const level = p.level !== undefined && p.level !== p.owner ? ` at ${p.level}` : '';
  const via = p.via === undefined ? '' : ` via ${p.via}`;
  return `${POLICY_KIND_TEXT[p.kind]} \`${p.name}\`${implicit}${owner}${level}${via}`;
}

/** A statement as `#2 (Sid "X", Deny) of …`. */
export function statementText(s: StatementRef): string {
  return `statement #${s.index}${s.sid === undefined ? '' : ` "${s.sid}"`} (${s.effect}) of ${policyText(s.policy)}`;
}

function traceText(t: StatementTrace): string {
  if (t.applies === 'true') return `${statementText(t.statement)}: applies${t.principalClass === undefined ? '' : ` (principal named as ${t.principalClass})`}`;
  const why = t.mismatch === undefined ? '' : MISMATCH[t.mismatch];
  const condition = t.condition === undefined ? '' : `: ${conditionText(t.condition)}`;
  return `${statementText(t.statement)}: ${t.applies === 'unknown' ? 'may apply' : 'does not apply'} (${why}${condition})`;
}

function stepText(s: StepTrace, n: number): string[] {
  const note = s.note === undefined ? '' : ` — ${NOTES[s.note]}`;
  const level = s.level === undefined ? '' : ` at level ${s.level}`;
  return [`  ${n}. ${STEPS[s.step]}: ${s.outcome}${level}${note}`, ...s.statements.map((t) => `       - ${traceText(t)}`)];
}

/** The one-line summary of a decision. */
export function decisionText(decision: string, e: Explanation): string {
  const why = e.reason === 'invalid-request' && e.invalid !== undefined ? `${REASONS[e.reason]}: ${INVALID[e.invalid]}` : REASONS[e.reason];
  const implied = e.impliedAction === undefined ? '' : ` (decided by the implied action ${e.impliedAction})`;
  return `${decision}: ${why}${implied} [${e.reason}, step ${STEPS[e.step]}]`;
}

/** The whole explanation as lines: summary, deciding statements, conditions, then every step. */
export function explanationLines(decision: string, e: Explanation): string[] {
  const lines = [decisionText(decision, e)];
  for (const s of e.deciding) lines.push(`  deciding: ${statementText(s)}`);
  for (const c of e.needs ?? []) lines.push(`  needs: ${conditionText(c)}`);
  for (const c of e.avoids ?? []) lines.push(`  must avoid: ${conditionText(c)}`);
  if (e.ignoredContextKeys !== undefined) lines.push(`  note: the scenario determines ${e.ignoredContextKeys.map((k) => `\`${k}\``).join(', ')}; the value given in the context was ignored`);
  e.steps.forEach((s, i) => lines.push(...stepText(s, i + 1)));
  return lines;
}
