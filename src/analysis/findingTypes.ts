/**
 * Findings: risky or surprising access patterns, each with a stable code (DESIGN.md "Analysis").
 */
import type { PolicyRef, StatementRef } from '../engine/types';
import type { JsonPath } from '../model/ids';

/** Finding codes (DESIGN.md): stable, CI depends on them. */
export const FINDING_CODES = [
  'public-access',
  'external-access',
  'missing-external-id',
  'service-without-source',
  'blocked-by-control-policy',
  'ram-external-share',
  'ram-sharing-disabled',
  'overly-broad-grant',
  'cross-partition-reference',
  'invalid-policy',
  /** Added: a RAM association AWS would refuse (outsider on a share without external principals). */
  'ram-invalid-association',
] as const;
/** One finding code. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** Finding severities, most severe first. */
export const FINDING_SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
/** One finding severity. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * One finding. `message` is plain English (lowercase, values in backticks) generated from `code` and
 * `params` by `findingMessage`; a translated UI renders `code` + `params` itself.
 */
export interface Finding {
  /** Stable: `<code>|<subject>|<statement path or detail>`. */
  readonly id: string;
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** The ARN (or account / node id) the finding is about. */
  readonly subject: string;
  readonly message: string;
  /** The values the message names (`principal`, `account`, `share`, `policy`, …). */
  readonly params: Readonly<Record<string, string>>;
  /** The policy the finding comes from, when there is one. */
  readonly policy: PolicyRef | undefined;
  /** The statement the finding comes from, when there is one. */
  readonly statement: StatementRef | undefined;
  /** Where to jump in the editor. */
  readonly path: JsonPath;
}
