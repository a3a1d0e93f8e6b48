/**
 * Checks a plain JSON value against a `Spec`: types, required and unknown keys, patterns, enums.
 * Policy documents are left to `parsePolicy`.
 */
import type { Collector } from './collector';
import type { JsonPath } from './ids';
import type { Spec } from './spec';

/** Names a JSON value's type the way messages say it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expected(spec: Spec): string {
  switch (spec.type) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'array':
      return 'an array';
    case 'object':
    case 'record':
    case 'policy':
      return 'an object';
    case 'either':
      return 'a string or an object';
    case 'contextValue':
      return 'a string or an array of strings';
  }
}

/** Validates `value` against `spec`, reporting to `out`. Returns false when the shape is wrong. */
export function checkShape(value: unknown, spec: Spec, path: JsonPath, out: Collector): boolean {
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return wrongType(value, spec, path, out);
      if (spec.nonEmpty === true && value.trim() === '') {
        out.error('empty-value', path, 'must not be empty');
        return false;
      }
      if (spec.enum !== undefined && !spec.enum.includes(value)) {
        out.error('bad-value', path, `\`${value}\` is not one of ${spec.enum.map((e) => `\`${e}\``).join(', ')}`);
        return false;
      }
      if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(value)) {
        out.error(spec.patternName?.includes('ARN') ? 'bad-arn' : spec.patternName?.includes('account') ? 'bad-account-id' : 'bad-format', path, `\`${value}\` is not ${spec.patternName ?? 'in the expected format'}`);
        return false;
      }
      return true;
    }
    case 'boolean':
      return typeof value === 'boolean' || wrongType(value, spec, path, out);
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || wrongType(value, spec, path, out);
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType(value, spec, path, out);
      if ((spec.minimum !== undefined && value < spec.minimum) || (spec.maximum !== undefined && value > spec.maximum)) {
        out.error('bad-value', path, `\`${value}\` is outside ${spec.minimum ?? '-∞'}..${spec.maximum ?? '∞'}`);
        return false;
      }
      return true;
    }
    case 'array': {
      if (!Array.isArray(value)) return wrongType(value, spec, path, out);
      let ok = true;
      value.forEach((item, i) => {
        ok = checkShape(item, spec.items, [...path, i], out) && ok;
      });
      return ok;
    }
    case 'record': {
      if (!isObject(value)) return wrongType(value, spec, path, out);
      let ok = true;
      for (const [key, item] of Object.entries(value)) ok = checkShape(item, spec.values, [...path, key], out) && ok;
      return ok;
    }
    case 'object': {
      if (!isObject(value)) return wrongType(value, spec, path, out);
      let ok = true;
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(spec.fields, key)) {
          out.error('unknown-key', [...path, key], `unknown key \`${key}\`${suggest(key, Object.keys(spec.fields))}`, true);
          ok = false;
        }
      }
      for (const [key, field] of Object.entries(spec.fields)) {
        const item = value[key];
        if (item === undefined || (item === null && field.nullable === true)) {
          if (field.required === true) {
            out.error('missing-key', path, `missing required key \`${key}\``);
            ok = false;
          }
          continue;
        }
        ok = checkShape(item, field.spec, [...path, key], out) && ok;
      }
      return ok;
    }
    case 'either':
      if (typeof value === 'string') return checkShape(value, spec.string, path, out);
      if (isObject(value)) return checkShape(value, spec.object, path, out);
      return wrongType(value, spec, path, out);
    case 'policy':
      return isObject(value) || wrongType(value, spec, path, out);
    case 'contextValue':
      if (typeof value === 'string') return true;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return true;
      return wrongType(value, spec, path, out);
  }
}

function wrongType(value: unknown, spec: Spec, path: JsonPath, out: Collector): false {
  out.error('wrong-type', path, `expected ${expected(spec)}, found ${typeName(value)}`);
  return false;
}

/** ` (did you mean \`x\`?)` when a known key is within two edits of the typed one. */
export function suggest(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length] ?? 0;
}
