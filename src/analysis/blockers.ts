/**
 * What stops a request, read from the engine's explanation: the reason, the flow step, the org level of
 * a failed control-policy gate, the deciding statements and the policies of the gate.
 */
import type { AnalysisResult, PolicyRef } from '../engine/types';
import type { Blocker } from './types';

function uniquePolicies(refs: readonly PolicyRef[]): PolicyRef[] {
  const seen = new Map<string, PolicyRef>();
  for (const ref of refs) seen.set(`${ref.kind}|${ref.owner}|${ref.name}|${ref.level ?? ''}`, ref);
  return [...seen.values()];
}

/** The blocker of a denied result. */
export function blockerOf(result: AnalysisResult): Blocker {
  const { explanation } = result;
  const step = explanation.steps.find((s) => s.step === explanation.step && (s.outcome === 'deny' || s.level !== undefined)) ?? explanation.steps.find((s) => s.step === explanation.step);
  const level = step?.level;
  const gatePolicies = explanation.deciding.length > 0 ? explanation.deciding.map((s) => s.policy) : (step?.statements ?? []).map((t) => t.statement.policy).filter((p) => level === undefined || p.level === undefined || p.level === level);
  return { reason: explanation.reason, step: explanation.step, level, statements: explanation.deciding, policies: uniquePolicies(gatePolicies) };
}

/** True when a control policy (SCP or RCP) is what stops the request. */
export function isControlPolicyBlock(blocker: Blocker): boolean {
  if (blocker.reason === 'scp' || blocker.reason === 'rcp') return true;
  return blocker.reason === 'explicit-deny' && blocker.statements.some((s) => s.policy.kind === 'scp' || s.policy.kind === 'rcp');
}
