import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../../../src/io/share/utf8';

describe('utf8', () => {
  it('encodes exactly like TextEncoder, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), (text, surrogates) => {
        const s = text + surrogates + text;
        expect(encodeUtf8(s)).toStrictEqual(new TextEncoder().encode(s));
      }),
    );
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(decodeUtf8(encodeUtf8(text))).toBe(text);
      }),
    );
  });

  it('decodes Japanese and emoji', () => {
    const text = 'クロスアカウント 🔑 IAM';
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
  });

  it('rejects malformed UTF-8 instead of replacing it', () => {
    const malformed = [
      [0x80], // continuation byte first
      [0xc0, 0x80], // overlong NUL
      [0xe0, 0x80, 0x80], // overlong
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xf5, 0x80, 0x80, 0x80], // invalid lead byte
      [0xe3, 0x81], // truncated sequence
      [0xe3, 0x41, 0x81], // missing continuation
    ];
    for (const bytes of malformed) expect(decodeUtf8(Uint8Array.from(bytes))).toBeUndefined();
  });

  it('agrees with a fatal TextDecoder on random bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(decodeUtf8(bytes)).toBe(expected);
      }),
    );
  });
});
