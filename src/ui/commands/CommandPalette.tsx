/**
 * The command palette (Ctrl/Cmd+K): type to filter, arrows to choose, Enter to run, Esc to close.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';
import { isMacPlatform, shortcutLabel, type Command } from './commands';
import { useCommands } from './useCommands';

function score(text: string, query: string): number {
  if (query === '') return 1;
  const haystack = text.toLowerCase();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let total = 0;
  for (const word of words) {
    const at = haystack.indexOf(word);
    if (at < 0) return 0;
    total += at === 0 || haystack[at - 1] === ' ' ? 2 : 1;
  }
  return total;
}

/** The palette dialog, mounted while open. */
export function CommandPalette() {
  const open = useAppStore((s) => s.view.paletteOpen);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const t = useT();
  const store = useAppStoreApi();
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const mac = isMacPlatform();

  const items = useMemo(() => {
    const withText = commands
      .filter((c) => c.id !== 'palette')
      .map((c) => ({ command: c, text: c.detail === undefined ? t(c.title) : `${t(c.title)} ${c.detail}` }));
    return withText
      .map((item, index) => ({ ...item, score: score(item.text, query.trim()), index }))
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index);
  }, [commands, query, t]);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => previous?.focus();
  }, []);

  function close() {
    store.getState().setPaletteOpen(false);
  }

  function run(command: Command) {
    close();
    // Let the dialog unmount (and the focus return) before the command moves the focus itself.
    queueMicrotask(() => command.run());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') setActive((i) => Math.min(items.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') {
      const item = items[active];
      if (item !== undefined) run(item.command);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="ag-palette-backdrop" onMouseDown={close}>
      <div
        className="ag-palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.title')}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          className="ag-palette-input"
          role="combobox"
          aria-label={t('palette.placeholder')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={
            items[active] === undefined ? undefined : `${listId}-${items[active].command.id}`
          }
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <ul className="ag-palette-list" id={listId} role="listbox" aria-label={t('palette.title')}>
          {items.length === 0 ? <li className="ag-palette-empty">{t('palette.empty')}</li> : null}
          {items.map((item, index) => (
            <li
              key={item.command.id}
              id={`${listId}-${item.command.id}`}
              role="option"
              aria-selected={index === active}
              className="ag-palette-item"
              onMouseMove={() => setActive(index)}
              onClick={() => run(item.command)}
            >
              <span>
                {t(item.command.title)}
                {item.command.detail === undefined ? null : (
                  <span className="ag-palette-detail"> {item.command.detail}</span>
                )}
              </span>
              {item.command.shortcut === undefined ? null : (
                <kbd className="ag-kbd">{shortcutLabel(item.command.shortcut, mac)}</kbd>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
