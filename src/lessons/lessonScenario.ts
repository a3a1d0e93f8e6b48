/**
 * Turns a lesson definition into the scenario document the app loads, the CLI checks and links carry.
 */
import type { Language } from '../io/share/languages';
import type { JsonObject, JsonValue } from '../io/share/jsonValue';
import type { AssertionJson, LessonDefinition, PredictQuestion, ScenarioEdit, TryIt } from './types';

/** The full `accessgraph/v1` scenario of a lesson, with its title, steps and checkpoints in `language`. */
export function lessonScenario(lesson: LessonDefinition, language: Language): JsonObject {
  return {
    format: 'accessgraph/v1',
    title: lesson.title[language],
    description: lesson.summary[language],
    ...lesson.scenario,
    assertions: lesson.checkpoints,
    lesson: {
      steps: lesson.steps.map((step) => ({ title: step.title[language], body: step.body[language], focus: step.focus })),
    },
  };
}

/** A predict question as a request assertion (`Deny` accepts either kind of deny). */
export function predictAssertion(question: PredictQuestion): AssertionJson {
  return { name: `predict ${question.id}`, ...question.request, expect: question.answer };
}

/** Every predict question of a lesson, in step order. */
export function lessonQuestions(lesson: LessonDefinition): readonly PredictQuestion[] {
  return lesson.steps.flatMap((step) => step.predict);
}

/** Every try-it task of a lesson, in step order. */
export function lessonTryIts(lesson: LessonDefinition): readonly TryIt[] {
  return lesson.steps.flatMap((step) => step.tryIt);
}

/**
 * Applies edits to a copy of `value`: each puts its value at its path, creating nothing on the way
 * (every parent must exist). Returns `undefined` when a path does not lead anywhere.
 */
export function applyEdits(value: JsonObject, edits: readonly ScenarioEdit[]): JsonObject | undefined {
  let result: JsonValue = value;
  for (const edit of edits) {
    const next = setAt(result, edit.path, edit.value);
    if (next === undefined) return undefined;
    result = next;
  }
  return isJsonObject(result) ? result : undefined;
}

function setAt(target: JsonValue, path: readonly (string | number)[], value: JsonValue): JsonValue | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(target)) {
    const items: readonly JsonValue[] = target;
    if (typeof head !== 'number' || !Number.isInteger(head) || head < 0 || head > items.length) return undefined;
    if (head === items.length && rest.length > 0) return undefined;
    const child = setAt(items[head] ?? null, rest, value);
    if (child === undefined) return undefined;
    const copy = [...items];
    copy[head] = child;
    return copy;
  }
  if (!isJsonObject(target) || typeof head !== 'string') return undefined;
  const existing = Object.hasOwn(target, head) ? target[head] : undefined;
  if (existing === undefined && rest.length > 0) return undefined;
  const child = setAt(existing ?? null, rest, value);
  if (child === undefined) return undefined;
  return { ...target, [head]: child };
}

function isJsonObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
