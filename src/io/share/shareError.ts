/**
 * Why a link could not be made or opened. The code is stable (the UI turns it into a sentence in the
 * user's language, tests match on it); the message is a plain English fallback for the CLI.
 */

/** Stable share-link error codes. */
export const SHARE_ERROR_CODES = [
  // opening a link
  'not-a-share-link',
  'link-too-long',
  'unknown-version',
  'truncated',
  'corrupted',
  'content-too-large',
  'bad-lesson-link',
  // making a link
  'invalid-view',
] as const;
export type ShareErrorCode = (typeof SHARE_ERROR_CODES)[number];

/** A share-link error with the values its message mentions. */
export interface ShareError {
  readonly code: ShareErrorCode;
  /** Lowercase, no trailing period, user input in backticks (STYLE.md rule 6). */
  readonly message: string;
  /** The numbers and names in the message, for translated messages (`{limit}`, `{version}`, …). */
  readonly params: Readonly<Record<string, string | number>>;
}

/** Builds a `ShareError`. */
export function shareError(code: ShareErrorCode, message: string, params: Readonly<Record<string, string | number>> = {}): ShareError {
  return { code, message, params };
}
