import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionPatternCovers, compileFormat, isConcretePattern, patternMeetsFormat, resourcePatternTokens } from '../../src/catalog/lint/globs';

/** Naive reference: an IAM action pattern as a case-insensitive regular expression. */
function actionRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

/** Naive reference for `resourcePatternTokens`, written from its documentation. */
function patternRegex(pattern: string): RegExp {
  let source = '';
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    const inResource = colons >= 5;
    if (c === '*') source += inResource || i === pattern.length - 1 ? '.*' : '[^:]*';
    else if (c === '?') source += inResource ? '.' : '[^:]';
    else {
      if (c === ':') colons++;
      source += c === '/' ? '\\/' : c;
    }
  }
  return new RegExp(`^${source}$`, 's');
}

/** Naive reference for `compileFormat`, written from its documentation. */
function formatRegex(format: string, lenient: boolean): RegExp {
  let source = '';
  let colons = 0;
  for (const piece of format.split(/(\$\{[^}]*\}|\*)/)) {
    if (piece === '') continue;
    const inResource = colons >= 5;
    if (piece === '*') source += inResource ? '.*' : '[^:]*';
    else if (piece.startsWith('${')) source += !inResource ? (lenient ? '[^:]*' : '[^:]+') : lenient ? '.+' : '[^/]+';
    else {
      colons += piece.split(':').length - 1;
      source += piece.replace(/\//g, '\\/');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

/** Every string over `a`, `:` and `/` up to `max` characters after `head`, until `found` says stop. */
function someString(head: string, max: number, found: (s: string) => boolean): boolean {
  let layer = [''];
  for (let length = 0; length <= max; length++) {
    if (layer.some((s) => found(head + s))) return true;
    layer = layer.flatMap((s) => [`${s}a`, `${s}:`, `${s}/`]);
  }
  return false;
}

describe('actionPatternCovers', () => {
  it('answers the cases the lint relies on', () => {
    const cases: [string, string][] = [
      ['s3:*', 's3:Get*'],
      ['s3:Get*', 's3:GetObject'],
      ['*', 'iam:PassRole'],
      ['s3:Get?bject', 's3:getobject'],
      ['s3:Get*', 's3:*'],
      ['s3:a?', 's3:a*'],
      ['s3:GetObject', 's3:GetObject*'],
      ['s3:*Object', 's3:Get*'],
    ];
    expect(cases.map(([outer, inner]) => actionPatternCovers(outer, inner))).toStrictEqual([true, true, true, true, false, false, false, false]);
  });

  it('never claims a cover that a string contradicts (naive regex oracle)', () => {
    const pattern = fc.stringMatching(/^[ab*?]{0,5}$/);
    fc.assert(
      fc.property(pattern, pattern, fc.stringMatching(/^[abAB]{0,7}$/), (outer, inner, name) => {
        if (actionPatternCovers(outer, inner) && actionRegex(inner).test(name)) expect(actionRegex(outer).test(name)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a cover whenever the languages are equal literal strings', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z:]{1,8}$/), (name) => actionPatternCovers(name.toUpperCase(), name) && actionPatternCovers('*', name)));
  });
});

describe('patternMeetsFormat', () => {
  it('tells an S3 object from its bucket, including through wildcards', () => {
    const bucket = compileFormat('arn:${Partition}:s3:::${BucketName}');
    const object = compileFormat('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    const meets = (pattern: string): unknown[] => [patternMeetsFormat(resourcePatternTokens(pattern), bucket), patternMeetsFormat(resourcePatternTokens(pattern), object)];
    expect([meets('arn:aws:s3:::b'), meets('arn:aws:s3:::b/*'), meets('arn:aws:s3:::b*'), meets('arn:aws:s3:::b/a/b'), meets('arn:aws:s3:us-east-1:111111111111:b')]).toStrictEqual([
      ['strict', undefined],
      ['lenient', 'strict'],
      ['strict', 'strict'],
      ['lenient', 'lenient'],
      [undefined, undefined],
    ]);
  });

  it('keeps first-field wildcards inside their field, except a trailing one', () => {
    const role = compileFormat('arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}');
    const profile = compileFormat('arn:${Partition}:iam::${Account}:instance-profile/${InstanceProfileNameWithPath}');
    expect([
      patternMeetsFormat(resourcePatternTokens('arn:aws:iam::*:instance-profile/p'), role),
      patternMeetsFormat(resourcePatternTokens('arn:aws:iam::*:instance-profile/p'), profile),
      patternMeetsFormat(resourcePatternTokens('arn:aws:iam::*'), role),
      patternMeetsFormat(resourcePatternTokens('arn:aws:iam::${aws:username}:role/x'), role),
    ]).toStrictEqual([undefined, 'strict', 'strict', 'strict']);
  });

  it('treats escaped variables as literal characters and other variables as wildcards', () => {
    expect(resourcePatternTokens('a${x}')).toStrictEqual([
      { set: { kind: 'char', char: 'a' }, repeat: false },
      { set: { kind: 'not', chars: ':' }, repeat: true },
    ]);
    const tokens = resourcePatternTokens(':::::a${*}b${aws:username}');
    expect(tokens.slice(5)).toStrictEqual([
      { set: { kind: 'char', char: 'a' }, repeat: false },
      { set: { kind: 'char', char: '*' }, repeat: false },
      { set: { kind: 'char', char: 'b' }, repeat: false },
      { set: { kind: 'any' }, repeat: true },
    ]);
    expect(['arn:aws:s3:::b', 'arn:aws:s3:::b/*', 'arn:aws:s3:::${aws:username}', 'arn:aws:s3:::b?'].map(isConcretePattern)).toStrictEqual([true, false, false, false]);
  });

  it('agrees with a brute-force search for a common string (naive regex oracle)', () => {
    // Each character of a shortest common string uses up a non-repeated token of one side, and each side
    // has at most three: six characters after the head are enough to find one when it exists.
    const head = fc.constantFrom('', ':::::');
    const pattern = fc.array(fc.constantFrom('a', ':', '/', '*', '?'), { maxLength: 3 }).map((parts) => parts.join(''));
    const format = fc.array(fc.constantFrom('a', ':', '/', '*', '${X}'), { maxLength: 3 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(head, pattern, format, (h, p, f) => {
        const pr = patternRegex(h + p);
        const expected = (lenient: boolean): boolean => someString(h, 6, (s) => pr.test(s) && formatRegex(h + f, lenient).test(s));
        const meets = patternMeetsFormat(resourcePatternTokens(h + p), compileFormat(h + f));
        expect(meets).toBe(expected(false) ? 'strict' : expected(true) ? 'lenient' : undefined);
      }),
      { numRuns: 1000 },
    );
  });
});
