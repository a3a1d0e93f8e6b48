/**
 * Monaco themes made from the design tokens, so the editor matches the panels in both themes and
 * its markers use the same red / amber as the rest of the app.
 */
import { TOKENS, type Theme } from '../../graph/tokens';
import type { editor } from './monaco.slim';

/** The Monaco theme name for an app theme. */
export function monacoThemeName(theme: Theme): string {
  return `accessgraph-${theme}`;
}

function hex(color: string): string {
  return color.replace('#', '');
}

/** The theme definition for `monaco.editor.defineTheme`. */
export function monacoTheme(theme: Theme): editor.IStandaloneThemeData {
  const k = TOKENS[theme];
  const dark = theme === 'dark';
  return {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: 'string.key.json', foreground: hex(dark ? '#9cc4ff' : '#1f4e96') },
      { token: 'string.value.json', foreground: hex(dark ? '#d7dde6' : '#2b3138') },
      { token: 'number.json', foreground: hex(k.share) },
      { token: 'keyword.json', foreground: hex(k.external) },
      { token: 'delimiter', foreground: hex(k.textFaint) },
    ],
    colors: {
      'editor.background': k.panel,
      'editor.foreground': k.text,
      'editorLineNumber.foreground': k.textFaint,
      'editorLineNumber.activeForeground': k.textMuted,
      'editor.lineHighlightBackground': dark ? '#1d232b' : '#f4f6f9',
      'editor.lineHighlightBorder': '#00000000',
      'editor.selectionBackground': dark ? '#2b4672' : '#cfe0ff',
      'editorCursor.foreground': k.accent,
      'editorIndentGuide.background1': k.border,
      'editorIndentGuide.activeBackground1': k.borderStrong,
      'editorError.foreground': k.denied,
      'editorWarning.foreground': k.conditional,
      'editorInfo.foreground': k.accent,
      'editorWidget.background': k.panelRaised,
      'editorWidget.border': k.borderStrong,
      'editorHoverWidget.background': k.panelRaised,
      'editorHoverWidget.border': k.borderStrong,
      'editorSuggestWidget.background': k.panelRaised,
      'editorSuggestWidget.border': k.borderStrong,
      'editorSuggestWidget.selectedBackground': k.accentSoft,
      'scrollbarSlider.background': dark ? '#ffffff1a' : '#0000001a',
      'scrollbarSlider.hoverBackground': dark ? '#ffffff2e' : '#0000002e',
      // Brackets stay quiet: colour is reserved for meaning (UI.md), not for nesting depth.
      'editorBracketHighlight.foreground1': k.textMuted,
      'editorBracketHighlight.foreground2': k.textMuted,
      'editorBracketHighlight.foreground3': k.textMuted,
      'editorBracketHighlight.foreground4': k.textMuted,
      'editorBracketHighlight.foreground5': k.textMuted,
      'editorBracketHighlight.foreground6': k.textMuted,
      'editorBracketMatch.background': k.accentSoft,
      'editorBracketMatch.border': k.borderStrong,
      focusBorder: k.focusRing,
    },
  };
}
