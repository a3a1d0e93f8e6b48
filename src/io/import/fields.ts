/**
 * Typed readers for the fields of an export: each checks the JSON type, reports a located diagnostic
 * when the field is broken, and returns `undefined` (or nothing) rather than a guess.
 */
import { isObject, typeName } from '../../model/checkShape';
import { child, type Origin, type Reporter } from './origin';

/** A JSON object as parsed (null prototype). */
export type Obj = Record<string, unknown>;

/** An item of a list with its origin. */
export interface Located<T> {
  readonly value: T;
  readonly origin: Origin;
}

/** Own property only: never reaches `Object.prototype`. */
export function get(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A string field; `null` and absence both mean absent. */
export function text(obj: Obj, key: string, origin: Origin, report: Reporter, required = false): string | undefined {
  const value = get(obj, key);
  if (value === undefined || value === null) {
    if (required) report.error(origin, 'missing-key', `missing required key \`${key}\``);
    return undefined;
  }
  if (typeof value !== 'string') {
    report.error(child(origin, key), 'wrong-type', `\`${key}\` must be a string, found ${typeName(value)}`);
    return undefined;
  }
  return value;
}

/** A boolean field. */
export function flag(obj: Obj, key: string, origin: Origin, report: Reporter): boolean | undefined {
  const value = get(obj, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    report.error(child(origin, key), 'wrong-type', `\`${key}\` must be a boolean, found ${typeName(value)}`);
    return undefined;
  }
  return value;
}

/** An integer field. */
export function integer(obj: Obj, key: string, origin: Origin, report: Reporter): number | undefined {
  const value = get(obj, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report.error(child(origin, key), 'wrong-type', `\`${key}\` must be an integer, found ${typeName(value)}`);
    return undefined;
  }
  return value;
}

/**
 * The items of a list field. AWS always returns a list; a single object in its place (seen in
 * documentation examples) is read as a list of one, with a warning.
 */
export function list(obj: Obj, key: string, origin: Origin, report: Reporter): Located<unknown>[] {
  const value = get(obj, key);
  const at = child(origin, key);
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((item: unknown, i) => ({ value: item, origin: child(at, i) }));
  if (isObject(value)) {
    report.warn(at, 'assumed-value', `\`${key}\` should be a list: the single object was read as a list of one`);
    return [{ value, origin: at }];
  }
  report.error(at, 'wrong-type', `\`${key}\` must be a list, found ${typeName(value)}`);
  return [];
}

/** The object items of a list field; other items are reported and skipped. */
export function objects(obj: Obj, key: string, origin: Origin, report: Reporter): Located<Obj>[] {
  const out: Located<Obj>[] = [];
  for (const item of list(obj, key, origin, report)) {
    if (isObject(item.value)) out.push({ value: item.value, origin: item.origin });
    else report.error(item.origin, 'wrong-type', `expected an object, found ${typeName(item.value)}`);
  }
  return out;
}

/** The string items of a list field; other items are reported and skipped. */
export function strings(obj: Obj, key: string, origin: Origin, report: Reporter): Located<string>[] {
  const out: Located<string>[] = [];
  for (const item of list(obj, key, origin, report)) {
    if (typeof item.value === 'string') out.push({ value: item.value, origin: item.origin });
    else report.error(item.origin, 'wrong-type', `expected a string, found ${typeName(item.value)}`);
  }
  return out;
}

/** AWS tags (`[{ "Key", "Value" }]`, or lower case as RAM writes them) as a null-prototype record. */
export function tagList(obj: Obj, key: string, origin: Origin, report: Reporter): Record<string, string> {
  const tags = Object.create(null) as Record<string, string>;
  for (const tag of objects(obj, key, origin, report)) {
    const k = get(tag.value, 'Key') ?? get(tag.value, 'key');
    const v = get(tag.value, 'Value') ?? get(tag.value, 'value') ?? '';
    if (typeof k === 'string' && typeof v === 'string') tags[k] = v;
    else report.error(tag.origin, 'wrong-type', 'a tag needs a string `Key` and a string `Value`');
  }
  return tags;
}
