/**
 * A small menu button: opens a list below it, closes on Esc, on an outside click and after a choice;
 * arrow keys move between items.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuProps {
  readonly label: ReactNode;
  readonly title: string;
  readonly align?: 'left' | 'right';
  readonly buttonClass?: string;
  readonly testId?: string;
  /** Renders the items; `close` closes the menu. */
  readonly children: (close: () => void) => ReactNode;
}

export function Menu({
  label,
  title,
  align = 'left',
  buttonClass = 'ag-button ag-button-quiet',
  testId,
  children,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    function onDown(event: MouseEvent) {
      if (root.current !== null && !root.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('mousedown', onDown);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (!open) return;
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      root.current?.querySelector<HTMLElement>('button')?.focus();
    } else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="ag-menu-anchor" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        className={buttonClass}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={title}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open ? (
        <div className="ag-menu" role="menu" id={id} data-align={align} aria-label={title}>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}
