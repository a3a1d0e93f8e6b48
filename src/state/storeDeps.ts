/**
 * What the store is built from (injected: STYLE.md rule 8), and the Zustand slice-creator type.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EngineClient } from '../worker/EngineClient';
import type { AppState } from './AppState';
import type { KeyValueStorage } from './persistence';

/** Timer functions, injectable so tests drive time. */
export interface StoreTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Resolved dependencies every slice may use. */
export interface SliceDeps {
  readonly engine: EngineClient;
  readonly storage: KeyValueStorage | undefined;
  readonly timers: StoreTimers;
  /** Milliseconds; `Date.now` in the app. */
  readonly now: () => number;
  /** Pause after the last keystroke before the text is analysed. */
  readonly typingDelayMs: number;
  /** An analysis running longer than this shows the progress bar. */
  readonly slowAfterMs: number;
  /** Pause after the last change before it is autosaved. */
  readonly autosaveDelayMs: number;
}

/** A slice creator of the app store. */
export type Slice<T> = StateCreator<AppState, [], [], T>;

/** The default timers (the global ones). */
export const GLOBAL_TIMERS: StoreTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
