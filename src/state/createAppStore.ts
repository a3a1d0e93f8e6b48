/**
 * Builds the one app store from its slices and injected dependencies (STYLE.md rule 8), restores the
 * autosaved document and the view preferences, starts the first analysis, and keeps both saved.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Language } from '../io/share/languages';
import type { EngineClient } from '../worker/EngineClient';
import type { AppState } from './AppState';
import { createAnalysisSlice } from './analysisSlice';
import { createDocumentSlice } from './documentSlice';
import { createEditorSlice } from './editorSlice';
import { EMPTY_HISTORY } from './history';
import { createHistorySlice } from './historySlice';
import { createLessonSlice } from './lessonSlice';
import {
  MAX_HISTORY_CHARS,
  PREFS_KEY,
  readAutosave,
  readEntry,
  trimStack,
  writeAutosave,
  writeEntry,
  type Autosave,
  type Draft,
  type KeyValueStorage,
} from './persistence';
import { createSelectionSlice } from './selectionSlice';
import { createSimulatorSlice } from './simulatorSlice';
import { GLOBAL_TIMERS, type SliceDeps, type StoreTimers } from './storeDeps';
import { createViewSlice } from './viewSlice';
import {
  DEFAULT_LAYOUT,
  parseViewPrefs,
  serializeViewPrefs,
  type ThemeName,
  type ViewPrefs,
} from './viewPrefs';

/** What the store is made from. */
export interface AppStoreOptions {
  readonly engine: EngineClient;
  /** `localStorage` in the app; absent in tests that do not persist. */
  readonly storage?: KeyValueStorage;
  readonly timers?: StoreTimers;
  readonly now?: () => number;
  /** The scenario to open when nothing is autosaved (the first lesson). */
  readonly defaultText: string;
  /** A scenario that must open over the autosave (a share link); the autosaved text stays one undo away. */
  readonly linkText?: string;
  /** Theme and language before the user chose any (from the system's preferences). */
  readonly defaults: { readonly theme: ThemeName; readonly language: Language };
  readonly typingDelayMs?: number;
  readonly slowAfterMs?: number;
  readonly autosaveDelayMs?: number;
}

/** The store, plus what the composition root needs around it. */
export interface AppStore extends StoreApi<AppState> {
  /** Writes the autosave and preferences now (on `pagehide`). */
  flush(): void;
  /** Stops timers and subscriptions (tests, hot reload). */
  dispose(): void;
}

interface Start {
  readonly text: string;
  readonly drafts: Readonly<Record<string, Draft>>;
  readonly past: readonly string[];
  readonly future: readonly string[];
  readonly restored: Autosave | undefined;
}

function startingPoint(options: AppStoreOptions, autosave: Autosave | undefined): Start {
  if (options.linkText !== undefined) {
    const past =
      autosave !== undefined && autosave.text !== options.linkText
        ? [...autosave.history.past, autosave.text]
        : [];
    return { text: options.linkText, drafts: {}, past, future: [], restored: undefined };
  }
  if (autosave !== undefined) {
    const { past, future } = autosave.history;
    return { text: autosave.text, drafts: autosave.drafts, past, future, restored: autosave };
  }
  return { text: options.defaultText, drafts: {}, past: [], future: [], restored: undefined };
}

/** Creates the app store. */
export function createAppStore(options: AppStoreOptions): AppStore {
  const deps: SliceDeps = {
    engine: options.engine,
    storage: options.storage,
    timers: options.timers ?? GLOBAL_TIMERS,
    now: options.now ?? (() => Date.now()),
    typingDelayMs: options.typingDelayMs ?? 250,
    slowAfterMs: options.slowAfterMs ?? 200,
    autosaveDelayMs: options.autosaveDelayMs ?? 400,
  };
  const start = startingPoint(options, readAutosave(deps.storage));
  const prefs: ViewPrefs = parseViewPrefs(readEntry(deps.storage, PREFS_KEY), {
    ...options.defaults,
    layout: DEFAULT_LAYOUT,
  });

  const store = createStore<AppState>()((...a) => ({
    ...createDocumentSlice(deps, start.text)(...a),
    ...createHistorySlice()(...a),
    ...createAnalysisSlice(deps)(...a),
    ...createSelectionSlice()(...a),
    ...createSimulatorSlice(deps, start.text)(...a),
    ...createEditorSlice(deps, start.drafts)(...a),
    ...createViewSlice(prefs)(...a),
    ...createLessonSlice(deps)(...a),
  }));
  // Another scenario (an import, a link) is not the lesson any more; `openLesson` reopens it after loading.
  const documentState = store.getState();
  store.setState({
    loadScenario(text) {
      documentState.loadScenario(text);
      store.getState().closeLesson();
    },
  });
  if (start.past.length > 0 || start.future.length > 0)
    store.setState({ history: { ...EMPTY_HISTORY, past: start.past, future: start.future } });
  if (start.restored !== undefined) store.getState().notify('restored', String(start.restored.savedAt));

  const persistence = persist(store, deps);
  store.getState().analyzeNow();
  return { ...store, flush: () => persistence.flush(), dispose: () => persistence.dispose() };
}

/** Keeps the autosave and the preferences written, a short pause after each change. */
function persist(store: StoreApi<AppState>, deps: SliceDeps): { flush(): void; dispose(): void } {
  let timer: unknown;
  let warned = false;

  function write(): void {
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = undefined;
    const { document, editor, view, history } = store.getState();
    // The redo stack gets what the undo stack leaves of the budget: undo matters more.
    const past = trimStack(history.past, MAX_HISTORY_CHARS);
    const future = trimStack(history.future, MAX_HISTORY_CHARS - past.reduce((n, t) => n + t.length, 0));
    const saved = writeAutosave(deps.storage, {
      v: 1,
      text: document.text,
      savedAt: deps.now(),
      drafts: editor.drafts,
      history: { past, future },
    });
    const prefs = writeEntry(deps.storage, PREFS_KEY, serializeViewPrefs(view));
    if (deps.storage !== undefined && (!saved || !prefs) && !warned) {
      warned = true;
      store.getState().notify('storage-failed');
    }
  }

  const unsubscribe = store.subscribe((state, prev) => {
    const changed =
      state.document.text !== prev.document.text ||
      state.editor.drafts !== prev.editor.drafts ||
      state.history !== prev.history ||
      state.view.theme !== prev.view.theme ||
      state.view.language !== prev.view.language ||
      state.view.layout !== prev.view.layout;
    if (!changed || deps.storage === undefined) return;
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(write, deps.autosaveDelayMs);
  });

  return {
    flush: () => {
      if (deps.storage !== undefined) write();
    },
    dispose() {
      unsubscribe();
      if (timer !== undefined) deps.timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
