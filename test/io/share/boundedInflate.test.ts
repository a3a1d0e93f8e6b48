import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateBounded } from '../../../src/io/share/boundedInflate';

const text = new TextEncoder().encode('{"Effect":"Allow","Action":"s3:GetObject"} '.repeat(200));

describe('inflateBounded', () => {
  it('inflates raw DEFLATE, with and without a preset dictionary', () => {
    expect(inflateBounded(deflateSync(text, { level: 9 }), 1 << 20)).toStrictEqual({ ok: true, value: text });
    const dictionary = new TextEncoder().encode('"Action":"s3:GetObject"');
    expect(inflateBounded(deflateSync(text, { level: 9, dictionary }), 1 << 20, dictionary)).toStrictEqual({ ok: true, value: text });
  });

  it('reports every proper prefix of a stream as truncated, never as data', () => {
    const compressed = deflateSync(text, { level: 9 });
    for (let cut = 0; cut < compressed.length; cut++) {
      expect(inflateBounded(compressed.subarray(0, cut), 1 << 20)).toStrictEqual({ ok: false, error: 'truncated' });
    }
  });

  it('accepts output of exactly the limit and refuses one byte more', () => {
    const compressed = deflateSync(text, { level: 9 });
    expect(inflateBounded(compressed, text.length).ok).toBe(true);
    expect(inflateBounded(compressed, text.length - 1)).toStrictEqual({ ok: false, error: 'too-large' });
  });

  it('stops a decompression bomb at the limit instead of inflating it', () => {
    // 16 MiB of zeros compresses to about 16 KB; the limit is 256 KiB.
    const bomb = deflateSync(new Uint8Array(16 << 20), { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    expect(inflateBounded(bomb, 256 << 10)).toStrictEqual({ ok: false, error: 'too-large' });
  });

  it('reports damaged data and a wrong dictionary as corrupted', () => {
    expect(inflateBounded(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 1 << 20)).toStrictEqual({ ok: false, error: 'corrupted' });
    const dictionary = new TextEncoder().encode('"Action":"s3:GetObject"');
    expect(inflateBounded(deflateSync(text, { level: 9, dictionary }), 1 << 20)).toStrictEqual({ ok: false, error: 'corrupted' });
  });

  it('reports empty input as truncated', () => {
    expect(inflateBounded(new Uint8Array(0), 10)).toStrictEqual({ ok: false, error: 'truncated' });
  });
});
