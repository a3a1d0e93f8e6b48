import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runShare, runUnshare } from '../../src/cli/shareCommand';
import { lessonById, lessonScenario } from '../../src/lessons/index';

function capture(): { out: string[]; err: string[]; io: { out(line: string): void; err(line: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line) => out.push(line), err: (line) => err.push(line) } };
}

const SCENARIO = JSON.stringify(lessonScenario(lessonById('external-id')!, 'en'), null, 2);

describe('accessgraph share', () => {
  it('prints one link under the given base and exits 0', () => {
    const c = capture();
    expect(runShare(SCENARIO, c.io, { base: 'http://127.0.0.1:4173/#old' })).toBe(0);
    expect(c.err).toStrictEqual([]);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=1[A-Za-z0-9_-]+$/);
  });

  it('prints just the fragment without a base', () => {
    const c = capture();
    expect(runShare(SCENARIO, c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^#s=1/);
  });

  it('refuses an invalid scenario with located diagnostics and exit 2', () => {
    const c = capture();
    expect(runShare('{\n  "format": "accessgraph/v1",\n  "acounts": []\n}', c.io, { file: 'bad.json' })).toBe(2);
    expect(c.out).toStrictEqual([]);
    expect(c.err).toStrictEqual(['bad.json:3:3: error: $.acounts: unknown key `acounts` (did you mean `accounts`?) [unknown-key]']);
  });
});

describe('accessgraph unshare', () => {
  it('prints the scenario of a link made by share', () => {
    const shared = capture();
    runShare(SCENARIO, shared.io, { base: 'http://127.0.0.1:4173/' });
    const c = capture();
    expect(runUnshare(shared.out[0]!, c.io)).toBe(0);
    expect(c.out).toStrictEqual([SCENARIO]);
    expect(c.err).toStrictEqual([]);
  });

  it('opens a frozen link', () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/share/v1-external-id-view.json', import.meta.url), 'utf8')) as { link: string; scenario: unknown };
    const c = capture();
    expect(runUnshare(`http://127.0.0.1:4173/${fixture.link}`, c.io)).toBe(0);
    expect(JSON.parse(c.out.join('\n'))).toStrictEqual(fixture.scenario);
  });

  it('explains a broken link and exits 2', () => {
    const c = capture();
    expect(runUnshare('http://127.0.0.1:4173/#s=1q67l', c.io)).toBe(2);
    expect(c.out).toStrictEqual([]);
    expect(c.err).toStrictEqual(['link: error: the link is incomplete: it was probably cut off when it was copied [truncated]']);
    const v = capture();
    expect(runUnshare('#s=7abc', v.io)).toBe(2);
    expect(v.err[0]).toMatch(/\[unknown-version\]$/);
  });

  it('prints a lesson link’s scenario in the link’s language', () => {
    const c = capture();
    expect(runUnshare('http://127.0.0.1:4173/#lesson=partitions&step=2&lang=ja', c.io)).toBe(0);
    expect(JSON.parse(c.out.join('\n'))).toStrictEqual(lessonScenario(lessonById('partitions')!, 'ja'));
    const unknown = capture();
    expect(runUnshare('#lesson=no-such-lesson', unknown.io)).toBe(2);
    expect(unknown.err).toStrictEqual(['link: error: there is no built-in lesson `no-such-lesson` [unknown-lesson]']);
  });
});
