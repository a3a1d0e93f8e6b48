/**
 * The document slice: the scenario text and every way of changing it. Each change goes through
 * `commitText`, which records history, so every edit can be undone.
 */
import type { AppState, DocumentSlice, TextOrigin } from './AppState';
import { recordEdit } from './history';
import { formatScenarioText, writeAtPath } from './scenarioEdits';
import { IDLE_SIMULATION, initialForm } from './simulatorSlice';
import type { Slice, SliceDeps } from './storeDeps';

type Set = (partial: Partial<AppState>) => void;

/** Replaces the text (no-op when unchanged), recording an undo step for edits. */
export function commitText(
  get: () => AppState,
  set: Set,
  next: string,
  origin: TextOrigin,
  now: number,
): void {
  const state = get();
  if (next === state.document.text) return;
  const history =
    origin === 'typing' || origin === 'edit'
      ? recordEdit(state.history, state.document.text, origin, now)
      : state.history;
  set({
    document: { ...state.document, text: next, revision: state.document.revision + 1, origin },
    history,
  });
}

/** Creates the document slice over the initial text. */
export function createDocumentSlice(deps: SliceDeps, initialText: string): Slice<DocumentSlice> {
  return (set, get) => ({
    document: {
      text: initialText,
      revision: 0,
      origin: 'load',
      diagnostics: [],
      diagnosticsRevision: undefined,
    },
    setText: (text, kind) => commitText(get, set, text, kind, deps.now()),
    writeAt(path, value) {
      const next = writeAtPath(get().document.text, path, value);
      if (next === undefined) return false;
      commitText(get, set, next, 'edit', deps.now());
      return true;
    },
    setTitle(title) {
      get().writeAt(['title'], title);
    },
    formatDocument() {
      commitText(get, set, formatScenarioText(get().document.text), 'edit', deps.now());
    },
    setNodePosition(id, position) {
      const at = { x: Math.round(position.x), y: Math.round(position.y) };
      const text = get().document.text;
      const next = writeAtPath(text, ['layout', id], at) ?? writeAtPath(text, ['layout'], { [id]: at });
      if (next !== undefined) commitText(get, set, next, 'edit', deps.now());
    },
    loadScenario(text) {
      commitText(get, set, text, 'edit', deps.now());
      set({
        selection: { id: undefined, focusSeq: get().selection.focusSeq },
        simulator: initialForm(text),
        simulation: IDLE_SIMULATION,
        editor: { ...get().editor, activeTab: 'scenario', applyError: undefined },
        // Its first graph is what the access changes are counted from.
        analysis: { ...get().analysis, baselineArmed: true },
      });
    },
  });
}
