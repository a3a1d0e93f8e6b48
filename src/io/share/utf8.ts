/**
 * UTF-8 without `TextEncoder`/`TextDecoder`, which the pure layers' ES-only lib does not declare. The
 * decoder is strict: any malformed sequence makes it fail, so a corrupted link is reported, not mangled.
 */

/** Encodes a string as UTF-8; a lone surrogate becomes U+FFFD, as `TextEncoder` does. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(out);
}

/** Decodes strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF); `undefined` if malformed. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    let code: number;
    let length: number;
    if (b < 0x80) [code, length] = [b, 1];
    else if (b >= 0xc2 && b < 0xe0) [code, length] = [b & 31, 2];
    else if (b >= 0xe0 && b < 0xf0) [code, length] = [b & 15, 3];
    else if (b >= 0xf0 && b < 0xf5) [code, length] = [b & 7, 4];
    else return undefined;
    if (i + length > bytes.length) return undefined;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return undefined;
      code = (code << 6) | (c & 63);
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][length] ?? 0;
    if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    if (code >= 0x10000) chunk.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 1023));
    else chunk.push(code);
    if (chunk.length >= 4096) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
    i += length;
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}
