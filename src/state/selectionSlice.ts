/**
 * The selection slice: one selected node or edge, and a counter the graph watches to bring the
 * selection into view (findings, the Explorer and links focus; a click on the graph does not).
 */
import type { SelectionSlice } from './AppState';
import type { Slice } from './storeDeps';

/** Creates the selection slice. */
export function createSelectionSlice(): Slice<SelectionSlice> {
  return (set, get) => ({
    selection: { id: undefined, focusSeq: 0 },
    select(id, options) {
      const { selection } = get();
      const focusSeq =
        options?.focus === true && id !== undefined ? selection.focusSeq + 1 : selection.focusSeq;
      if (id === selection.id && focusSeq === selection.focusSeq) return;
      set({ selection: { id, focusSeq } });
    },
  });
}
