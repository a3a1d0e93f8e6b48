/**
 * The string family [IAM-CONDOPS "String condition operators"]: `StringEquals` and `StringNotEquals`
 * (case-sensitive, `*` and `?` literal), the `IgnoreCase` pair, and `StringLike` / `StringNotLike`
 * (case-sensitive globs). Policy variables are substituted as literal text (SEMANTICS §3.6).
 */
import { canonical } from '../match/canonical';
import { compileGlob, globFromParts, matchGlob, type Glob } from '../match/glob';
import { joinParts, parseTemplate, substitute, type Template } from '../match/variables';
import { F, T, U, type KeyLookup } from '../context/keyValue';
import type { TestResult, ValueTest } from './valueTest';

/** The string operators, without negation (the driver negates). */
export const STRING_COMPARISONS = ['equals', 'equalsIgnoreCase', 'like'] as const;
/** One string comparison. */
export type StringComparison = (typeof STRING_COMPARISONS)[number];

function fold(text: string, ignoreCase: boolean): string {
  return ignoreCase ? text.toLowerCase() : text;
}

/** Compiles the policy values of a string condition. */
export function compileStringTest(
  comparison: StringComparison,
  values: readonly string[],
  variablesEnabled: boolean,
): ValueTest {
  const templates = values.map((v) => parseTemplate(v, variablesEnabled));
  const ignoreCase = comparison === 'equalsIgnoreCase';
  const fixed = templates.filter((t) => !t.hasVariables);
  const dynamic = templates.filter((t) => t.hasVariables);
  if (comparison === 'like') {
    const globs = fixed.map((t) => compileGlob(t.raw));
    return (r, keys) => likeTest(globs, dynamic, r, keys);
  }
  // Canonical values (match/canonical.ts): a fact value equal to one is found by identity.
  const set = new Set(fixed.map((t) => canonical(fold(t.raw, ignoreCase))));
  return (r, keys) => equalsTest(set, dynamic, ignoreCase, r, keys);
}

function equalsTest(
  set: ReadonlySet<string>,
  dynamic: readonly Template[],
  ignoreCase: boolean,
  r: string,
  keys: KeyLookup,
): TestResult {
  const value = fold(r, ignoreCase);
  if (set.has(value)) return T;
  let result: TestResult = F;
  for (const template of dynamic) {
    const parts = substitute(template, keys);
    if (parts === 'unknown') result = U;
    else if (parts !== 'unresolved' && fold(joinParts(parts), ignoreCase) === value) return T;
  }
  return result;
}

function likeTest(
  globs: readonly Glob[],
  dynamic: readonly Template[],
  r: string,
  keys: KeyLookup,
): TestResult {
  for (const glob of globs) if (matchGlob(glob, r)) return T;
  let result: TestResult = F;
  for (const template of dynamic) {
    const parts = substitute(template, keys);
    if (parts === 'unknown') result = U;
    else if (parts !== 'unresolved' && matchGlob(globFromParts(parts), r)) return T;
  }
  return result;
}
