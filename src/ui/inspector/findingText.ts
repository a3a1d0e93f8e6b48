/**
 * Finding codes and severities as message keys.
 */
import type { FindingCode, FindingSeverity } from '../../analysis/types';
import type { PlainKey } from '../useT';

/** The heading of a finding code (`Public access`). */
export function findingMessageKey(code: FindingCode): PlainKey {
  return `finding.title.${code}`;
}

/** Why a finding code matters, in one sentence. */
export function findingWhyKey(code: FindingCode): PlainKey {
  return `finding.why.${code}`;
}

/** The name of a severity. */
export function severityKey(severity: FindingSeverity): PlainKey {
  return `finding.severity.${severity}`;
}
