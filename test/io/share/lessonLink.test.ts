import { describe, expect, it } from 'vitest';
import { encodeLessonLink, parseLessonLink } from '../../../src/io/share/lessonLink';
import { fragmentOf, parseFragment } from '../../../src/io/share/parseFragment';

describe('lesson links', () => {
  it('encodes 0-based steps as 1-based link parameters and back', () => {
    expect(encodeLessonLink({ id: 'partner-role' })).toBe('lesson=partner-role');
    expect(encodeLessonLink({ id: 'partner-role', step: 0, language: 'en' })).toBe('lesson=partner-role&lang=en');
    expect(encodeLessonLink({ id: 'partner-role', step: 2, language: 'ja' })).toBe('lesson=partner-role&step=3&lang=ja');
    expect(parseLessonLink('#lesson=partner-role&step=3&lang=ja')).toStrictEqual({ ok: true, value: { id: 'partner-role', step: 2, language: 'ja' } });
    expect(parseLessonLink('lesson=partner-role')).toStrictEqual({ ok: true, value: { id: 'partner-role', step: 0, language: undefined } });
  });

  it('refuses anything it does not understand', () => {
    const bad = ['lesson=', 'lesson=Partner', 'lesson=a&step=0', 'lesson=a&step=x', 'lesson=a&step=2&step=3', 'lesson=a&lang=fr', 'lesson=a&zoom=2', 'lesson=__proto__', `lesson=${'a'.repeat(65)}`];
    for (const fragment of bad) {
      const result = parseLessonLink(fragment);
      expect(result.ok ? 'ok' : result.error.code).toBe('bad-lesson-link');
    }
  });
});

describe('parseFragment', () => {
  it('tells shares, lessons and nothing apart', () => {
    expect(parseFragment('')).toStrictEqual({ ok: true, value: { kind: 'none' } });
    expect(parseFragment('#')).toStrictEqual({ ok: true, value: { kind: 'none' } });
    expect(parseFragment('#lesson=external-id')).toStrictEqual({ ok: true, value: { kind: 'lesson', lesson: { id: 'external-id', step: 0, language: undefined } } });
    const share = parseFragment('#s=1');
    expect(share.ok ? 'ok' : share.error.code).toBe('truncated');
    const other = parseFragment('#section-2');
    expect(other.ok ? 'ok' : other.error.code).toBe('not-a-share-link');
  });

  it('takes the fragment out of a full URL', () => {
    expect(fragmentOf('http://127.0.0.1:5173/#s=1abc')).toBe('s=1abc');
    expect(fragmentOf('  #lesson=a ')).toBe('lesson=a');
    expect(fragmentOf('s=1abc')).toBe('s=1abc');
  });
});
