/**
 * Plain-English finding messages, built from a code and its params (lowercase, values in backticks,
 * no trailing period). The UI may render `code` + `params` in another language instead.
 */
import type { PolicyRef, StatementRef } from '../engine/types';
import type { JsonPath } from '../model/ids';
import { compareStrings } from './order';
import { FINDING_SEVERITIES, type Finding, type FindingCode, type FindingSeverity } from './findingTypes';

type Params = Readonly<Record<string, string>>;

function v(params: Params, key: string): string {
  return `\`${params[key] ?? '?'}\``;
}

const TEMPLATES: Readonly<Record<FindingCode, (p: Params) => string>> = {
  'public-access': (p) => `${v(p, 'subject')} grants ${v(p, 'actions')} to everyone (\`Principal: "*"\`) with no condition that pins the caller`,
  'external-access': (p) => `${v(p, 'principal')} outside the organization can ${p.decision === 'conditional' ? 'conditionally ' : ''}reach ${v(p, 'subject')}${p.via ? ` through ${v(p, 'via')}` : ''}`,
  'missing-external-id': (p) => `${v(p, 'subject')} trusts third-party account ${v(p, 'account')} without requiring \`sts:ExternalId\` with \`StringEquals\``,
  'service-without-source': (p) => `${v(p, 'subject')} grants ${v(p, 'service')} without \`aws:SourceArn\`, \`aws:SourceAccount\`, \`aws:SourceOrgID\` or \`aws:SourceOrgPaths\``,
  'blocked-by-control-policy': (p) => `${v(p, 'subject')} grants ${v(p, 'principal')} ${v(p, 'action')}, but the ${p.policyType ?? 'control policy'} ${v(p, 'policy')} blocks it`,
  'ram-external-share': (p) => `share ${v(p, 'share')} gives ${v(p, 'principal')} outside the organization access to ${v(p, 'subject')}`,
  'ram-sharing-disabled': (p) => `share ${v(p, 'share')} names ${v(p, 'principal')}, but RAM sharing with the organization is not enabled, so it grants nothing`,
  'overly-broad-grant': (p) => `${v(p, 'policy')} allows every action on every resource (\`"Action": "*"\` on \`"Resource": "*"\`)`,
  'cross-partition-reference': (p) => `${v(p, 'reference')} is in partition ${v(p, 'partition')} but ${v(p, 'subject')} is in ${v(p, 'ownPartition')}: partitions never trust each other, so it matches nothing`,
  'invalid-policy': (p) => `${v(p, 'policy')} of ${v(p, 'subject')} is not a valid policy and takes no part in evaluation: ${p.reason ?? 'see the editor'}`,
  'ram-invalid-association': (p) => `share ${v(p, 'share')} names ${v(p, 'principal')} outside the organization but does not allow external principals, so it grants nothing`,
};

/** The message of a finding. */
export function findingMessage(code: FindingCode, params: Params): string {
  return TEMPLATES[code](params);
}

/** The default severity of each code. */
export const FINDING_SEVERITY: Readonly<Record<FindingCode, FindingSeverity>> = {
  'public-access': 'high',
  'external-access': 'medium',
  'missing-external-id': 'high',
  'service-without-source': 'medium',
  'blocked-by-control-policy': 'info',
  'ram-external-share': 'medium',
  'ram-sharing-disabled': 'low',
  'overly-broad-grant': 'high',
  'cross-partition-reference': 'low',
  'invalid-policy': 'medium',
  'ram-invalid-association': 'low',
};

/** What a finding rule provides; the rest is derived. */
export interface FindingInput {
  readonly code: FindingCode;
  readonly subject: string;
  readonly params?: Params;
  readonly policy?: PolicyRef;
  readonly statement?: StatementRef;
  readonly path?: JsonPath;
  /** Distinguishes several findings of one code on one subject (defaults to the statement path). */
  readonly detail?: string;
  readonly severity?: FindingSeverity;
}

/** Builds a finding with its id, default severity, message and location. */
export function makeFinding(input: FindingInput): Finding {
  const params = { subject: input.subject, ...(input.params ?? {}) };
  const path = input.path ?? input.statement?.path ?? input.policy?.path ?? [];
  const detail = input.detail ?? JSON.stringify(path);
  return {
    id: `${input.code}|${input.subject}|${detail}`,
    code: input.code,
    severity: input.severity ?? FINDING_SEVERITY[input.code],
    subject: input.subject,
    message: findingMessage(input.code, params),
    params,
    policy: input.policy ?? input.statement?.policy,
    statement: input.statement,
    path,
  };
}

/** Orders findings by severity, then code, then subject, then id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.id, b.id)
  );
}
