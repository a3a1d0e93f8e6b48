/**
 * The main thread's handle on the engine: a typed, promise-based client over a worker port.
 *
 * - Latest wins: a newer `analyze` supersedes an older pending one. The superseded promise
 *   **resolves** with `{ status: 'superseded' }` (it is the normal case while typing, not an error),
 *   and the worker is told to stop the old analysis at its next checkpoint.
 * - `cancel()` stops the pending `analyze`; its promise resolves with `{ status: 'cancelled' }`.
 * - Failures **reject** with an `EngineError` carrying a code: `timeout` (no message from the worker
 *   for `timeoutMs`; the worker is terminated and a fresh one is spawned on the next call, restored
 *   with the last text that analysed successfully), `worker-crashed`, `no-scenario`, `bad-request`,
 *   `disposed`, `internal`.
 * - Progress events of long analyses reach `onProgress`; each progress message also resets the timeout.
 *
 * The same client runs over a Web Worker (`createWebWorkerEngineClient`) and in process
 * (`createInProcessEngineClient` in `inProcessPort.ts`), so tests exercise the real logic.
 */
import type {
  AccessPath,
  AnalysisProgress,
  EdgeExplanation,
  Neighbourhood,
  PrincipalReach,
  Reacher,
} from '../analysis/types';
import type { EvaluationResult, Request } from '../engine/types';
import { createGraphDecoder } from './graphWire';
import {
  PROTOCOL_VERSION,
  parseWorkerResponse,
  type AnalyzeResult,
  type EngineErrorCode,
  type QueryPayloads,
  type QueryResults,
  type QueryType,
  type WorkerRequest,
} from './protocol';

/** A failed query. */
export class EngineError extends Error {
  /** Why it failed. */
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** What `analyze` resolves with. */
export type AnalyzeOutcome =
  | ({ readonly status: 'done' } & AnalyzeResult)
  | { readonly status: 'superseded' }
  | { readonly status: 'cancelled' };

/** Options of one `analyze` call. */
export interface AnalyzeOptions {
  /** Called for each progress event of this analysis. */
  readonly onProgress?: (progress: AnalysisProgress) => void;
}

/** The engine as the UI sees it. Queries other than `analyze` answer against the last analysed scenario. */
export interface EngineClient {
  analyze(text: string, options?: AnalyzeOptions): Promise<AnalyzeOutcome>;
  evaluate(request: Request): Promise<EvaluationResult>;
  explainEdge(edgeId: string): Promise<EdgeExplanation | undefined>;
  reach(principal: string): Promise<PrincipalReach | undefined>;
  whoCanReach(resource: string, action?: string): Promise<readonly Reacher[]>;
  path(principal: string, resource: string, action: string): Promise<AccessPath | undefined>;
  /** What one node needs of the last analysis when the graph came without effective access (`AccessGraph.omitted`). */
  neighbourhood(node: string): Promise<Neighbourhood>;
  /** Cancels the pending `analyze`, if any. */
  cancel(): void;
  /** Terminates the worker; pending and later queries reject with `disposed`. */
  dispose(): void;
}

/** What the client talks through: a Web Worker, the in-process dispatcher, or a fake in tests. */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  /** Installs the handlers; called once, right after spawning. */
  listen(onMessage: (data: unknown) => void, onError: (error: unknown) => void): void;
}

/** Timer functions, injectable so tests can drive time. */
export interface ClientTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How to build a client. */
export interface EngineClientOptions {
  /** Creates a fresh worker port (at start and after a timeout or crash). */
  readonly spawn: () => WorkerPort;
  /** Milliseconds without any message about a pending query before it fails with `timeout`. Default 60 000. */
  readonly timeoutMs?: number;
  readonly timers?: ClientTimers;
}

/** The default silence after which a worker counts as stuck. */
export const DEFAULT_TIMEOUT_MS = 60_000;

interface Pending {
  readonly type: QueryType;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: EngineError) => void;
  readonly onProgress: ((progress: AnalysisProgress) => void) | undefined;
  /** The text of an `analyze`, kept to restore a respawned worker. */
  readonly text: string | undefined;
  timer: unknown;
}

const DEFAULT_TIMERS: ClientTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Creates a client over ports made by `options.spawn`. */
export function createEngineClient(options: EngineClientOptions): EngineClient {
  const timers = options.timers ?? DEFAULT_TIMERS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  let port: WorkerPort | undefined;
  let nextId = 1;
  let currentAnalyze: number | undefined;
  let lastGoodText: string | undefined;
  /** The id of the replayed `analyze` that restores a respawned worker, until it answers. */
  let restoring: number | undefined;
  let disposed = false;

  function ensurePort(): WorkerPort {
    if (port !== undefined) return port;
    const fresh = options.spawn();
    port = fresh;
    fresh.listen(
      (data) => {
        if (port === fresh) onMessage(data);
      },
      (error) => {
        if (port === fresh) onCrash(error);
      },
    );
    // INVARIANT: a fresh worker holds no scenario; replay the last good one so queries keep working.
    if (lastGoodText !== undefined) {
      restoring = nextId++;
      fresh.postMessage({ v: PROTOCOL_VERSION, id: restoring, type: 'analyze', text: lastGoodText });
    }
    return fresh;
  }

  function arm(id: number, entry: Pending): void {
    if (entry.timer !== undefined) timers.clearTimeout(entry.timer);
    entry.timer = timers.setTimeout(() => onTimeout(id), timeoutMs);
  }

  function settle(id: number): Pending | undefined {
    const entry = pending.get(id);
    if (entry === undefined) return undefined;
    pending.delete(id);
    if (entry.timer !== undefined) timers.clearTimeout(entry.timer);
    if (currentAnalyze === id) currentAnalyze = undefined;
    return entry;
  }

  function onMessage(data: unknown): void {
    const response = parseWorkerResponse(data);
    if (response === undefined) return;
    if (response.id === restoring) {
      // A long restore is progress for every query queued behind it.
      if (response.type === 'progress') for (const [id, queued] of pending) arm(id, queued);
      else restoring = undefined;
      return;
    }
    const entry = pending.get(response.id);
    if (entry === undefined) return;
    if (response.type === 'progress') {
      arm(response.id, entry);
      entry.onProgress?.(response.progress);
      return;
    }
    settle(response.id);
    if (response.type === 'error') {
      if (response.error.code === 'cancelled' && entry.type === 'analyze')
        entry.resolve({ status: 'cancelled' });
      else entry.reject(new EngineError(response.error.code, response.error.message));
      return;
    }
    if (entry.type === 'analyze') {
      const result = response.result as AnalyzeResult;
      if (result.graph !== undefined) lastGoodText = entry.text;
      entry.resolve({ status: 'done', ...result });
      return;
    }
    entry.resolve(response.result);
  }

  function dropPort(): void {
    port?.terminate();
    port = undefined;
  }

  function failAll(code: EngineErrorCode, message: string): void {
    for (const id of [...pending.keys()]) settle(id)?.reject(new EngineError(code, message));
  }

  function onTimeout(id: number): void {
    const entry = pending.get(id);
    if (entry === undefined) return;
    // A text that hangs the worker must not be replayed into the next one.
    if ((entry.type === 'analyze' && entry.text === lastGoodText) || restoring !== undefined)
      lastGoodText = undefined;
    restoring = undefined;
    dropPort();
    failAll('timeout', `the engine did not answer within ${timeoutMs} ms and was restarted`);
  }

  function onCrash(error: unknown): void {
    if (restoring !== undefined) lastGoodText = undefined;
    restoring = undefined;
    dropPort();
    failAll(
      'worker-crashed',
      `the engine stopped: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  function send<T extends QueryType>(
    type: T,
    payload: QueryPayloads[T],
    extra: { onProgress?: (p: AnalysisProgress) => void; text?: string } = {},
  ): Promise<QueryResults[T] | AnalyzeOutcome> {
    if (disposed) return Promise.reject(new EngineError('disposed', 'the engine client was disposed'));
    const target = ensurePort();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        type,
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: extra.onProgress,
        text: extra.text,
        timer: undefined,
      };
      pending.set(id, entry);
      arm(id, entry);
      if (type === 'analyze') currentAnalyze = id;
      target.postMessage({ v: PROTOCOL_VERSION, id, type, ...payload } as WorkerRequest);
    });
  }

  function supersede(status: 'superseded' | 'cancelled'): void {
    if (currentAnalyze === undefined) return;
    const id = currentAnalyze;
    settle(id)?.resolve({ status });
    port?.postMessage({ v: PROTOCOL_VERSION, id: nextId++, type: 'cancel', target: id });
  }

  async function query<T extends Exclude<QueryType, 'analyze'>>(
    type: T,
    payload: QueryPayloads[T],
  ): Promise<QueryResults[T]> {
    return (await send(type, payload)) as QueryResults[T];
  }

  return {
    async analyze(text, analyzeOptions = {}) {
      supersede('superseded');
      const outcome = await send(
        'analyze',
        { text },
        { text, ...(analyzeOptions.onProgress ? { onProgress: analyzeOptions.onProgress } : {}) },
      );
      return outcome as AnalyzeOutcome;
    },
    evaluate: (request) => query('evaluate', { request }),
    explainEdge: (edgeId) => query('explainEdge', { edgeId }),
    reach: (principal) => query('reach', { principal }),
    whoCanReach: (resource, action) => query('whoCanReach', { resource, action }),
    path: (principal, resource, action) => query('path', { principal, resource, action }),
    neighbourhood: (node) => query('neighbourhood', { node }),
    cancel: () => supersede('cancelled'),
    dispose() {
      disposed = true;
      dropPort();
      failAll('disposed', 'the engine client was disposed');
    },
  };
}

/** Adapts a Web Worker to a `WorkerPort`. */
export function fromWebWorker(worker: Worker): WorkerPort {
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onMessage, onError) {
      // One decoder per worker: a respawned worker starts again from a whole graph.
      const decode = createGraphDecoder();
      worker.onmessage = (event: MessageEvent<unknown>) => {
        let data: unknown;
        try {
          data = decode(event.data);
        } catch (error) {
          onError(error);
          return;
        }
        onMessage(data);
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onError(new Error(event.message));
      };
      worker.onmessageerror = () => onError(new Error('a message from the engine could not be read'));
    },
  };
}

/** The client the app uses: the engine in a module Web Worker (`engine.worker.ts`). */
export function createWebWorkerEngineClient(options: { readonly timeoutMs?: number } = {}): EngineClient {
  return createEngineClient({
    ...options,
    spawn: () =>
      fromWebWorker(
        new Worker(new URL('./engine.worker.ts', import.meta.url), {
          type: 'module',
          name: 'accessgraph-engine',
        }),
      ),
  });
}
