/**
 * What the page's fragment asks for: a shared scenario, a lesson, or nothing. The app calls this once
 * on load and on every `hashchange`.
 */
import { parseLessonLink, LESSON_PREFIX, type LessonLink } from './lessonLink';
import { err, ok, type Result } from './result';
import { decodeShare, SHARE_PREFIX, type DecodedShare } from './shareCodec';
import { shareError, type ShareError } from './shareError';

/** The meaning of a fragment. */
export type FragmentRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'share'; readonly share: DecodedShare }
  | { readonly kind: 'lesson'; readonly lesson: LessonLink };

/** Interprets `location.hash` (with or without `#`); an empty fragment asks for nothing. */
export function parseFragment(hash: string): Result<FragmentRequest, ShareError> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return ok({ kind: 'none' });
  if (body.startsWith(SHARE_PREFIX)) {
    const share = decodeShare(body);
    return share.ok ? ok({ kind: 'share', share: share.value }) : share;
  }
  if (body.startsWith(LESSON_PREFIX)) {
    const lesson = parseLessonLink(body);
    return lesson.ok ? ok({ kind: 'lesson', lesson: lesson.value }) : lesson;
  }
  return err(shareError('not-a-share-link', 'the address ends in something AccessGraph does not understand: a share link starts with `#s=`, a lesson link with `#lesson=`'));
}

/** The fragment of a full URL, or the text itself when it is already a fragment (for `accessgraph unshare`). */
export function fragmentOf(urlOrFragment: string): string {
  const text = urlOrFragment.trim();
  const hash = text.indexOf('#');
  return hash >= 0 ? text.slice(hash + 1) : text;
}
