/**
 * The lesson slice: which built-in lesson is open and at which step, the learner's predictions, the
 * presenter mode and the gallery, and the live checks (checkpoints, predict answers, try-it goals) that
 * the engine re-runs whenever a new graph arrives. Opening a lesson loads its scenario as one undoable
 * edit, so the user's own work stays one undo away.
 */
import type { EvaluationResult } from '../engine/types';
import { applyEdits, LESSONS, lessonById, lessonQuestions, lessonScenario, lessonTryIts, type LessonDefinition, type PredictAnswer } from '../lessons';
import type { JsonObject } from '../io/share/jsonValue';
import type { ShareError } from '../io/share/shareError';
import type { AppState, LessonChecks, LessonSlice, LessonState } from './AppState';
import { checkAll, lessonRequest } from './lessonChecks';
import { selectTitle } from './selectors';
import { IDLE_SIMULATION, initialForm } from './simulatorSlice';
import { tolerantValue } from './scenarioEdits';
import type { Slice, SliceDeps } from './storeDeps';

/** No checks run yet. */
export const NO_CHECKS: LessonChecks = { lessonId: undefined, revision: undefined, checkpoints: [], predict: {}, tryIt: {} };

const CLOSED: LessonState = {
  id: undefined,
  step: 0,
  answers: {},
  presenter: false,
  galleryOpen: false,
  focusSeq: 0,
  checks: NO_CHECKS,
  linkError: undefined,
};

/** The open lesson's definition, if any. */
export function currentLesson(state: Pick<AppState, 'lesson'>): LessonDefinition | undefined {
  return state.lesson.id === undefined ? undefined : lessonById(state.lesson.id);
}

/** The scenario text a lesson opens with, in a language. */
export function lessonText(lesson: LessonDefinition, language: AppState['view']['language']): string {
  return `${JSON.stringify(lessonScenario(lesson, language), null, 2)}\n`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clampStep(lesson: LessonDefinition, step: number): number {
  return Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(step)));
}

/** The built-in lesson whose scenario has this title, in either language. */
function lessonTitled(title: string): LessonDefinition | undefined {
  return title === '' ? undefined : LESSONS.find((lesson) => lesson.title.en === title || lesson.title.ja === title);
}

/**
 * What the open lesson becomes when the scenario's title has just changed: the built-in lesson the
 * scenario now is (another lesson's scenario pasted or typed over this one), `null` for none (a scenario
 * that is no lesson: a new title and no `lesson` block), or `undefined` to keep it (the learner's own edits).
 */
function lessonAfterRetitle(state: AppState, title: string): LessonDefinition | null | undefined {
  const open = state.lesson.id;
  if (open === undefined) return undefined;
  const titled = lessonTitled(title);
  if (titled !== undefined) return titled.id === open ? undefined : titled;
  const value = tolerantValue(state.document.text);
  return isObject(value) && value.lesson === undefined ? null : undefined;
}

/** Creates the lesson slice. */
export function createLessonSlice(deps: SliceDeps): Slice<LessonSlice> {
  return (set, get, api) => {
    let seq = 0;

    function patch(update: Partial<LessonState>): void {
      set({ lesson: { ...get().lesson, ...update } });
    }

    async function runChecks(): Promise<void> {
      const state = get();
      const lesson = currentLesson(state);
      const graph = state.analysis.graph;
      const revision = state.analysis.graphRevision;
      if (lesson === undefined || graph === undefined) return;
      const mine = ++seq;
      const checkpoints = await checkAll(deps.engine, graph, lesson.checkpoints);
      const predict: Record<string, EvaluationResult | undefined> = {};
      for (const question of lessonQuestions(lesson)) {
        predict[question.id] = await deps.engine.evaluate(lessonRequest(question.request)).catch(() => undefined);
      }
      const tryIt: Record<string, LessonChecks['tryIt'][string]> = {};
      for (const task of lessonTryIts(lesson)) {
        tryIt[task.id] = { goal: await checkAll(deps.engine, graph, task.goal), keep: await checkAll(deps.engine, graph, task.keep) };
      }
      if (mine !== seq || get().lesson.id !== lesson.id) return;
      patch({ checks: { lessonId: lesson.id, revision, checkpoints, predict, tryIt } });
    }

    // The title of the scenario behind the last graph: the first graph only records it (the lesson
    // reopened from the last visit is the learner's choice).
    let title: string | undefined;

    api.subscribe((state, prev) => {
      const newGraph = state.analysis.graphRevision !== prev.analysis.graphRevision && state.analysis.graph !== undefined;
      if (newGraph) {
        const now = selectTitle(state);
        const retitled = title !== undefined && now !== title;
        title = now;
        const next = retitled ? lessonAfterRetitle(state, now) : undefined;
        // The panel follows the scenario, so that it never shows one lesson's steps and failing
        // checkpoints over another scenario, and the simulator starts from the new scenario's first
        // request, as after an import; the subscription runs again for the changes this makes.
        if (next !== undefined) set({ simulator: initialForm(state.document.text), simulation: IDLE_SIMULATION });
        if (next === null) return get().closeLesson();
        if (next !== undefined) return void get().openLesson(next.id, { load: false });
      }
      const newLesson = state.lesson.id !== prev.lesson.id && state.lesson.id !== undefined;
      if (newGraph || (newLesson && state.analysis.graphRevision === state.document.revision)) void runChecks();
    });

    return {
      lesson: CLOSED,
      openLesson(id, options = {}) {
        const lesson = lessonById(id);
        if (lesson === undefined) return false;
        if (options.load !== false) get().loadScenario(lessonText(lesson, get().view.language));
        const same = get().lesson.id === id;
        patch({
          id,
          step: clampStep(lesson, options.step ?? 0),
          answers: same ? get().lesson.answers : {},
          galleryOpen: false,
          focusSeq: options.focus === false ? get().lesson.focusSeq : get().lesson.focusSeq + 1,
          checks: same ? get().lesson.checks : NO_CHECKS,
        });
        return true;
      },
      closeLesson: () => patch({ id: undefined, step: 0, answers: {}, presenter: false, checks: NO_CHECKS }),
      setLessonStep(step) {
        const lesson = currentLesson(get());
        if (lesson === undefined) return;
        const next = clampStep(lesson, step);
        if (next !== get().lesson.step) patch({ step: next, focusSeq: get().lesson.focusSeq + 1 });
      },
      answerPredict(questionId, answer: PredictAnswer) {
        if (get().lesson.answers[questionId] !== undefined) return;
        patch({ answers: { ...get().lesson.answers, [questionId]: answer } });
      },
      resetPredictions: () => patch({ answers: {} }),
      showSolution(tryItId) {
        const lesson = currentLesson(get());
        const task = lesson === undefined ? undefined : lessonTryIts(lesson).find((t) => t.id === tryItId);
        if (lesson === undefined || task === undefined) return false;
        const current = tolerantValue(get().document.text);
        const next =
          (isObject(current) ? applyEdits(current, task.solution) : undefined) ??
          applyEdits(lessonScenario(lesson, get().view.language), task.solution);
        if (next === undefined) return false;
        get().setText(`${JSON.stringify(next, null, 2)}\n`, 'edit');
        get().analyzeNow();
        return true;
      },
      setPresenter(on) {
        const presenter = on && get().lesson.id !== undefined;
        // The graph's panel changes size: focus the step's nodes again.
        if (presenter !== get().lesson.presenter) patch({ presenter, focusSeq: get().lesson.focusSeq + 1 });
      },
      setGalleryOpen: (galleryOpen) => patch({ galleryOpen }),
      setLinkError: (linkError: ShareError | undefined) => patch({ linkError }),
      recheckLesson: () => void runChecks(),
    };
  };
}
