import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../src/io/share/base64url';
import { SHARE_DICTIONARY_V1 } from '../../../src/io/share/dictionaryV1';
import { decodeShare, encodeShare, EMPTY_VIEW, MAX_CONTENT_BYTES, MAX_FRAGMENT_LENGTH, serializeShareView, type ShareView } from '../../../src/io/share/index';
import { LESSONS } from '../../../src/lessons/index';
import { lessonScenario } from '../../../src/lessons/lessonScenario';

const FIXTURES = new URL('../../fixtures/share/', import.meta.url);

/** A version-1 link around arbitrary text, bypassing the encoder's checks (what an attacker can send). */
function rawLink(text: string): string {
  return `s=1${encodeBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9, dictionary: SHARE_DICTIONARY_V1 }))}`;
}

function errorCode(fragment: string): string {
  const result = decodeShare(fragment);
  return result.ok ? 'ok' : result.error.code;
}

function encoded(input: Parameters<typeof encodeShare>[0]): string {
  const result = encodeShare(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const VIEW: ShareView = {
  selection: ['arn:aws:iam::222222222222:user/User2'],
  request: { principal: 'arn:aws:iam::222222222222:user/User2', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-a/report.csv', context: { 'sts:ExternalId': 'abc' } },
  lesson: { id: 'bucket-delegation', step: 3 },
  language: 'ja',
};

describe('version 1 stays readable forever', () => {
  it('pins the preset dictionary byte for byte', () => {
    expect(SHARE_DICTIONARY_V1.length).toBe(2796);
    expect(createHash('sha256').update(SHARE_DICTIONARY_V1).digest('hex')).toBe('47b6f23400cc1010fab7dc4bad58e287b15db56d0d1c987648e2372a62786f9c');
  });

  // Fixed inputs and their exact links. Decoding these is the contract; if only the encoding half fails
  // after a compressor upgrade, old links still open and the new output is equally valid.
  const GOLDEN: { name: string; input: Parameters<typeof encodeShare>[0]; link: string }[] = [
    { name: 'the smallest scenario', input: { scenarioText: '{"format":"accessgraph/v1"}' }, link: 's=1q67lwp0xawE' },
    {
      name: 'indented text and a view',
      input: { scenarioText: '{\n  "format": "accessgraph/v1",\n  "title": "Empty"\n}', view: { ...EMPTY_VIEW, selection: ['111111111111'], language: 'ja' } },
      link: 's=1A2ZmYMkLj1xDJACK3JzEvPRSUGlvpZSVqFTLRUwmds0tKAH6CAA',
    },
    { name: 'text that is not JSON', input: { scenarioText: 'not json {' }, link: 's=1q67lyssvUcgC5myFagA' },
  ];

  for (const golden of GOLDEN) {
    it(`encodes ${golden.name} exactly`, () => {
      expect(encodeShare(golden.input)).toStrictEqual({ ok: true, value: golden.link });
    });
  }

  it('decodes the golden links', () => {
    const [smallest, withView, notJson] = GOLDEN.map((g) => decodeShare(g.link));
    expect(smallest?.ok && smallest.value.scenarioText).toBe('{\n  "format": "accessgraph/v1"\n}');
    expect(smallest?.ok && smallest.value.scenario?.title).toBe('Untitled scenario');
    expect(withView?.ok && withView.value.view).toStrictEqual({ ...EMPTY_VIEW, selection: ['111111111111'], language: 'ja' });
    expect(withView?.ok && withView.value.scenarioText).toBe('{\n  "format": "accessgraph/v1",\n  "title": "Empty"\n}');
    expect(notJson?.ok && notJson.value.scenarioText).toBe('not json {');
  });

  const frozen = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  it('has frozen links to check', () => {
    expect(frozen.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of frozen) {
    const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { link: string; scenario: unknown; view: unknown };
    it(`opens the frozen link ${file}`, () => {
      const decoded = decodeShare(fixture.link);
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(JSON.parse(decoded.value.scenarioText)).toStrictEqual(fixture.scenario);
      expect(decoded.value.scenario).toBeDefined();
      expect(decoded.value.scenarioDiagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
      expect(serializeShareView(decoded.value.view)).toStrictEqual(fixture.view);
      expect(decoded.value.viewDiagnostics).toStrictEqual([]);
    });
  }
});

describe('round trips', () => {
  for (const lesson of LESSONS) {
    it(`carries lesson ${lesson.id} in both languages with a full view`, () => {
      for (const language of ['en', 'ja'] as const) {
        const scenario = lessonScenario(lesson, language);
        const decoded = decodeShare(`#${encoded({ scenario, view: VIEW })}`);
        if (!decoded.ok) throw new Error(decoded.error.message);
        expect(JSON.parse(decoded.value.scenarioText)).toStrictEqual(scenario);
        expect(decoded.value.scenarioText).toBe(JSON.stringify(scenario, null, 2));
        expect(decoded.value.scenario?.title).toBe(lesson.title[language]);
        expect(serializeShareView(decoded.value.view)).toStrictEqual(serializeShareView(VIEW));
      }
    });
  }

  it('gives the same link for indented and minified text', () => {
    const scenario = lessonScenario(LESSONS[0]!, 'en');
    expect(encoded({ scenarioText: JSON.stringify(scenario, null, 2) })).toBe(encoded({ scenarioText: JSON.stringify(scenario) }));
    expect(encoded({ scenarioText: JSON.stringify(scenario) })).toBe(encoded({ scenario }));
  });

  it('keeps text that is not valid JSON exactly, and reports it through the scenario parser', () => {
    const text = '{\n  "format": "accessgraph/v1",\n  "title": "half-typed",\n';
    const decoded = decodeShare(encoded({ scenarioText: text }));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.scenarioText).toBe(text);
    expect(decoded.value.scenario).toBeUndefined();
    expect(decoded.value.scenarioDiagnostics.map((d) => d.code)).toContain('json-syntax');
  });

  it('returns a scenario with validation errors with its diagnostics, not as a broken link', () => {
    const decoded = decodeShare(encoded({ scenario: { format: 'accessgraph/v1', acounts: [] } }));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.scenario).toBeUndefined();
    expect(decoded.value.scenarioDiagnostics.map((d) => [d.code, d.range?.line])).toStrictEqual([['unknown-key', 3]]);
  });
});

describe('broken links', () => {
  const link = encoded({ scenario: lessonScenario(LESSONS[0]!, 'en'), view: VIEW });

  it('reports every cut-off link as truncated', () => {
    for (let length = 'x=1'.length; length < link.length; length++) expect(errorCode(link.slice(0, length))).toBe('truncated');
  });

  it('reports a character that cannot be in a link, with its position', () => {
    const damaged = `${link.slice(0, 20)}!${link.slice(21)}`;
    const result = decodeShare(damaged);
    expect(result.ok ? 'ok' : result.error).toStrictEqual({
      code: 'corrupted',
      message: 'the link contains a character that is not part of a share link (character 18 after `#s=1`)',
      params: {},
    });
  });

  it('reports damaged compressed data as corrupted', () => {
    const damaged = `${link.slice(0, 20)}${link[20] === 'A' ? 'B' : 'A'}${link.slice(21)}`;
    expect(errorCode(damaged)).toBe('corrupted');
    expect(errorCode(rawLink('no newline, so no view'))).toBe('corrupted');
    expect(errorCode(rawLink('{"view": \n{}'))).toBe('corrupted');
    expect(errorCode(`s=1${encodeBase64Url(deflateSync(Uint8Array.from([0x7b, 0x7d, 0x0a, 0xff, 0xfe]), { dictionary: SHARE_DICTIONARY_V1 }))}`)).toBe('corrupted');
  });

  it('reports a link from a newer format version', () => {
    const result = decodeShare('#s=2AAAA');
    expect(result.ok ? 'ok' : result.error).toStrictEqual({
      code: 'unknown-version',
      message: 'this link has format version `2`, which this version of AccessGraph cannot read; it may come from a newer version',
      params: { version: '2' },
    });
    expect(errorCode('s=zAAAA')).toBe('unknown-version');
  });

  it('refuses an over-long link before decoding anything', () => {
    const result = decodeShare(`s=1${'!'.repeat(MAX_FRAGMENT_LENGTH)}`);
    expect(result.ok ? 'ok' : result.error.code).toBe('link-too-long');
    expect(result.ok ? undefined : result.error.params).toStrictEqual({ length: MAX_FRAGMENT_LENGTH + 3, limit: MAX_FRAGMENT_LENGTH });
  });

  it('stops a link that inflates beyond the content limit', () => {
    const bomb = rawLink(`{}\n${' '.repeat(MAX_CONTENT_BYTES)}`);
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
    expect(errorCode(bomb)).toBe('content-too-large');
  });

  it('says when the fragment is not a share link at all', () => {
    expect(errorCode('#lesson=x')).toBe('not-a-share-link');
    expect(errorCode('')).toBe('not-a-share-link');
  });
});

describe('making links', () => {
  it('refuses content over the limit', () => {
    const result = encodeShare({ scenarioText: `"${'x'.repeat(MAX_CONTENT_BYTES)}"` });
    expect(result.ok ? 'ok' : result.error.code).toBe('content-too-large');
  });

  it('refuses a link that would be too long to open', () => {
    let seed = 42;
    const noise = Array.from({ length: 200_000 }, () => {
      seed = (seed * 48271) % 2147483647; // MINSTD: deterministic, incompressible enough
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
    const result = encodeShare({ scenario: { format: 'accessgraph/v1', description: noise } });
    expect(result.ok ? 'ok' : result.error.code).toBe('link-too-long');
  });

  it('refuses a view the decoder would not restore', () => {
    const result = encodeShare({ scenarioText: '{}', view: { ...EMPTY_VIEW, selection: Array.from({ length: 65 }, (_, i) => `n${i}`) } });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-view');
  });
});

describe('no prototype pollution', () => {
  it('treats __proto__ and constructor keys in the view and the scenario as plain, reported keys', () => {
    const view = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"request":{"principal":"p","action":"a","resource":"r","context":{"__proto__":{"polluted":true},"sts:ExternalId":"x"}}}';
    const scenario = '{"format":"accessgraph/v1","__proto__":{"polluted":true},"accounts":[{"id":"111111111111","__proto__":{"polluted":true}}],"users":[{"arn":"arn:aws:iam::111111111111:user/u","tags":{"__proto__":"x","constructor":"y"}}]}';
    const decoded = decodeShare(rawLink(`${view}\n${scenario}`));
    if (!decoded.ok) throw new Error(decoded.error.message);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(decoded.value.view.request?.context)).toBeNull();
    expect(decoded.value.view.request?.context['sts:ExternalId']).toBe('x');
    expect(Object.hasOwn(decoded.value.view.request?.context ?? {}, '__proto__')).toBe(false);
    expect(decoded.value.viewDiagnostics.map((d) => `${d.code} ${d.path.join('.')}`)).toStrictEqual(['unknown-key __proto__', 'unknown-key constructor', 'bad-value request.context.__proto__']);
    expect(decoded.value.scenario).toBeUndefined();
    expect(decoded.value.scenarioDiagnostics.filter((d) => d.code === 'unknown-key').map((d) => d.path.join('.'))).toStrictEqual(['__proto__', 'accounts.0.__proto__']);
  });
});
