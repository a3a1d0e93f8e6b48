// Types of the generated JSON-only Monaco entry (monaco.slim.js): the same API as monaco-editor's
// main entry, minus the languages the slim build leaves out (css, html, typescript, lsp).
export { json } from 'monaco-editor';
export {
  CancellationTokenSource,
  Emitter,
  KeyCode,
  KeyMod,
  MarkerSeverity,
  MarkerTag,
  Position,
  Range,
  Selection,
  SelectionDirection,
  Token,
  Uri,
  editor,
  languages,
} from 'monaco-editor';
export type {
  CancellationToken,
  Environment,
  IDisposable,
  IKeyboardEvent,
  IMarkdownString,
  IPosition,
  IRange,
  ISelection,
} from 'monaco-editor';
