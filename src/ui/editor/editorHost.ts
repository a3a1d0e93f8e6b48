/**
 * The imperative side of the editor: one Monaco editor, a model for the scenario and one per focused
 * tab, kept in step with the store (text, diagnostics, findings, the active tab, reveal requests,
 * the theme). React renders the chrome around it; this file owns the Monaco objects.
 */
import type { Finding } from '../../analysis/types';
import type { JsonPath } from '../../model/ids';
import type { AppState } from '../../state/AppState';
import { SCENARIO_TAB } from '../../state/AppState';
import type { AppStore } from '../../state/createAppStore';
import { documentText } from '../../state/scenarioEdits';
import { selectPolicyTabs } from '../../state/selectors';
import { indexText } from './locate';
import { MARKER_OWNER, scenarioMarkers, tabMarkers } from './markers';
import type * as Monaco from './monaco.slim';
import { monacoThemeName } from './monacoTheme';
import { SCENARIO_URI, TAB_URI_PREFIX } from './monacoSetup';
import { syncModel } from './syncText';

/** Callbacks to the React chrome. */
export interface EditorHostEvents {
  readonly onCursor: (line: number, column: number) => void;
  readonly findingTitle: (finding: Finding) => string;
  readonly openPalette: () => void;
}

/** A running editor; `dispose` releases every Monaco object it made. */
export interface EditorHost {
  focus(): void;
  dispose(): void;
}

interface TabModel {
  readonly model: Monaco.editor.ITextModel;
  readonly path: JsonPath;
}

const EDITOR_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  fontFamily:
    "ui-monospace, 'SF Mono', SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
  fontSize: 12.5,
  lineHeight: 19,
  tabSize: 2,
  insertSpaces: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line',
  fixedOverflowWidgets: true,
  padding: { top: 6, bottom: 6 },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  guides: { indentation: true },
  stickyScroll: { enabled: true, maxLineCount: 3 },
  'semanticHighlighting.enabled': false,
  bracketPairColorization: { enabled: false },
  matchBrackets: 'near',
};

/** Creates the editor in `container` and connects it to `store`. */
export function createEditorHost(
  monaco: typeof Monaco,
  container: HTMLElement,
  store: AppStore,
  events: EditorHostEvents,
): EditorHost {
  const state = () => store.getState();
  const scenario = monaco.editor.createModel(state().document.text, 'json', monaco.Uri.parse(SCENARIO_URI));
  const tabs = new Map<string, TabModel>();
  const editor = monaco.editor.create(container, {
    ...EDITOR_OPTIONS,
    model: scenario,
    theme: monacoThemeName(state().view.theme),
    ariaLabel: 'scenario editor',
  });
  const onScenario = editor.createContextKey<boolean>('agScenarioTab', true);
  let applying = false;

  function apply(fn: () => void): void {
    applying = true;
    try {
      fn();
    } finally {
      applying = false;
    }
  }

  function canonical(path: JsonPath): string {
    return documentText(state().document.text, path) ?? '{}\n';
  }

  function tabModel(id: string, path: JsonPath): TabModel {
    const existing = tabs.get(id);
    if (existing !== undefined) return existing;
    const text = state().editor.drafts[id]?.text ?? canonical(path);
    const model = monaco.editor.createModel(
      text,
      'json',
      monaco.Uri.parse(`${TAB_URI_PREFIX}${encodeURIComponent(id)}.json`),
    );
    model.onDidChangeContent(() => {
      if (applying) return;
      const value = model.getValue();
      if (value === canonical(path)) state().discardDraft(id);
      else state().setDraft({ id, path }, value);
    });
    const entry = { model, path };
    tabs.set(id, entry);
    return entry;
  }

  function showActiveTab(): void {
    const { activeTab } = state().editor;
    if (activeTab === SCENARIO_TAB) {
      if (editor.getModel() !== scenario) editor.setModel(scenario);
      onScenario.set(true);
      return;
    }
    const tab = selectPolicyTabs(state()).find((t) => t.id === activeTab);
    const draft = state().editor.drafts[activeTab];
    const path = tab?.path ?? draft?.path;
    if (path === undefined) return;
    const entry = tabModel(activeTab, path);
    if (editor.getModel() !== entry.model) editor.setModel(entry.model);
    onScenario.set(false);
  }

  /** Refreshes clean tabs from the scenario and drops the models of tabs that are gone. */
  function refreshTabs(): void {
    const open = new Set([
      ...selectPolicyTabs(state()).map((t) => t.id),
      ...Object.keys(state().editor.drafts),
    ]);
    for (const [id, entry] of tabs) {
      const draft = state().editor.drafts[id];
      if (!open.has(id) && id !== state().editor.activeTab) {
        entry.model.dispose();
        tabs.delete(id);
      } else if (draft === undefined) apply(() => syncModel(entry.model, canonical(entry.path)));
    }
  }

  function updateMarkers(): void {
    const { document, analysis } = state();
    const findings = analysis.graph?.findings ?? [];
    monaco.editor.setModelMarkers(
      scenario,
      MARKER_OWNER,
      scenarioMarkers(scenario, document.diagnostics, findings, events.findingTitle),
    );
    for (const entry of tabs.values())
      monaco.editor.setModelMarkers(
        entry.model,
        MARKER_OWNER,
        tabMarkers(entry.model, entry.path, document.diagnostics),
      );
  }

  function reveal(target: NonNullable<AppState['editor']['reveal']>): void {
    let position: Monaco.IPosition;
    if (target.position !== undefined)
      position = { lineNumber: target.position.line, column: target.position.column };
    else {
      const at = indexText(scenario.getValue()).locate(target.path);
      if (at === undefined) return;
      position = scenario.getPositionAt(at.offset);
    }
    editor.setPosition(position);
    editor.revealLineInCenterIfOutsideViewport(position.lineNumber);
    editor.focus();
  }

  function onStore(next: AppState, prev: AppState): void {
    if (next.document.text !== prev.document.text) {
      const typed = scenario.getValue() === next.document.text;
      apply(() => syncModel(scenario, next.document.text));
      // A change from outside the editor (Format, undo, an import) can leave the view scrolled where
      // the old text was: a one-line paste formatted into short lines stayed 34,000 px to the right,
      // showing line numbers and no text. The cursor is brought back into view (no move when it is).
      const position = editor.getPosition();
      if (!typed && editor.getModel() === scenario && position !== null)
        editor.revealPosition(position, monaco.editor.ScrollType.Immediate);
      refreshTabs();
    }
    if (next.editor.activeTab !== prev.editor.activeTab || next.selection.id !== prev.selection.id) {
      refreshTabs();
      showActiveTab();
    }
    if (next.editor.drafts !== prev.editor.drafts) refreshTabs();
    if (
      next.document.diagnostics !== prev.document.diagnostics ||
      next.analysis.graph !== prev.analysis.graph ||
      next.editor.drafts !== prev.editor.drafts
    )
      updateMarkers();
    if (next.editor.reveal !== undefined && next.editor.reveal !== prev.editor.reveal) {
      showActiveTab();
      reveal(next.editor.reveal);
    }
    if (next.view.theme !== prev.view.theme) monaco.editor.setTheme(monacoThemeName(next.view.theme));
  }

  const unsubscribe = store.subscribe(onStore);
  const disposables = [
    scenario.onDidChangeContent(() => {
      if (!applying) state().setText(scenario.getValue(), 'typing');
    }),
    editor.onDidChangeCursorPosition((e) => events.onCursor(e.position.lineNumber, e.position.column)),
  ];
  const { KeyMod, KeyCode } = monaco;
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => state().undo(), 'agScenarioTab');
  editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => state().redo(), 'agScenarioTab');
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => state().redo(), 'agScenarioTab');
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, () => {
    const { activeTab } = state().editor;
    if (activeTab === SCENARIO_TAB) store.flush();
    else state().applyDraft(activeTab);
  });
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyK, () => events.openPalette());
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyJ, () => state().togglePanel('editor'));
  editor.addCommand(
    KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF,
    () => state().formatDocument(),
    'agScenarioTab',
  );
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, () => void state().simulate());

  showActiveTab();
  updateMarkers();
  const pending = state().editor.reveal;
  if (pending !== undefined) reveal(pending);

  return {
    focus: () => editor.focus(),
    dispose() {
      unsubscribe();
      for (const d of disposables) d.dispose();
      editor.dispose();
      scenario.dispose();
      for (const entry of tabs.values()) entry.model.dispose();
      tabs.clear();
    },
  };
}
