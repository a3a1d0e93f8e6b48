/**
 * The importer's public vocabulary: input files, located diagnostics and the export kinds it reads.
 */
import type { Diagnostic } from '../../model/diagnostics';

/** One input file: its name (used for conventions and messages) and its text. */
export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

/** A diagnostic about one input file; `path` and `range` point into that file. */
export interface ImportDiagnostic extends Diagnostic {
  readonly file: string;
}

/** What `importFiles` produced: an `accessgraph/v1` value (when anything was imported) and every diagnostic. */
export interface ImportResult {
  readonly scenario: unknown;
  readonly diagnostics: readonly ImportDiagnostic[];
}

/** The AWS CLI outputs (and documented wrappers) recognised by content. */
export const EXPORT_KINDS = [
  'iam-authorization-details',
  'org-describe-organization',
  'org-list-roots',
  'org-organizational-units',
  'org-accounts',
  'org-children',
  'org-policies',
  'org-describe-policy',
  'org-policy-targets',
  'org-tree',
  'ram-resource-shares',
  'ram-resources',
  'ram-principals',
  'ram-associations',
  'ram-resource-policies',
  'resource-policy',
  'resource-policy-list',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
