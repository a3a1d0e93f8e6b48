/** Test helpers for the store: manual timers, a map storage, the in-process engine and a gate for slow analyses. */
import { createAppStore, type AppStore, type AppStoreOptions } from '../../src/state/createAppStore';
import type { KeyValueStorage } from '../../src/state/persistence';
import type { StoreTimers } from '../../src/state/storeDeps';
import { LESSONS, lessonScenario } from '../../src/lessons';
import { createEngineClient, type EngineClient, type WorkerPort } from '../../src/worker/EngineClient';
import type { DispatcherDeps } from '../../src/worker/dispatch';
import { createInProcessEngineClient, createInProcessPort } from '../../src/worker/inProcessPort';

/** Timers that fire only when the test advances time. */
export interface ManualTimers extends StoreTimers {
  advance(ms: number): void;
  readonly now: () => number;
  pending(): number;
}

export function manualTimers(): ManualTimers {
  let clock = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => clock,
    setTimeout(callback, ms) {
      const id = nextId++;
      queue.set(id, { at: clock + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    advance(ms) {
      const until = clock + ms;
      for (;;) {
        const due = [...queue.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        queue.delete(due[0]);
        clock = Math.max(clock, due[1].at);
        due[1].callback();
      }
      clock = until;
    },
    pending: () => queue.size,
  };
}

/** A `Storage` over a map, that can be made to refuse writes. */
export function mapStorage(
  entries: Record<string, string> = {},
): KeyValueStorage & { readonly map: Map<string, string>; full: boolean } {
  const map = new Map(Object.entries(entries));
  const storage = {
    map,
    full: false,
    getItem: (key: string) => map.get(key) ?? null,
    setItem(key: string, value: string) {
      if (storage.full) throw new Error('QuotaExceededError');
      map.set(key, value);
    },
    removeItem: (key: string) => void map.delete(key),
  };
  return storage;
}

export const DISPATCHER_DEPS: DispatcherDeps = {
  engine: undefined,
  catalog: () => Promise.resolve(undefined),
  managedPolicies: undefined,
  yieldControl: () => Promise.resolve(),
  now: () => 0,
};

/** The real dispatcher in process (the static graph until the engine lands). */
export function inProcessEngine(): EngineClient {
  return createInProcessEngineClient(DISPATCHER_DEPS);
}

/** An in-process engine whose messages wait until `release()`: an analysis that takes as long as the test wants. */
export function gatedEngine(): { engine: EngineClient; release(): void } {
  const held: (() => void)[] = [];
  let open = false;
  function gate(port: WorkerPort): WorkerPort {
    return {
      ...port,
      postMessage(message) {
        if (open || message.type === 'cancel') port.postMessage(message);
        else held.push(() => port.postMessage(message));
      },
    };
  }
  return {
    engine: createEngineClient({ spawn: () => gate(createInProcessPort(DISPATCHER_DEPS)) }),
    release() {
      open = true;
      for (const send of held.splice(0)) send();
    },
  };
}

/** The first lesson's scenario text, as the app opens it. */
export const LESSON_TEXT = `${JSON.stringify(lessonScenario(LESSONS[0]!, 'en'), null, 2)}\n`;

/** Lets queued microtasks and zero-delay macrotasks (the in-process worker) run. */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A store over the first lesson with manual timers and the in-process engine. */
export function testStore(options: Partial<AppStoreOptions> = {}): { store: AppStore; timers: ManualTimers } {
  const timers = options.timers === undefined ? manualTimers() : (options.timers as ManualTimers);
  const store = createAppStore({
    engine: inProcessEngine(),
    timers,
    now: timers.now,
    defaultText: LESSON_TEXT,
    defaults: { theme: 'light', language: 'en' },
    ...options,
  });
  return { store, timers };
}

/** Runs due timers and lets the engine answer. */
export async function settle(timers: ManualTimers, ms = 1000): Promise<void> {
  timers.advance(ms);
  await flush();
  timers.advance(ms);
  await flush();
}
