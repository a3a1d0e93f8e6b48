/**
 * A panel splitter: drag with the pointer, or focus it and use the arrow keys (Shift: larger steps),
 * Home/End for the smallest and largest size, Enter to collapse or reopen the panel (WAI-ARIA
 * window splitter pattern). Double-click collapses too.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { PanelId } from '../../state/viewPrefs';
import { PANEL_LIMITS } from '../../state/viewPrefs';

export interface SplitterProps {
  readonly panel: PanelId;
  /** `vertical` separates side-by-side panels (drag left/right); `horizontal` stacked ones. */
  readonly orientation: 'vertical' | 'horizontal';
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  readonly direction: 1 | -1;
  readonly size: number;
  readonly label: string;
  readonly controls: string;
  readonly onResize: (size: number) => void;
  readonly onToggle: () => void;
}

/** A focusable, draggable separator. */
export function Splitter({
  panel,
  orientation,
  direction,
  size,
  label,
  controls,
  onResize,
  onToggle,
}: SplitterProps) {
  const start = useRef<{ pointer: number; size: number } | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const limits = PANEL_LIMITS[panel];

  function coordinate(event: PointerEvent): number {
    return orientation === 'vertical' ? event.clientX : event.clientY;
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { pointer: coordinate(event), size };
    setDragging(true);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (start.current === undefined) return;
    onResize(start.current.size + direction * (coordinate(event) - start.current.pointer));
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    if (start.current === undefined) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    start.current = undefined;
    setDragging(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? 64 : 16;
    const grow =
      orientation === 'vertical'
        ? { ArrowRight: direction, ArrowLeft: -direction }
        : { ArrowDown: direction, ArrowUp: -direction };
    const sign = (grow as Record<string, number | undefined>)[event.key];
    if (sign !== undefined) onResize(size + sign * step);
    else if (event.key === 'Home') onResize(limits.min);
    else if (event.key === 'End') onResize(limits.max);
    else if (event.key === 'Enter') onToggle();
    else return;
    event.preventDefault();
  }

  return (
    <div
      className="ag-splitter"
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      data-dragging={dragging}
      data-panel={panel}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onToggle}
      onKeyDown={onKeyDown}
    />
  );
}
