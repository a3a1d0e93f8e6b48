/**
 * The editor slice: which tab is active, the drafts of focused policy tabs, and requests to reveal a
 * location. A focused tab edits one policy document; its draft is written back into the scenario at
 * the document's JSON path (jsonc-parser `modify`) on Apply, on Ctrl/Cmd+S, or when the user leaves
 * the tab — one undoable edit. A draft that does not parse stays a draft (and is autosaved).
 */
import type { EditorSlice, EditorState } from './AppState';
import { SCENARIO_TAB } from './AppState';
import { commitText } from './documentSlice';
import { parseStrictJson, writeAtPath } from './scenarioEdits';
import type { Slice, SliceDeps } from './storeDeps';
import type { Draft } from './persistence';

/** Creates the editor slice, starting with restored drafts. */
export function createEditorSlice(
  deps: SliceDeps,
  drafts: Readonly<Record<string, Draft>>,
): Slice<EditorSlice> {
  return (set, get) => {
    function patch(update: Partial<EditorState>): void {
      set({ editor: { ...get().editor, ...update } });
    }

    function withoutDraft(id: string): Readonly<Record<string, Draft>> {
      const rest: Record<string, Draft> = { ...get().editor.drafts };
      delete rest[id];
      return rest;
    }

    function applyDraft(id: string): boolean {
      const draft = get().editor.drafts[id];
      if (draft === undefined) return true;
      const parsed = parseStrictJson(draft.text);
      if (parsed === undefined) {
        patch({ applyError: { tab: id, reason: 'syntax' } });
        return false;
      }
      const next = writeAtPath(get().document.text, draft.path, parsed.value);
      if (next === undefined) {
        patch({ applyError: { tab: id, reason: 'missing' } });
        return false;
      }
      commitText(get, set, next, 'edit', deps.now());
      patch({ drafts: withoutDraft(id), applyError: undefined });
      return true;
    }

    return {
      editor: { activeTab: SCENARIO_TAB, drafts, reveal: undefined, applyError: undefined },
      setActiveTab(id) {
        const { activeTab } = get().editor;
        if (id === activeTab) return;
        if (activeTab !== SCENARIO_TAB) applyDraft(activeTab);
        patch({ activeTab: id });
      },
      setDraft(tab, text) {
        const { drafts: current, applyError } = get().editor;
        patch({
          drafts: { ...current, [tab.id]: { path: tab.path, text } },
          applyError: applyError?.tab === tab.id ? undefined : applyError,
        });
      },
      discardDraft(id) {
        patch({ drafts: withoutDraft(id), applyError: undefined });
      },
      applyDraft,
      revealPath(path, position) {
        const { activeTab, reveal } = get().editor;
        if (activeTab !== SCENARIO_TAB) applyDraft(activeTab);
        const at = position === undefined ? undefined : { line: position.line, column: position.column };
        patch({ activeTab: SCENARIO_TAB, reveal: { path, position: at, seq: (reveal?.seq ?? 0) + 1 } });
        if (!get().view.layout.open.editor) get().setPanelOpen('editor', true);
      },
    };
  };
}
