/**
 * Base64url (RFC 4648 §5) without padding: the alphabet that survives in a URL fragment unescaped.
 * Decoding is strict: a character outside the alphabet, an impossible length or non-zero padding bits
 * are reported, never skipped.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Encodes bytes as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    out += ALPHABET[(n >> 18) & 63] ?? '';
    out += ALPHABET[(n >> 12) & 63] ?? '';
    if (left > 1) out += ALPHABET[(n >> 6) & 63] ?? '';
    if (left > 2) out += ALPHABET[n & 63] ?? '';
  }
  return out;
}

/** Why base64url text did not decode. */
export type Base64UrlProblem =
  | { readonly kind: 'bad-character'; readonly offset: number }
  | { readonly kind: 'bad-length' }
  | { readonly kind: 'bad-padding' };

/** Decodes unpadded base64url, or says what is wrong with it (a bad character before a bad length). */
export function decodeBase64Url(text: string): { readonly bytes: Uint8Array } | { readonly problem: Base64UrlProblem } {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES.get(text[i] ?? '');
    if (value === undefined) return { problem: { kind: 'bad-character', offset: i } };
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  if (text.length % 4 === 1) return { problem: { kind: 'bad-length' } };
  // INVARIANT: what is left over are padding bits; a canonical encoding leaves them zero.
  if ((buffer & ((1 << bits) - 1)) !== 0) return { problem: { kind: 'bad-padding' } };
  return { bytes: out };
}
