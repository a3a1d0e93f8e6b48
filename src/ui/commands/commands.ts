/**
 * The frequent actions, in one list that the command palette shows and the keyboard shortcuts run.
 * A command names its message key (the palette translates it) and, optionally, a shortcut.
 */
import { LESSONS } from '../../lessons';
import type { Language } from '../../io/share/languages';
import { SCENARIO_TAB } from '../../state/AppState';
import type { AppStore } from '../../state/createAppStore';
import type { PlainKey } from '../useT';
import { fitGraph } from '../graphViewport';

/** A key combination. `mod` is Cmd on macOS and Ctrl elsewhere. */
export interface Shortcut {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
  /** True when the shortcut also fires while the user types in a field (it uses a modifier). */
  readonly inFields?: boolean;
}

/** One command. */
export interface Command {
  readonly id: string;
  readonly title: PlainKey;
  /** Extra words (a lesson's title) shown after the title and searched. */
  readonly detail?: string;
  readonly shortcut?: Shortcut;
  run(): void;
}

/** What commands act on. */
export interface CommandContext {
  readonly store: AppStore;
  readonly language: Language;
  /** Opens the file picker for an import. */
  readonly importFile: () => void;
  readonly exportScenario: () => void;
}

/** Every command, lessons last. */
export function buildCommands(ctx: CommandContext): readonly Command[] {
  const s = () => ctx.store.getState();
  const commands: Command[] = [
    {
      id: 'palette',
      title: 'command.palette',
      shortcut: { key: 'k', mod: true, inFields: true },
      run: () => s().setPaletteOpen(!s().view.paletteOpen),
    },
    { id: 'fit', title: 'command.fit', shortcut: { key: 'f' }, run: fitGraph },
    { id: 'search', title: 'command.search', shortcut: { key: '/' }, run: () => s().focusSearch() },
    { id: 'undo', title: 'command.undo', shortcut: { key: 'z', mod: true }, run: () => s().undo() },
    {
      id: 'redo',
      title: 'command.redo',
      shortcut: { key: 'z', mod: true, shift: true },
      run: () => s().redo(),
    },
    {
      id: 'format',
      title: 'command.format',
      shortcut: { key: 'f', shift: true, alt: true, inFields: true },
      run: () => s().formatDocument(),
    },
    {
      // Also outside Monaco (after a click on the tab or the Apply button's hint): the hint says Ctrl/Cmd+S.
      id: 'apply',
      title: 'command.apply',
      shortcut: { key: 's', mod: true, inFields: true },
      run: () => {
        const { activeTab } = s().editor;
        if (activeTab === SCENARIO_TAB) ctx.store.flush();
        else s().applyDraft(activeTab);
      },
    },
    {
      id: 'toggle-editor',
      title: 'command.toggleEditor',
      shortcut: { key: 'j', mod: true, inFields: true },
      run: () => s().togglePanel('editor'),
    },
    {
      id: 'toggle-explorer',
      title: 'command.toggleExplorer',
      shortcut: { key: 'b', mod: true, inFields: true },
      run: () => s().togglePanel('explorer'),
    },
    {
      id: 'toggle-inspector',
      title: 'command.toggleInspector',
      shortcut: { key: 'b', mod: true, alt: true, inFields: true },
      run: () => s().togglePanel('inspector'),
    },
    {
      id: 'editor-placement',
      title: 'command.editorPlacement',
      run: () => s().setEditorPlacement(s().view.layout.editorPlacement === 'bottom' ? 'right' : 'bottom'),
    },
    { id: 'theme', title: 'command.theme', run: () => s().toggleTheme() },
    {
      id: 'language',
      title: 'command.language',
      run: () => s().setLanguage(s().view.language === 'en' ? 'ja' : 'en'),
    },
    {
      id: 'clear-selection',
      title: 'command.clearSelection',
      shortcut: { key: 'Escape' },
      run: () => s().select(undefined),
    },
    {
      id: 'simulate',
      title: 'command.simulate',
      shortcut: { key: 'Enter', mod: true, inFields: true },
      run: () => void s().simulate(),
    },
    {
      id: 'import',
      title: 'command.import',
      shortcut: { key: 'o', mod: true, inFields: true },
      run: ctx.importFile,
    },
    {
      id: 'export',
      title: 'command.export',
      shortcut: { key: 's', mod: true, shift: true, inFields: true },
      run: ctx.exportScenario,
    },
  ];
  commands.push(
    { id: 'lessons', title: 'command.lessons', run: () => s().setGalleryOpen(true) },
    {
      id: 'presenter',
      title: 'command.presenter',
      run: () => {
        if (s().lesson.id === undefined) s().setGalleryOpen(true);
        else s().setPresenter(!s().lesson.presenter);
      },
    },
  );
  for (const lesson of LESSONS) {
    commands.push({
      id: `lesson:${lesson.id}`,
      title: 'command.openLesson',
      detail: lesson.title[ctx.language],
      run: () => void s().openLesson(lesson.id),
    });
  }
  return commands;
}

/** True when the platform's modifier is Cmd (macOS, iOS). */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** Whether a key event matches a shortcut. */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (other || mod !== (shortcut.mod === true) || event.altKey !== (shortcut.alt === true)) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  // Shift changes `/` and letters' case but is part of letter shortcuts; `/` on some layouts needs Shift.
  if (shortcut.key !== '/' && event.shiftKey !== (shortcut.shift === true)) return false;
  return key === shortcut.key || (shortcut.alt === true && event.code === `Key${shortcut.key.toUpperCase()}`);
}

/** The shortcut as the platform writes it (`⌘K`, `Ctrl+K`). */
export function shortcutLabel(shortcut: Shortcut, mac: boolean): string {
  const key =
    shortcut.key.length === 1
      ? shortcut.key.toUpperCase()
      : shortcut.key === 'Escape'
        ? 'Esc'
        : shortcut.key === 'Enter'
          ? '↵'
          : shortcut.key;
  const parts = [
    shortcut.mod === true ? (mac ? '⌘' : 'Ctrl') : '',
    shortcut.alt === true ? (mac ? '⌥' : 'Alt') : '',
    shortcut.shift === true ? (mac ? '⇧' : 'Shift') : '',
    key,
  ].filter((p) => p !== '');
  return mac ? parts.join('') : parts.join('+');
}
