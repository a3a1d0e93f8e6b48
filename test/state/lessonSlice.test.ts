/** The lesson slice: opening, stepping, predictions given once, "show me" as one undoable edit. */
import { describe, expect, it } from 'vitest';
import { lessonById, lessonScenario } from '../../src/lessons';
import { lessonText } from '../../src/state/lessonSlice';
import { initialForm } from '../../src/state/simulatorSlice';
import { settle, testStore } from './harness';

const EXTERNAL_ID = lessonById('external-id');
const FIRST = lessonById('bucket-delegation');

describe('lesson slice', () => {
  it('opens a lesson over the current scenario as one undoable edit', () => {
    const { store } = testStore();
    const before = store.getState().document.text;
    expect(store.getState().openLesson('external-id', { step: 2 })).toBe(true);
    expect(store.getState().lesson).toMatchObject({ id: 'external-id', step: 2, answers: {} });
    expect(store.getState().document.text).toBe(lessonText(EXTERNAL_ID!, 'en'));
    store.getState().undo();
    expect(store.getState().document.text).toBe(before);
  });

  it('refuses an unknown lesson and clamps steps to the lesson', () => {
    const { store } = testStore();
    expect(store.getState().openLesson('no-such-lesson')).toBe(false);
    expect(store.getState().lesson.id).toBeUndefined();
    store.getState().openLesson('bucket-delegation', { step: 99 });
    expect(store.getState().lesson.step).toBe(FIRST!.steps.length - 1);
    store.getState().setLessonStep(-3);
    expect(store.getState().lesson.step).toBe(0);
  });

  it('keeps the first prediction: an answer cannot be changed after the reveal', () => {
    const { store } = testStore();
    store.getState().openLesson('bucket-delegation');
    store.getState().answerPredict('user2-read', 'Deny');
    store.getState().answerPredict('user2-read', 'Allow');
    expect(store.getState().lesson.answers).toStrictEqual({ 'user2-read': 'Deny' });
  });

  it('applies a try-it solution as one edit and closes the lesson when another scenario loads', () => {
    const { store } = testStore();
    store.getState().openLesson('bucket-delegation');
    const opened = store.getState().document.text;
    expect(store.getState().showSolution('let-user1-read')).toBe(true);
    const solved = JSON.parse(store.getState().document.text) as Record<string, unknown>;
    expect(solved).not.toStrictEqual(lessonScenario(FIRST!, 'en'));
    store.getState().undo();
    expect(store.getState().document.text).toBe(opened);
    expect(store.getState().showSolution('no-such-task')).toBe(false);
    store.getState().loadScenario('{"format":"accessgraph/v1"}\n');
    expect(store.getState().lesson.id).toBeUndefined();
  });

  it('follows the scenario: another lesson pasted over the open one opens it; a scenario that is no lesson closes it', async () => {
    const { store, timers } = testStore();
    store.getState().openLesson('bucket-delegation');
    store.getState().answerPredict('user2-read', 'Deny');
    await settle(timers);
    // The learner's own edit keeps the lesson, predictions and all.
    store
      .getState()
      .setText(store.getState().document.text.replace('"s3:List*"', '"s3:List*", "s3:PutObject"'), 'edit');
    await settle(timers);
    expect(store.getState().lesson).toMatchObject({
      id: 'bucket-delegation',
      answers: { 'user2-read': 'Deny' },
    });
    await store.getState().simulate();
    expect(store.getState().simulation.status).not.toBe('idle');
    expect(store.getState().simulator).not.toStrictEqual(initialForm(lessonText(EXTERNAL_ID!, 'ja')));
    // Another lesson's scenario, in the other language, typed over this one: its lesson, from its first step.
    store.getState().setText(lessonText(EXTERNAL_ID!, 'ja'), 'edit');
    await settle(timers);
    expect(store.getState().lesson).toMatchObject({ id: 'external-id', step: 0, answers: {} });
    // The simulator starts from the new lesson's first request, not the last one's.
    expect(store.getState().simulator).toStrictEqual(initialForm(lessonText(EXTERNAL_ID!, 'ja')));
    expect(store.getState().simulation.status).toBe('idle');
    expect(store.getState().document.text).toBe(lessonText(EXTERNAL_ID!, 'ja'));
    await settle(timers);
    expect(store.getState().lesson.checks.lessonId).toBe('external-id');
    // Renaming the lesson's scenario keeps the lesson while its steps are still in the text.
    store.getState().setTitle('My copy of the External ID lesson');
    await settle(timers);
    expect(store.getState().lesson.id).toBe('external-id');
    // A scenario with a new title and no lesson of its own closes it.
    store
      .getState()
      .setText('{"format":"accessgraph/v1","title":"Prod","accounts":[{"id":"111111111111"}]}\n', 'edit');
    await settle(timers);
    expect(store.getState().lesson.id).toBeUndefined();
  });

  it('enters presenter mode only with a lesson open', () => {
    const { store } = testStore();
    store.getState().setPresenter(true);
    expect(store.getState().lesson.presenter).toBe(false);
    store.getState().openLesson('bucket-delegation');
    store.getState().setPresenter(true);
    expect(store.getState().lesson.presenter).toBe(true);
    store.getState().closeLesson();
    expect(store.getState().lesson.presenter).toBe(false);
  });
});
