/**
 * A 64-bit structural hash (two 32-bit FNV-1a lanes) of JSON-like values and strings, fed piece by
 * piece. Fingerprinting a fresh parse used to build `JSON.stringify` texts of every document and join
 * them before hashing: about a tenth of an incremental analysis at M went to those texts and the
 * collections they caused. Hashing the values in place gives the same kind of 64-bit fingerprint without
 * the intermediate strings.
 *
 * Each piece is tagged and strings are length-prefixed, so that different values never feed the same
 * sequence (`["ab"]` and `["a","b"]`, `{a:1}` and `["a",1]`, `"1"` and `1` all differ). Object keys are
 * fed in their own order, as `JSON.stringify` writes them; properties whose value is `undefined` are
 * skipped, as `JSON.stringify` skips them.
 */
import type { PolicyDocument } from './policy';

const SEED_A = 0x811c9dc5;
const SEED_B = 0x9e3779b9;
const PRIME = 0x01000193;

const TAG_STRING = 1;
const TAG_NUMBER = 2;
const TAG_TRUE = 3;
const TAG_FALSE = 4;
const TAG_NULL = 5;
const TAG_ARRAY = 6;
const TAG_OBJECT = 7;
const TAG_END = 8;
const TAG_SEPARATOR = 9;

/** Two hex digits per byte value: `Number#toString(16)` and `padStart` were a twentieth of fingerprinting. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (HEX[n >>> 24] as string) + (HEX[(n >>> 16) & 0xff] as string) + (HEX[(n >>> 8) & 0xff] as string) + (HEX[n & 0xff] as string);
}

/** Accumulates pieces into a 64-bit hash; `digest` gives it as 16 hex digits. */
export class StructuralHash {
  private a = SEED_A;
  private b = SEED_B;

  private code(c: number): void {
    this.a = Math.imul(this.a ^ c, PRIME) >>> 0;
    // The second lane mixes differently so that the lanes do not collide together.
    this.b = Math.imul((this.b ^ c) + 0x5bd1e995, PRIME) >>> 0;
  }

  /** Feeds a string, tagged and length-prefixed. */
  string(text: string): this {
    this.code(TAG_STRING);
    this.code(text.length & 0xffff);
    this.code(text.length >>> 16);
    // The lanes in locals: strings are most of what is hashed, and field writes per character cost twice.
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, PRIME) >>> 0;
      b = Math.imul((b ^ c) + 0x5bd1e995, PRIME) >>> 0;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** Feeds a separator between top-level parts (for readers of the part list, not of the values). */
  separator(): this {
    this.code(TAG_SEPARATOR);
    return this;
  }

  /** Feeds a JSON-like value (strings, finite numbers, booleans, null, arrays, plain objects). */
  value(value: unknown): this {
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number') {
      this.code(TAG_NUMBER);
      return this.string(String(value));
    }
    if (value === true) this.code(TAG_TRUE);
    else if (value === false) this.code(TAG_FALSE);
    else if (value === null || value === undefined) this.code(TAG_NULL);
    else if (Array.isArray(value)) {
      this.code(TAG_ARRAY);
      for (const item of value as readonly unknown[]) this.value(item);
      this.code(TAG_END);
    } else if (typeof value === 'object') {
      this.code(TAG_OBJECT);
      const record = value as Record<string, unknown>;
      // `Object.keys` rather than `for…in` with `Object.hasOwn`: a third of the walk went to the latter.
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const item = record[key];
        if (item === undefined) continue;
        this.string(key);
        this.value(item);
      }
      this.code(TAG_END);
    } else {
      // Functions, symbols and bigints do not occur in parsed scenarios; hash their type.
      this.string(typeof value);
    }
    return this;
  }

  /** The hash as 16 hex digits. */
  digest(): string {
    return hex32(this.a) + hex32(this.b);
  }
}

/** The 16-hex-digit structural hash of one value. */
export function hashValue(value: unknown): string {
  return new StructuralHash().value(value).digest();
}

const documentHashes = new WeakMap<PolicyDocument, string>();

/**
 * The hash of a policy document (its statements, validity and location), once per document object:
 * analysis fingerprints and the engine's compiled-policy reuse both ask, for the same parsed documents.
 */
export function documentHash(document: PolicyDocument): string {
  let hash = documentHashes.get(document);
  if (hash === undefined) {
    hash = hashValue(document);
    documentHashes.set(document, hash);
  }
  return hash;
}
