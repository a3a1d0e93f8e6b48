/**
 * Global keyboard shortcuts. Plain-key shortcuts (`f`, `/`) fire only when no field has the focus;
 * the Monaco editor binds its own (see `MonacoHost`), so events from inside it are left alone.
 */
import { useEffect } from 'react';
import { isMacPlatform, matchesShortcut } from './commands';
import { useCommands } from './useCommands';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

/** Installs the shortcuts while mounted; renders nothing. */
export function Shortcuts() {
  const commands = useCommands();
  useEffect(() => {
    const mac = isMacPlatform();
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.monaco-editor') != null) return;
      const inField = isEditable(event.target);
      const command = commands.find(
        (c) =>
          c.shortcut !== undefined &&
          matchesShortcut(event, c.shortcut, mac) &&
          (!inField || c.shortcut.inFields === true),
      );
      if (command === undefined) return;
      if (command.id === 'clear-selection' && document.querySelector('[role="dialog"], .ag-menu') !== null)
        return;
      event.preventDefault();
      command.run();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
  return null;
}
