/**
 * Brings a Monaco model to a new text with the smallest single edit (common prefix and suffix kept),
 * so the cursor, selection and scroll position survive an undo or a tab being written back.
 */
import type { editor } from './monaco.slim';

/** The changed span between two texts. */
export function changedSpan(
  before: string,
  after: string,
): { start: number; endBefore: number; endAfter: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { start, endBefore, endAfter };
}

/** Replaces the model's text with `text` by one minimal edit (outside Monaco's undo stack). */
export function syncModel(model: editor.ITextModel, text: string): void {
  const current = model.getValue();
  if (current === text) return;
  const { start, endBefore, endAfter } = changedSpan(current, text);
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(endBefore);
  model.applyEdits([
    {
      range: {
        startLineNumber: from.lineNumber,
        startColumn: from.column,
        endLineNumber: to.lineNumber,
        endColumn: to.column,
      },
      text: text.slice(start, endAfter),
    },
  ]);
}
