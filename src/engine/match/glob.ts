/**
 * IAM wildcard matching: `*` matches any run of characters (empty included) and `?` exactly one
 * [IAM-ACTION, IAM-RESOURCE, IAM-CONDOPS]. Patterns are compiled once; text that came from a
 * policy-variable substitution or an escape (`${*}`) is literal, so its `*` and `?` match only
 * themselves (SEMANTICS §3.6). Case folding is the caller's job: compile and match lower-cased text
 * for case-insensitive fields.
 */
import { canonical } from './canonical';

/** One piece of a pattern: wildcard-active text, or literal text. */
export interface GlobPart {
  readonly text: string;
  readonly literal: boolean;
}

/** A compiled pattern, specialised to the cheapest test that is exact for it. */
export type Glob =
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'prefix'; readonly text: string }
  | { readonly kind: 'suffix'; readonly text: string }
  | { readonly kind: 'general'; readonly codes: Int32Array };

const STAR = -1;
const ONE = -2;
const ANY: Glob = { kind: 'any' };

// Compiled globs are immutable, so equal patterns share one (bounded): the same account, region and bucket
// globs recur across thousands of statements, and one shared object stays in cache where copies would not.
const INTERNED = new Map<string, Glob>();
const INTERN_LIMIT = 50_000;

/** Compiles a pattern whose every `*` and `?` is a wildcard. */
export function compileGlob(pattern: string): Glob {
  let glob = INTERNED.get(pattern);
  if (glob === undefined) {
    glob = withCanonicalText(globFromParts([{ text: pattern, literal: false }]));
    if (INTERNED.size >= INTERN_LIMIT) INTERNED.clear();
    INTERNED.set(pattern, glob);
  }
  return glob;
}

/** The glob with its text canonical (canonical.ts): compiled globs are compared against request fields. */
function withCanonicalText(glob: Glob): Glob {
  return 'text' in glob ? { kind: glob.kind, text: canonical(glob.text) } : glob;
}

/** Compiles a pattern made of wildcard-active and literal pieces. */
export function globFromParts(parts: readonly GlobPart[]): Glob {
  const codes: number[] = [];
  for (const part of parts) {
    for (let i = 0; i < part.text.length; i++) {
      const c = part.text.charCodeAt(i);
      if (!part.literal && c === 42) {
        // Consecutive stars are one star.
        if (codes[codes.length - 1] !== STAR) codes.push(STAR);
      } else if (!part.literal && c === 63) codes.push(ONE);
      else codes.push(c);
    }
  }
  return specialise(codes);
}

function fromCodes(codes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

function specialise(codes: number[]): Glob {
  if (codes.length === 1 && codes[0] === STAR) return ANY;
  const wild = codes.reduce((n, c) => n + (c < 0 ? 1 : 0), 0);
  if (wild === 0) return { kind: 'exact', text: fromCodes(codes) };
  if (wild === 1 && codes[codes.length - 1] === STAR)
    return { kind: 'prefix', text: fromCodes(codes.slice(0, -1)) };
  if (wild === 1 && codes[0] === STAR) return { kind: 'suffix', text: fromCodes(codes.slice(1)) };
  return { kind: 'general', codes: Int32Array.from(codes) };
}

/** True when `text` matches the whole pattern. */
export function matchGlob(glob: Glob, text: string): boolean {
  switch (glob.kind) {
    case 'any':
      return true;
    case 'exact':
      return text === glob.text;
    case 'prefix':
      return text.startsWith(glob.text);
    case 'suffix':
      return text.endsWith(glob.text);
    case 'general':
      return matchCodes(glob.codes, text);
  }
}

/**
 * The classic linear-time wildcard match with one backtrack point: correct because `*` matches any
 * run, so only the most recent star ever needs to grow.
 */
function matchCodes(p: Int32Array, s: string): boolean {
  const pn = p.length;
  const sn = s.length;
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < sn) {
    if (pi < pn) {
      const c = p[pi] as number;
      if (c === ONE || c === s.charCodeAt(si)) {
        pi++;
        si++;
        continue;
      }
      if (c === STAR) {
        star = pi++;
        mark = si;
        continue;
      }
    }
    if (star < 0) return false;
    pi = star + 1;
    si = ++mark;
  }
  while (pi < pn && p[pi] === STAR) pi++;
  return pi === pn;
}

/** True when the text holds a wildcard character (`*` or `?`). */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
