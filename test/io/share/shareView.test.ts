import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, parseShareView, serializeShareView, VIEW_LIMITS, type ShareView } from '../../../src/io/share/shareView';

const FULL: ShareView = {
  selection: ['arn:aws:iam::222222222222:user/User2', '111111111111'],
  request: { principal: 'arn:aws:iam::222222222222:user/User2', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-a/report.csv', context: { 'sts:ExternalId': 'x', 'aws:PrincipalTag/team': ['a', 'b'] } },
  lesson: { id: 'bucket-delegation', step: 2 },
  language: 'ja',
};

function messages(value: unknown): string[] {
  return parseShareView(value).diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);
}

describe('parseShareView', () => {
  it('reads back what serializeShareView writes', () => {
    const parsed = parseShareView(serializeShareView(FULL));
    expect(parsed.diagnostics).toStrictEqual([]);
    expect({ ...parsed.view, request: parsed.view.request && { ...parsed.view.request, context: { ...parsed.view.request.context } } }).toStrictEqual(FULL);
    expect(parseShareView(serializeShareView(EMPTY_VIEW))).toStrictEqual({ view: EMPTY_VIEW, diagnostics: [] });
  });

  it('writes only what is set, in a fixed order', () => {
    expect(JSON.stringify(serializeShareView({ ...EMPTY_VIEW, language: 'en', selection: ['a'] }))).toBe('{"selection":["a"],"language":"en"}');
    expect(serializeShareView(EMPTY_VIEW)).toStrictEqual({});
  });

  it('drops and reports unknown keys and bad values, keeping the rest', () => {
    const parsed = parseShareView({ selection: ['ok', 7], language: 'fr', lesson: { id: 'Bad Id' }, zoom: 3, request: { principal: 'p', action: 'a' } });
    expect(parsed.view).toStrictEqual({ selection: ['ok'], request: undefined, lesson: undefined, language: undefined });
    expect(parsed.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(messages({ selection: ['ok', 7], language: 'fr', lesson: { id: 'Bad Id' }, zoom: 3, request: { principal: 'p', action: 'a' } })).toStrictEqual([
      'unknown-key zoom',
      'wrong-type selection.1',
      'wrong-type request.resource',
      'bad-value lesson.id',
      'bad-value language',
    ]);
  });

  it('caps the size of every part', () => {
    expect(messages({ selection: Array.from({ length: VIEW_LIMITS.selection + 1 }, (_, i) => `n${i}`) })).toStrictEqual(['bad-value selection']);
    expect(messages({ selection: ['x'.repeat(VIEW_LIMITS.idLength + 1)] })).toStrictEqual(['bad-value selection.0']);
    expect(messages({ lesson: { id: 'a', step: VIEW_LIMITS.lessonSteps } })).toStrictEqual(['bad-value lesson.step']);
    expect(messages({ lesson: { id: 'a', step: 1.5 } })).toStrictEqual(['bad-value lesson.step']);
  });

  it('accepts only condition keys in the request context', () => {
    const parsed = parseShareView({ request: { principal: 'p', action: 'a', resource: 'r', context: { 'sts:ExternalId': 'x', nokey: 'y', 'aws:SourceIp': 5 } } });
    expect(parsed.view.request?.context).toStrictEqual(Object.assign(Object.create(null), { 'sts:ExternalId': 'x' }));
    expect(parsed.diagnostics.map((d) => d.path.join('.'))).toStrictEqual(['request.context.nokey', 'request.context.aws:SourceIp']);
  });

  it('reports a view that is not an object', () => {
    expect(messages([1])).toStrictEqual(['wrong-type ']);
    expect(parseShareView('x').view).toStrictEqual(EMPTY_VIEW);
  });
});
