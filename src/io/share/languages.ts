/**
 * The languages AccessGraph speaks. A share link may carry one, lessons are written in each, and the
 * UI's message catalogues are keyed by them.
 */

/** Supported languages, as BCP 47 primary subtags. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** True when `value` is a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language among preferred language tags (`navigator.languages` order), matched on
 * the primary subtag (`ja-JP` → `ja`); English when none matches.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}
