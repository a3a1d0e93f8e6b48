/**
 * View preferences: theme, language and the panel layout, remembered across visits and parsed on
 * read (a damaged entry falls back to the defaults field by field).
 */
import { isLanguage, type Language } from '../io/share/languages';

/** Colour themes (the token set in `src/graph/tokens.ts` defines both). */
export const THEME_NAMES = ['light', 'dark'] as const;
/** One theme. */
export type ThemeName = (typeof THEME_NAMES)[number];

/** Where the editor sits: under the graph, or to the right of it in a split. */
export const EDITOR_PLACEMENTS = ['bottom', 'right'] as const;
/** One placement. */
export type EditorPlacement = (typeof EDITOR_PLACEMENTS)[number];

/** The panels that resize and collapse. */
export const PANELS = ['explorer', 'inspector', 'editor'] as const;
/** One panel. */
export type PanelId = (typeof PANELS)[number];

/** Sizes in CSS pixels; `editor` is a height at the bottom and a width on the right. */
export interface PanelLayout {
  readonly sizes: Readonly<Record<PanelId, number>>;
  readonly open: Readonly<Record<PanelId, boolean>>;
  readonly editorPlacement: EditorPlacement;
}

/** Bounds of each panel's size. */
export const PANEL_LIMITS: Readonly<Record<PanelId, { readonly min: number; readonly max: number }>> = {
  explorer: { min: 180, max: 480 },
  inspector: { min: 300, max: 720 },
  editor: { min: 140, max: 900 },
};

/** The layout at 1440×900 on a first visit. */
export const DEFAULT_LAYOUT: PanelLayout = {
  sizes: { explorer: 240, inspector: 400, editor: 260 },
  open: { explorer: true, inspector: true, editor: true },
  editorPlacement: 'bottom',
};

/** Everything remembered about the view. */
export interface ViewPrefs {
  readonly theme: ThemeName;
  readonly language: Language;
  readonly layout: PanelLayout;
}

/** A size clamped to the panel's bounds. */
export function clampPanelSize(panel: PanelId, size: number): number {
  const { min, max } = PANEL_LIMITS[panel];
  return Math.round(Math.min(max, Math.max(min, Number.isFinite(size) ? size : min)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLayout(value: unknown): PanelLayout {
  if (!isRecord(value)) return DEFAULT_LAYOUT;
  const sizes = isRecord(value.sizes) ? value.sizes : {};
  const open = isRecord(value.open) ? value.open : {};
  function size(panel: PanelId): number {
    const raw = sizes[panel];
    return typeof raw === 'number' ? clampPanelSize(panel, raw) : DEFAULT_LAYOUT.sizes[panel];
  }
  function isOpen(panel: PanelId): boolean {
    const raw = open[panel];
    return typeof raw === 'boolean' ? raw : DEFAULT_LAYOUT.open[panel];
  }
  const placement =
    EDITOR_PLACEMENTS.find((p) => p === value.editorPlacement) ?? DEFAULT_LAYOUT.editorPlacement;
  return {
    sizes: { explorer: size('explorer'), inspector: size('inspector'), editor: size('editor') },
    open: { explorer: isOpen('explorer'), inspector: isOpen('inspector'), editor: isOpen('editor') },
    editorPlacement: placement,
  };
}

/** Parses stored preferences over `defaults`; every field is checked on its own. */
export function parseViewPrefs(value: unknown, defaults: ViewPrefs): ViewPrefs {
  if (!isRecord(value) || value.v !== 1) return defaults;
  return {
    theme: THEME_NAMES.find((t) => t === value.theme) ?? defaults.theme,
    language: isLanguage(value.language) ? value.language : defaults.language,
    layout: value.layout === undefined ? defaults.layout : parseLayout(value.layout),
  };
}

/** The stored form of the preferences. */
export function serializeViewPrefs(prefs: ViewPrefs): Record<string, unknown> {
  return { v: 1, theme: prefs.theme, language: prefs.language, layout: prefs.layout };
}
