/**
 * Lesson short links: `#lesson=<id>`, optionally `&step=<n>` (1-based, as people count) and
 * `&lang=<language>`. Whether the lesson exists is for the caller to check against the registry.
 */
import { isLanguage, LANGUAGES, type Language } from './languages';
import { err, ok, type Result } from './result';
import { shareError, type ShareError } from './shareError';
import { LESSON_ID_PATTERN, VIEW_LIMITS } from './shareView';

/** The fragment parameter that names a lesson. */
export const LESSON_PREFIX = 'lesson=';

/** A parsed lesson link; `step` is 0-based. */
export interface LessonLink {
  readonly id: string;
  readonly step: number;
  readonly language: Language | undefined;
}

/** The fragment (without `#`) that opens a lesson, at a 0-based step, in a language. */
export function encodeLessonLink(link: { readonly id: string; readonly step?: number; readonly language?: Language }): string {
  let out = LESSON_PREFIX + link.id;
  if (link.step !== undefined && link.step > 0) out += `&step=${link.step + 1}`;
  if (link.language !== undefined) out += `&lang=${link.language}`;
  return out;
}

/** Parses `lesson=<id>[&step=<n>][&lang=<language>]` (with or without `#`); unknown parameters are errors. */
export function parseLessonLink(fragment: string): Result<LessonLink, ShareError> {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!body.startsWith(LESSON_PREFIX) || body.length > 256) return err(bad('a lesson link looks like `#lesson=<id>` or `#lesson=<id>&step=2`'));
  const [first = '', ...rest] = body.split('&');
  const id = first.slice(LESSON_PREFIX.length);
  if (id.length > 64 || !LESSON_ID_PATTERN.test(id)) return err(bad(`\`${id}\` is not a lesson id`));
  let step = 0;
  let language: Language | undefined;
  const seen = new Set<string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (seen.has(key)) return err(bad(`\`${key}\` is given twice`));
    seen.add(key);
    if (key === 'step' && /^[1-9]\d{0,3}$/.test(value) && Number(value) <= VIEW_LIMITS.lessonSteps) step = Number(value) - 1;
    else if (key === 'step') return err(bad(`\`step=${value}\` is not a step number (1, 2, …)`));
    else if (key === 'lang' && isLanguage(value)) language = value;
    else if (key === 'lang') return err(bad(`\`lang=${value}\` is not one of ${LANGUAGES.map((l) => `\`${l}\``).join(', ')}`));
    else return err(bad(`unknown parameter \`${key}\``));
  }
  return ok({ id, step, language });
}

function bad(message: string): ShareError {
  return shareError('bad-lesson-link', message);
}
