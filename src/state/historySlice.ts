/**
 * The history slice: undo and redo over the scenario text.
 */
import type { HistorySlice } from './AppState';
import { EMPTY_HISTORY, redoEdit, undoEdit } from './history';
import type { Slice } from './storeDeps';

/** Creates the history slice. */
export function createHistorySlice(): Slice<HistorySlice> {
  return (set, get) => {
    function step(move: typeof undoEdit): void {
      const { history, document } = get();
      const result = move(history, document.text);
      if (result === undefined) return;
      set({
        history: result.history,
        document: { ...document, text: result.text, revision: document.revision + 1, origin: 'history' },
      });
    }
    return {
      history: EMPTY_HISTORY,
      undo: () => step(undoEdit),
      redo: () => step(redoEdit),
    };
  };
}
