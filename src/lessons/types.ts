/**
 * What a built-in lesson is made of: a scenario, bilingual steps that focus the graph, predict-then-reveal
 * questions, "try it" tasks whose goals are assertions, and checkpoints (the scenario's `assertions`).
 */
import type { Language } from '../io/share/languages';
import type { JsonObject, JsonValue } from '../io/share/jsonValue';
import type { FindingExpectation, ReachExpectation, RequestExpectation } from '../model/types';

/** A text in every supported language. */
export type Localized = { readonly [L in Language]: string };

/** Request-supplied context keys, as a scenario assertion writes them. */
export type LessonContext = Readonly<Record<string, string | readonly string[]>>;

/** A request in the scenario format's assertion vocabulary (a type alias, so it is also a `JsonObject`). */
export type LessonRequest = {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: LessonContext;
};

/** A scenario assertion, written exactly as it appears in `assertions` (DESIGN.md). */
export type AssertionJson =
  | (LessonRequest & { readonly name: string; readonly expect: RequestExpectation })
  | (LessonRequest & { readonly name: string; readonly via: 'role-chain'; readonly expect: ReachExpectation })
  | { readonly name: string; readonly finding: string; readonly subject: string; readonly expect: FindingExpectation };

/** The answers a learner can give to a predict question. */
export const PREDICT_ANSWERS = ['Allow', 'Deny'] as const;
export type PredictAnswer = (typeof PREDICT_ANSWERS)[number];

/** "Will this request be allowed?" — asked before the graph reveals the answer. */
export interface PredictQuestion {
  /** Unique inside the lesson. */
  readonly id: string;
  readonly question: Localized;
  readonly request: LessonRequest;
  readonly answer: PredictAnswer;
  /** One line: why the answer is what it is. */
  readonly why: Localized;
}

/** One change to the scenario JSON: the value to put at a path (an index equal to the length appends). */
export interface ScenarioEdit {
  readonly path: readonly (string | number)[];
  readonly value: JsonValue;
}

/** A task that asks the learner to change a policy; achieved when every `goal` assertion holds. */
export interface TryIt {
  /** Unique inside the lesson. */
  readonly id: string;
  readonly task: Localized;
  readonly hint: Localized;
  /** Assertions that are false at the start and true once the task is done. */
  readonly goal: readonly AssertionJson[];
  /** Assertions that are true at the start and must stay true (the change must not over-grant). */
  readonly keep: readonly AssertionJson[];
  /** One way to do it; "show me" applies it, and tests prove it reaches the goal. */
  readonly solution: readonly ScenarioEdit[];
  /** Shown once the goal is reached. */
  readonly success: Localized;
}

/** One step of the narrative. */
export interface LessonStepDefinition {
  readonly title: Localized;
  /** Markdown. */
  readonly body: Localized;
  /** Node ids (ARNs, account ids, OU, root and organization ids) the graph focuses on. */
  readonly focus: readonly string[];
  readonly predict: readonly PredictQuestion[];
  readonly tryIt: readonly TryIt[];
}

/** Which source document an example comes from (see `shared/seeds/README.md`). */
export interface LessonSource {
  /** `000` (the cross-account article) or `004` (the IAM User Guide page). */
  readonly seed: '000' | '004';
  /** The section heading in the source, as written there. */
  readonly section: string;
}

/** A built-in lesson. */
export interface LessonDefinition {
  /** Stable: used in `#lesson=<id>` links forever. Lowercase words joined by `-`. */
  readonly id: string;
  readonly title: Localized;
  /** One sentence for the gallery. */
  readonly summary: Localized;
  readonly sources: readonly LessonSource[];
  /**
   * The scenario without `format`, `title`, `description`, `assertions` and `lesson`: those come from the
   * lesson itself (`lessonScenario`).
   */
  readonly scenario: JsonObject;
  /** Checkpoints: they become the scenario's `assertions`, so `accessgraph check` runs them. */
  readonly checkpoints: readonly AssertionJson[];
  readonly steps: readonly LessonStepDefinition[];
}
