/**
 * Policy variables (IAM-VARS): `${key}`, `${key, 'default'}` and the escapes `${*}`, `${?}`, `${$}`.
 * Substitution happens only in documents with `Version: 2012-10-17` (SEMANTICS §3.1); otherwise the
 * text is literal. A substituted value is literal text, never a wildcard (§3.6 choice). A variable whose
 * key is absent and has no default, or whose key holds several values, leaves the template unresolved.
 */
import type { GlobPart } from './glob';
import { ABSENT, PRESENT, UNKNOWN, type KeyLookup } from '../context/keyValue';

/** One piece of a template. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | {
      readonly kind: 'var';
      readonly key: string;
      readonly keyLower: string;
      readonly fallback: string | undefined;
    };

/** A policy string split into text, escapes and variables. */
export interface Template {
  readonly raw: string;
  readonly parts: readonly TemplatePart[];
  readonly hasVariables: boolean;
}

/** The outcome of substituting a template: its pieces, or why it has none. */
export type Substitution = readonly GlobPart[] | 'unresolved' | 'unknown';

const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /^\s*([^\s,'}]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/** Splits a policy string into a template; with variables disabled it is one piece of text. */
export function parseTemplate(raw: string, enabled: boolean): Template {
  if (!enabled || !raw.includes('${'))
    return { raw, parts: [{ kind: 'text', text: raw }], hasVariables: false };
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('${', i);
    const close = open < 0 ? -1 : raw.indexOf('}', open + 2);
    if (open < 0 || close < 0) {
      text += raw.slice(i);
      break;
    }
    text += raw.slice(i, open);
    const inner = raw.slice(open + 2, close);
    const escape = ESCAPES[inner];
    const variable = escape === undefined ? VARIABLE.exec(inner) : null;
    if (escape !== undefined || variable !== null) {
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      if (escape !== undefined) parts.push({ kind: 'literal', text: escape });
      else if (variable !== null) {
        const key = variable[1] ?? '';
        parts.push({ kind: 'var', key, keyLower: key.toLowerCase(), fallback: variable[2] });
      }
    } else {
      // Not a variable: the characters stay as written.
      text += raw.slice(open, close + 1);
    }
    i = close + 1;
  }
  if (text !== '') parts.push({ kind: 'text', text });
  return { raw, parts, hasVariables: parts.some((p) => p.kind !== 'text') };
}

/** Substitutes every variable; keys are read through `keys`. */
export function substitute(template: Template, keys: KeyLookup): Substitution {
  const out: GlobPart[] = [];
  let unknown = false;
  for (const part of template.parts) {
    if (part.kind === 'text') out.push({ text: part.text, literal: false });
    else if (part.kind === 'literal') out.push({ text: part.text, literal: true });
    else {
      const value = keys.value(part.keyLower);
      if (value === UNKNOWN || value === PRESENT) unknown = true;
      else if (value === ABSENT) {
        if (part.fallback === undefined) return 'unresolved';
        out.push({ text: part.fallback, literal: true });
      } else if (typeof value === 'string') out.push({ text: value, literal: true });
      else if (value.length === 1) out.push({ text: value[0] ?? '', literal: true });
      else return 'unresolved';
    }
  }
  return unknown ? 'unknown' : out;
}

/** The substituted text as one string (for operators that compare whole values). */
export function joinParts(parts: readonly GlobPart[]): string {
  let out = '';
  for (const part of parts) out += part.text;
  return out;
}

/** The variable keys a template reads, as written (for explanations). */
export function variableKeys(template: Template): string[] {
  return template.parts.flatMap((p) => (p.kind === 'var' ? [p.key] : []));
}
