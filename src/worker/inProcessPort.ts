/**
 * The engine client without a Web Worker: the real dispatcher behind a port that delivers messages
 * asynchronously and by structured clone, exactly as `postMessage` would. Used by Vitest, and usable
 * wherever workers are not available.
 */
import { createEngineClient, type EngineClient, type EngineClientOptions, type WorkerPort } from './EngineClient';
import { createDispatcherState, handleRequest, type DispatcherDeps } from './dispatch';

/** Yields to the event loop (lets a pending `cancel` in). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A port whose "worker" is a dispatcher in this thread. `terminate` drops everything it would still send. */
export function createInProcessPort(deps: DispatcherDeps): WorkerPort {
  const state = createDispatcherState(deps);
  let receive: ((data: unknown) => void) | undefined;
  let alive = true;
  return {
    postMessage(message) {
      const copy = structuredClone(message);
      queueMicrotask(() => {
        if (!alive) return;
        void handleRequest(state, copy, (response) => {
          const reply = structuredClone(response);
          queueMicrotask(() => {
            if (alive) receive?.(reply);
          });
        });
      });
    },
    terminate() {
      alive = false;
    },
    listen(onMessage) {
      receive = onMessage;
    },
  };
}

/** An engine client over in-process dispatchers (a fresh one per spawn, like a fresh worker). */
export function createInProcessEngineClient(deps: DispatcherDeps, options: Omit<EngineClientOptions, 'spawn'> = {}): EngineClient {
  return createEngineClient({ ...options, spawn: () => createInProcessPort(deps) });
}
