/**
 * Undo/redo over the scenario text (pure). Every edit records the text it replaced; a burst of typing
 * (keystrokes closer together than `coalesceMs`) records once, so one undo reverts the whole burst.
 */

/** How a change of the scenario text came about. */
export const EDIT_KINDS = ['typing', 'edit'] as const;
/** `typing`: keystrokes in the editor (coalesced); `edit`: one discrete command (a tab applied, an import…). */
export type EditKind = (typeof EDIT_KINDS)[number];

/** The undo and redo stacks, newest last. */
export interface History {
  readonly past: readonly string[];
  readonly future: readonly string[];
  /** When the current typing burst last grew; `undefined` outside a burst. */
  readonly burstAt: number | undefined;
}

/** Entries kept on each stack at most (oldest dropped first). */
export const HISTORY_LIMIT = 200;
/** Keystrokes closer together than this belong to one undo step. */
export const DEFAULT_COALESCE_MS = 1000;

/** No history. */
export const EMPTY_HISTORY: History = { past: [], future: [], burstAt: undefined };

/** Records that `previous` was replaced by an edit of `kind` at time `now`. */
export function recordEdit(
  history: History,
  previous: string,
  kind: EditKind,
  now: number,
  coalesceMs = DEFAULT_COALESCE_MS,
): History {
  const inBurst = kind === 'typing' && history.burstAt !== undefined && now - history.burstAt < coalesceMs;
  const burstAt = kind === 'typing' ? now : undefined;
  if (inBurst) return { past: history.past, future: [], burstAt };
  const past = [...history.past, previous];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    future: [],
    burstAt,
  };
}

/** Steps back: the text to show and the history after it, or `undefined` when there is nothing to undo. */
export function undoEdit(
  history: History,
  current: string,
): { readonly text: string; readonly history: History } | undefined {
  const text = history.past[history.past.length - 1];
  if (text === undefined) return undefined;
  return {
    text,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], burstAt: undefined },
  };
}

/** Steps forward again, or `undefined` when there is nothing to redo. */
export function redoEdit(
  history: History,
  current: string,
): { readonly text: string; readonly history: History } | undefined {
  const text = history.future[history.future.length - 1];
  if (text === undefined) return undefined;
  return {
    text,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), burstAt: undefined },
  };
}
