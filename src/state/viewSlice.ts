/**
 * The view slice: theme, language, panel layout (sizes, open panels, editor placement), the command
 * palette and one-shot notices.
 */
import type { ViewSlice, ViewState } from './AppState';
import type { Slice } from './storeDeps';
import { clampPanelSize, type ViewPrefs } from './viewPrefs';

/** Creates the view slice over the remembered preferences. */
export function createViewSlice(prefs: ViewPrefs): Slice<ViewSlice> {
  return (set, get) => {
    function patch(update: Partial<ViewState>): void {
      set({ view: { ...get().view, ...update } });
    }
    function layout(update: Partial<ViewState['layout']>): void {
      patch({ layout: { ...get().view.layout, ...update } });
    }
    return {
      view: { ...prefs, paletteOpen: false, searchSeq: 0, notice: undefined },
      setTheme: (theme) => patch({ theme }),
      toggleTheme: () => patch({ theme: get().view.theme === 'dark' ? 'light' : 'dark' }),
      setLanguage: (language) => patch({ language }),
      setPanelSize(panel, size) {
        const clamped = clampPanelSize(panel, size);
        if (clamped !== get().view.layout.sizes[panel])
          layout({ sizes: { ...get().view.layout.sizes, [panel]: clamped } });
      },
      setPanelOpen(panel, open) {
        if (get().view.layout.open[panel] !== open)
          layout({ open: { ...get().view.layout.open, [panel]: open } });
      },
      togglePanel: (panel) => get().setPanelOpen(panel, !get().view.layout.open[panel]),
      setEditorPlacement: (editorPlacement) => layout({ editorPlacement }),
      setPaletteOpen: (paletteOpen) => patch({ paletteOpen }),
      focusSearch() {
        get().setPanelOpen('explorer', true);
        patch({ searchSeq: get().view.searchSeq + 1 });
      },
      notify: (code, detail) => patch({ notice: { code, detail, seq: (get().view.notice?.seq ?? 0) + 1 } }),
      dismissNotice: () => patch({ notice: undefined }),
    };
  };
}
