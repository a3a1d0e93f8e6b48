/**
 * Diagnostics: every problem found in user input, with a stable code, a JSON path and a position.
 */
import type { JsonPath } from './ids';

/** Stable diagnostic codes (tests, CLI output and editor markers depend on them). */
export const DIAGNOSTIC_CODES = [
  // text and structure
  'json-syntax',
  'wrong-type',
  'missing-key',
  'unknown-key',
  'bad-format',
  'empty-value',
  // identifiers and references
  'bad-arn',
  'bad-account-id',
  'bad-org-id',
  'duplicate-id',
  'undeclared-account',
  'undeclared-group',
  'undeclared-policy',
  'undeclared-parent',
  'undeclared-target',
  'undeclared-user',
  'arn-account-mismatch',
  'resource-owner-unknown',
  // policy grammar: the document is invalid (`invalid-policy`) and takes no part in evaluation
  'invalid-policy',
  // policy lint: valid but suspicious
  'policy-lint',
  // scenario semantics
  'invalid-share',
  'bad-value',
  // importers of AWS exports (src/io/import)
  'unknown-export',
  'not-imported',
  'dead-principal',
  'assumed-value',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A 1-based line and column range in the source text. */
export interface SourceRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Plain lowercase message, user input in backticks, no trailing period (STYLE.md rule 6). */
  readonly message: string;
  readonly path: JsonPath;
  /** Known when the diagnostic comes from source text. */
  readonly range: SourceRange | undefined;
  /**
   * Set on `invalid-policy` diagnostics: the path of the policy document that is excluded from
   * evaluation. Such an error does not reject the scenario.
   */
  readonly excludes: JsonPath | undefined;
}

/** True when the diagnostic makes the scenario unusable (as opposed to excluding one policy). */
export function isBlocking(d: Diagnostic): boolean {
  return d.severity === 'error' && d.excludes === undefined;
}
