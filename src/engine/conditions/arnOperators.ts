/**
 * The ARN family [IAM-CONDOPS "Amazon Resource Name (ARN) condition operators"]: `ArnEquals` and
 * `ArnLike` behave the same (wildcards work in both, conformance T101), as do their negations. The
 * value is compared field by field — partition, service, region, account, resource — so a `*` cannot
 * eat the colons between the first five fields (T100). Case-sensitive. Policy variables are substituted
 * as literal text. A request value that is not an ARN, or a policy value with fewer than six fields,
 * makes the condition false (SEMANTICS §4 choice).
 */
import { globFromParts, matchGlob, type Glob, type GlobPart } from '../match/glob';
import { parseTemplate, substitute, type Template } from '../match/variables';
import { F, T, U, type KeyLookup } from '../context/keyValue';
import { INVALID, type TestResult, type ValueTest } from './valueTest';

/** The five compared fields of an ARN pattern; `undefined` for a lone `*` (every ARN). */
type ArnPattern = readonly Glob[] | undefined;

/** Splits an ARN into `[partition, service, region, account, resource]`, or `undefined`. */
export function splitArn(value: string): string[] | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const fields: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = value.indexOf(':', start);
    if (colon < 0) return undefined;
    fields.push(value.slice(start, colon));
    start = colon + 1;
  }
  fields.push(value.slice(start));
  return fields;
}

/** Builds the field globs of a substituted pattern, or `'invalid'` when it has fewer than six fields. */
function patternOf(parts: readonly GlobPart[]): ArnPattern | 'invalid' {
  if (parts.length === 1 && parts[0]?.text === '*' && !parts[0].literal) return undefined;
  const fields: GlobPart[][] = [[]];
  for (const part of parts) {
    let rest = part.text;
    while (fields.length < 6) {
      const colon = rest.indexOf(':');
      if (colon < 0) break;
      (fields[fields.length - 1] as GlobPart[]).push({ text: rest.slice(0, colon), literal: part.literal });
      fields.push([]);
      rest = rest.slice(colon + 1);
    }
    (fields[fields.length - 1] as GlobPart[]).push({ text: rest, literal: part.literal });
  }
  if (fields.length < 6) return 'invalid';
  const [head, ...rest] = fields;
  const prefix = head?.map((p) => p.text).join('');
  if (prefix !== 'arn' && prefix !== '*') return 'invalid';
  return rest.map(globFromParts);
}

function matches(pattern: ArnPattern, fields: readonly string[]): boolean {
  if (pattern === undefined) return true;
  for (let i = 0; i < 5; i++) if (!matchGlob(pattern[i] as Glob, fields[i] ?? '')) return false;
  return true;
}

/** Compiles the policy values of an ARN condition. */
export function compileArnTest(values: readonly string[], variablesEnabled: boolean): ValueTest {
  const templates = values.map((v) => parseTemplate(v, variablesEnabled));
  const fixed: ArnPattern[] = [];
  for (const t of templates) {
    if (t.hasVariables) continue;
    const pattern = patternOf([{ text: t.raw, literal: false }]);
    if (pattern === 'invalid') return () => INVALID;
    fixed.push(pattern);
  }
  const dynamic = templates.filter((t) => t.hasVariables);
  return (r, keys) => arnTest(fixed, dynamic, r, keys);
}

function arnTest(
  fixed: readonly ArnPattern[],
  dynamic: readonly Template[],
  r: string,
  keys: KeyLookup,
): TestResult {
  const fields = splitArn(r);
  if (fields === undefined) return INVALID;
  for (const pattern of fixed) if (matches(pattern, fields)) return T;
  let result: TestResult = F;
  for (const template of dynamic) {
    const parts = substitute(template, keys);
    if (parts === 'unknown') result = U;
    else if (parts !== 'unresolved') {
      const pattern = patternOf(parts);
      if (pattern === 'invalid') return INVALID;
      if (matches(pattern, fields)) return T;
    }
  }
  return result;
}
