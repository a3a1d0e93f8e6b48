import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, HISTORY_LIMIT, recordEdit, redoEdit, undoEdit } from '../../src/state/history';
import { LESSON_TEXT, settle, testStore } from './harness';

describe('history (pure)', () => {
  it('coalesces a typing burst and starts a new step after a pause or a command', () => {
    let h = recordEdit(EMPTY_HISTORY, 'a', 'typing', 0);
    h = recordEdit(h, 'ab', 'typing', 400);
    h = recordEdit(h, 'abc', 'typing', 1300);
    expect(h.past).toStrictEqual(['a']);
    h = recordEdit(h, 'abcd', 'typing', 2400);
    expect(h.past).toStrictEqual(['a', 'abcd']);
    h = recordEdit(h, 'abcde', 'edit', 2500);
    h = recordEdit(h, 'x', 'typing', 2600);
    expect(h).toStrictEqual({ past: ['a', 'abcd', 'abcde', 'x'], future: [], burstAt: 2600 });
  });

  it('undoes and redoes, and a new edit clears what could be redone', () => {
    const h = recordEdit(recordEdit(EMPTY_HISTORY, 'one', 'edit', 0), 'two', 'edit', 1);
    const back = undoEdit(h, 'three');
    expect(back).toStrictEqual({
      text: 'two',
      history: { past: ['one'], future: ['three'], burstAt: undefined },
    });
    const forward = redoEdit(back!.history, 'two');
    expect(forward).toStrictEqual({
      text: 'three',
      history: { past: ['one', 'two'], future: [], burstAt: undefined },
    });
    expect(recordEdit(back!.history, 'two', 'edit', 5).future).toStrictEqual([]);
    expect(undoEdit(EMPTY_HISTORY, 'x')).toBeUndefined();
    expect(redoEdit(EMPTY_HISTORY, 'x')).toBeUndefined();
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = recordEdit(h, String(i), 'edit', i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe('5');
  });
});

describe('history slice', () => {
  it('undoes a typing burst in one step, re-analyses, and redoes it', async () => {
    const { store, timers } = testStore();
    await settle(timers);
    const s = () => store.getState();
    const a = LESSON_TEXT.replace('"name": "AccountA"', '"name": "AccountA1"');
    const b = LESSON_TEXT.replace('"name": "AccountA"', '"name": "AccountA12"');
    s().setText(a, 'typing');
    timers.advance(100);
    s().setText(b, 'typing');
    await settle(timers);
    expect(s().analysis.graph?.nodes[0]?.label).toBe('AccountA12');
    s().undo();
    expect(s().document).toMatchObject({ text: LESSON_TEXT, origin: 'history' });
    await settle(timers);
    expect(s().analysis.graph?.nodes[0]?.label).toBe('AccountA');
    s().redo();
    expect(s().document.text).toBe(b);
    s().redo();
    expect(s().document.text).toBe(b);
  });

  it('makes title, format and lesson loads one undoable edit each', async () => {
    const { store, timers } = testStore();
    await settle(timers);
    const s = () => store.getState();
    s().setTitle('Partner access review');
    expect(JSON.parse(s().document.text)).toMatchObject({ title: 'Partner access review' });
    const compact = JSON.stringify(JSON.parse(LESSON_TEXT));
    s().loadScenario(compact);
    s().formatDocument();
    expect(s().document.text).toBe(LESSON_TEXT.trimEnd());
    s().undo();
    expect(s().document.text).toBe(compact);
    s().undo();
    expect(JSON.parse(s().document.text)).toMatchObject({ title: 'Partner access review' });
    s().undo();
    expect(s().document.text).toBe(LESSON_TEXT);
  });
});
