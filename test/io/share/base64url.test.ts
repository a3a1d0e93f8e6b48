import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../src/io/share/base64url';

function ascii(s: string): Uint8Array {
  return Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
}

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64Url(ascii(plain))).toBe(encoded);
      expect(decodeBase64Url(encoded)).toStrictEqual({ bytes: ascii(plain) });
    }
  });

  it('uses the URL alphabet (- and _ instead of + and /)', () => {
    expect(encodeBase64Url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeBase64Url(encodeBase64Url(bytes));
        expect(decoded).toStrictEqual({ bytes });
      }),
    );
  });

  it('reports a character outside the alphabet with its offset', () => {
    expect(decodeBase64Url('Zm9v+mFy')).toStrictEqual({ problem: { kind: 'bad-character', offset: 4 } });
    expect(decodeBase64Url('Zm9v=')).toStrictEqual({ problem: { kind: 'bad-character', offset: 4 } });
    expect(decodeBase64Url('Zm 9v')).toStrictEqual({ problem: { kind: 'bad-character', offset: 2 } });
  });

  it('reports a length no encoding can have', () => {
    expect(decodeBase64Url('Zm9vY')).toStrictEqual({ problem: { kind: 'bad-length' } });
  });

  it('reports non-zero padding bits (a non-canonical encoding)', () => {
    expect(decodeBase64Url('Zh')).toStrictEqual({ problem: { kind: 'bad-padding' } });
    expect(decodeBase64Url('Zm9')).toStrictEqual({ problem: { kind: 'bad-padding' } });
  });
});
