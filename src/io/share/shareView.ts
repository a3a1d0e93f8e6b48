/**
 * The view a share link carries next to the scenario: what is selected, the simulated request, the
 * lesson step and the language. Parsed by hand from untrusted JSON: every field is checked, problems
 * become diagnostics and the offending field is dropped (the scenario still opens).
 */
import { isObject, typeName } from '../../model/checkShape';
import type { Diagnostic } from '../../model/diagnostics';
import type { JsonPath } from '../../model/ids';
import type { JsonObject } from './jsonValue';
import { isLanguage, LANGUAGES, type Language } from './languages';

/** A request the inspector's simulator holds; context keys are request-supplied keys only. */
export interface SimulatedRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

/** Where a learner is in a built-in lesson; `step` is 0-based. */
export interface LessonPosition {
  readonly id: string;
  readonly step: number;
}

/** Everything besides the scenario that a link restores. */
export interface ShareView {
  /** Node ids (ARNs, account ids, OU ids). */
  readonly selection: readonly string[];
  readonly request: SimulatedRequest | undefined;
  readonly lesson: LessonPosition | undefined;
  readonly language: Language | undefined;
}

/** The view of a link that restores nothing but the scenario. */
export const EMPTY_VIEW: ShareView = { selection: [], request: undefined, lesson: undefined, language: undefined };

/** Limits that keep a hostile view small. */
export const VIEW_LIMITS = { selection: 64, idLength: 2048, contextKeys: 64, contextValues: 64, lessonSteps: 1000 } as const;

/** Lesson ids: lowercase words joined by `-`, at most 64 characters. */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LESSON_ID_MAX = 64;
/** Context keys are condition keys: `prefix:name` (e.g. `sts:ExternalId`, `aws:PrincipalTag/team`). */
const CONTEXT_KEY_PATTERN = /^[A-Za-z0-9.-]+:[^\s]{1,256}$/;

const VIEW_KEYS = ['selection', 'request', 'lesson', 'language'] as const;
const REQUEST_KEYS = ['principal', 'action', 'resource', 'context'] as const;
const LESSON_KEYS = ['id', 'step'] as const;

interface Out {
  readonly diagnostics: Diagnostic[];
}

function warn(out: Out, code: 'unknown-key' | 'wrong-type' | 'bad-value', path: JsonPath, message: string): undefined {
  out.diagnostics.push({ code, severity: 'warning', message, path, range: undefined, excludes: undefined });
  return undefined;
}

/** Checks a decoded view value; invalid parts are dropped and reported as warnings. */
export function parseShareView(value: unknown): { readonly view: ShareView; readonly diagnostics: readonly Diagnostic[] } {
  const out: Out = { diagnostics: [] };
  if (!isObject(value)) {
    warn(out, 'wrong-type', [], `the view must be an object, found ${typeName(value)}`);
    return { view: EMPTY_VIEW, diagnostics: out.diagnostics };
  }
  unknownKeys(value, VIEW_KEYS, [], out);
  const view: ShareView = {
    selection: value.selection === undefined ? [] : (selection(value.selection, out) ?? []),
    request: value.request === undefined ? undefined : request(value.request, out),
    lesson: value.lesson === undefined ? undefined : lesson(value.lesson, out),
    language: value.language === undefined ? undefined : language(value.language, out),
  };
  return { view, diagnostics: out.diagnostics };
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: JsonPath, out: Out): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) warn(out, 'unknown-key', [...path, key], `unknown key \`${key}\` (ignored)`);
  }
}

function boundedString(value: unknown, path: JsonPath, out: Out): string | undefined {
  if (typeof value !== 'string') return warn(out, 'wrong-type', path, `expected a string, found ${typeName(value)}`);
  if (value === '' || value.length > VIEW_LIMITS.idLength) return warn(out, 'bad-value', path, `must be 1 to ${VIEW_LIMITS.idLength} characters long`);
  return value;
}

function selection(value: unknown, out: Out): string[] | undefined {
  const path = ['selection'];
  if (!Array.isArray(value)) return warn(out, 'wrong-type', path, `expected an array, found ${typeName(value)}`);
  if (value.length > VIEW_LIMITS.selection) return warn(out, 'bad-value', path, `at most ${VIEW_LIMITS.selection} selected nodes, found ${value.length}`);
  const ids: string[] = [];
  value.forEach((item: unknown, i) => {
    const id = boundedString(item, [...path, i], out);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  });
  return ids;
}

function request(value: unknown, out: Out): SimulatedRequest | undefined {
  const path = ['request'];
  if (!isObject(value)) return warn(out, 'wrong-type', path, `expected an object, found ${typeName(value)}`);
  unknownKeys(value, REQUEST_KEYS, path, out);
  const principal = boundedString(value.principal, [...path, 'principal'], out);
  const action = boundedString(value.action, [...path, 'action'], out);
  const resource = boundedString(value.resource, [...path, 'resource'], out);
  if (principal === undefined || action === undefined || resource === undefined) return undefined;
  const context = value.context === undefined ? emptyContext() : requestContext(value.context, [...path, 'context'], out);
  return context === undefined ? undefined : { principal, action, resource, context };
}

function emptyContext(): Record<string, string | readonly string[]> {
  // A null prototype: keys come from the link, so none of them may reach `Object.prototype`.
  return Object.create(null) as Record<string, string | readonly string[]>;
}

function requestContext(value: unknown, path: JsonPath, out: Out): Record<string, string | readonly string[]> | undefined {
  if (!isObject(value)) return warn(out, 'wrong-type', path, `expected an object, found ${typeName(value)}`);
  const keys = Object.keys(value);
  if (keys.length > VIEW_LIMITS.contextKeys) return warn(out, 'bad-value', path, `at most ${VIEW_LIMITS.contextKeys} context keys, found ${keys.length}`);
  const context = emptyContext();
  for (const key of keys) {
    const item = value[key];
    if (!CONTEXT_KEY_PATTERN.test(key)) {
      warn(out, 'bad-value', [...path, key], `\`${key}\` is not a condition key such as \`sts:ExternalId\` (ignored)`);
    } else if (typeof item === 'string') {
      context[key] = item;
    } else if (Array.isArray(item) && item.length <= VIEW_LIMITS.contextValues && item.every((v) => typeof v === 'string')) {
      context[key] = item.map(String);
    } else {
      warn(out, 'wrong-type', [...path, key], `expected a string or at most ${VIEW_LIMITS.contextValues} strings (ignored)`);
    }
  }
  return context;
}

function lesson(value: unknown, out: Out): LessonPosition | undefined {
  const path = ['lesson'];
  if (!isObject(value)) return warn(out, 'wrong-type', path, `expected an object, found ${typeName(value)}`);
  unknownKeys(value, LESSON_KEYS, path, out);
  const { id, step } = value;
  if (typeof id !== 'string' || id.length > LESSON_ID_MAX || !LESSON_ID_PATTERN.test(id)) {
    return warn(out, 'bad-value', [...path, 'id'], 'expected a lesson id: lowercase words joined by `-`');
  }
  if (step === undefined) return { id, step: 0 };
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= VIEW_LIMITS.lessonSteps) {
    return warn(out, 'bad-value', [...path, 'step'], `expected a step number from 0 to ${VIEW_LIMITS.lessonSteps - 1}`);
  }
  return { id, step };
}

function language(value: unknown, out: Out): Language | undefined {
  if (isLanguage(value)) return value;
  return warn(out, 'bad-value', ['language'], `expected one of ${LANGUAGES.map((l) => `\`${l}\``).join(', ')}`);
}

/** The view as the JSON a link stores: only what is set, in a fixed key order. */
export function serializeShareView(view: ShareView): JsonObject {
  const out: Record<string, JsonObject[string]> = {};
  if (view.selection.length > 0) out.selection = [...view.selection];
  if (view.request !== undefined) {
    const { principal, action, resource, context } = view.request;
    const keys = Object.keys(context);
    out.request = keys.length === 0 ? { principal, action, resource } : { principal, action, resource, context: Object.fromEntries(keys.map((k) => [k, context[k] ?? ''])) };
  }
  if (view.lesson !== undefined) out.lesson = { id: view.lesson.id, step: view.lesson.step };
  if (view.language !== undefined) out.language = view.language;
  return out;
}
