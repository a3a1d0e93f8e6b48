import { describe, expect, it, vi } from 'vitest';
import { createEngineClient, EngineError, type WorkerPort } from '../../src/worker/EngineClient';
import { PROTOCOL_VERSION, type WorkerRequest } from '../../src/worker/protocol';

/** A worker whose answers the test writes by hand. */
interface FakeWorker extends WorkerPort {
  readonly received: WorkerRequest[];
  terminated: boolean;
  reply(data: unknown): void;
  crash(error: Error): void;
}

function fakeWorker(): FakeWorker {
  let onMessage: ((data: unknown) => void) | undefined;
  let onError: ((error: unknown) => void) | undefined;
  const worker: FakeWorker = {
    received: [],
    terminated: false,
    postMessage: (message) => void worker.received.push(message),
    terminate: () => void (worker.terminated = true),
    listen(message, error) {
      onMessage = message;
      onError = error;
    },
    reply: (data) => onMessage?.(data),
    crash: (error) => onError?.(error),
  };
  return worker;
}

function spawner(): { spawn: () => FakeWorker; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn: () => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    },
  };
}

const EMPTY_RESULT = { diagnostics: [], graph: undefined, stats: { parseMs: 0, analysisMs: 0, incremental: false } };
const GOOD_RESULT = { diagnostics: [], graph: { version: 1 }, stats: { parseMs: 1, analysisMs: 2, incremental: false } };

function result(id: number, value: unknown): unknown {
  return { v: PROTOCOL_VERSION, id, type: 'result', result: value };
}

describe('EngineClient', () => {
  it('resolves a query with the matching answer and ignores malformed or unknown messages', async () => {
    const { spawn, workers } = spawner();
    const client = createEngineClient({ spawn });
    const reach = client.reach('arn:aws:iam::111111111111:user/alice');
    const sent = workers[0]!.received[0]!;
    expect(sent).toStrictEqual({ v: PROTOCOL_VERSION, id: sent.id, type: 'reach', principal: 'arn:aws:iam::111111111111:user/alice' });
    workers[0]!.reply({ nonsense: true });
    workers[0]!.reply(result(999, 'other'));
    workers[0]!.reply(result(sent.id, { principal: 'x', roles: [], resources: [] }));
    await expect(reach).resolves.toStrictEqual({ principal: 'x', roles: [], resources: [] });
  });

  it('latest wins: a newer analyze resolves the older one as superseded and cancels it in the worker', async () => {
    const { spawn, workers } = spawner();
    const client = createEngineClient({ spawn });
    const first = client.analyze('one');
    const second = client.analyze('two');
    await expect(first).resolves.toStrictEqual({ status: 'superseded' });
    const [a, cancel, b] = workers[0]!.received;
    expect(a).toMatchObject({ type: 'analyze', text: 'one' });
    expect(cancel).toStrictEqual({ v: PROTOCOL_VERSION, id: cancel!.id, type: 'cancel', target: a!.id });
    expect(b).toMatchObject({ type: 'analyze', text: 'two' });
    // A late answer to the superseded analysis changes nothing.
    workers[0]!.reply(result(a!.id, GOOD_RESULT));
    workers[0]!.reply(result(b!.id, EMPTY_RESULT));
    await expect(second).resolves.toStrictEqual({ status: 'done', ...EMPTY_RESULT });
  });

  it('cancel() resolves the pending analyze as cancelled; a worker-side cancellation does the same', async () => {
    const { spawn, workers } = spawner();
    const client = createEngineClient({ spawn });
    const pending = client.analyze('one');
    client.cancel();
    await expect(pending).resolves.toStrictEqual({ status: 'cancelled' });
    expect(workers[0]!.received.at(-1)).toMatchObject({ type: 'cancel', target: workers[0]!.received[0]!.id });
    const again = client.analyze('two');
    const id = workers[0]!.received.at(-1)!.id;
    workers[0]!.reply({ v: PROTOCOL_VERSION, id, type: 'error', error: { code: 'cancelled', message: 'stopped' } });
    await expect(again).resolves.toStrictEqual({ status: 'cancelled' });
  });

  it('rejects failed queries with a typed EngineError', async () => {
    const { spawn, workers } = spawner();
    const client = createEngineClient({ spawn });
    const evaluation = client.evaluate({ principal: 'p', action: 'a', resource: 'r' });
    const id = workers[0]!.received[0]!.id;
    workers[0]!.reply({ v: PROTOCOL_VERSION, id, type: 'error', error: { code: 'no-scenario', message: 'no scenario has been analysed yet' } });
    const error = await evaluation.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('no-scenario');
  });

  it('forwards progress and lets progress keep a long analysis alive past the timeout', async () => {
    vi.useFakeTimers();
    try {
      const { spawn, workers } = spawner();
      const client = createEngineClient({ spawn, timeoutMs: 1000 });
      const seen: unknown[] = [];
      const pending = client.analyze('big', { onProgress: (p) => seen.push(p) });
      const id = workers[0]!.received[0]!.id;
      for (let i = 1; i <= 3; i++) {
        vi.advanceTimersByTime(800);
        workers[0]!.reply({ v: PROTOCOL_VERSION, id, type: 'progress', progress: { phase: 'access', done: i, total: 3 } });
      }
      vi.advanceTimersByTime(800);
      workers[0]!.reply(result(id, GOOD_RESULT));
      await expect(pending).resolves.toMatchObject({ status: 'done' });
      expect(seen).toStrictEqual([1, 2, 3].map((done) => ({ phase: 'access', done, total: 3 })));
      expect(workers[0]!.terminated).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('times out a stuck worker: rejects with `timeout`, terminates it, respawns and restores the last good scenario', async () => {
    vi.useFakeTimers();
    try {
      const { spawn, workers } = spawner();
      const client = createEngineClient({ spawn, timeoutMs: 1000 });
      const good = client.analyze('good');
      workers[0]!.reply(result(workers[0]!.received[0]!.id, GOOD_RESULT));
      await good;
      const stuck = client.explainEdge('e');
      const queued = client.reach('p');
      vi.advanceTimersByTime(1001);
      await expect(stuck).rejects.toMatchObject({ code: 'timeout' });
      await expect(queued).rejects.toMatchObject({ code: 'timeout' });
      expect(workers[0]!.terminated).toBe(true);
      const next = client.reach('p');
      expect(workers).toHaveLength(2);
      const [restore, query] = workers[1]!.received;
      expect(restore).toMatchObject({ type: 'analyze', text: 'good' });
      expect(query).toMatchObject({ type: 'reach', principal: 'p' });
      workers[1]!.reply(result(restore!.id, GOOD_RESULT));
      workers[1]!.reply(result(query!.id, undefined));
      await expect(next).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not replay a text that hung the worker', async () => {
    vi.useFakeTimers();
    try {
      const { spawn, workers } = spawner();
      const client = createEngineClient({ spawn, timeoutMs: 1000 });
      const hang = client.analyze('hangs');
      vi.advanceTimersByTime(1001);
      await expect(hang).rejects.toMatchObject({ code: 'timeout' });
      void client.reach('p');
      expect(workers[1]!.received.map((m) => m.type)).toStrictEqual(['reach']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a crashed worker rejects pending queries with `worker-crashed` and is replaced on the next call', async () => {
    const { spawn, workers } = spawner();
    const client = createEngineClient({ spawn });
    const pending = client.reach('p');
    workers[0]!.crash(new Error('out of memory'));
    await expect(pending).rejects.toMatchObject({ code: 'worker-crashed' });
    void client.reach('p');
    expect(workers).toHaveLength(2);
  });

  it('dispose terminates the worker and rejects pending and later queries', async () => {
    const { spawn, workers } = spawner();
    const client = createEngineClient({ spawn });
    const pending = client.reach('p');
    client.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'disposed' });
    await expect(client.reach('p')).rejects.toMatchObject({ code: 'disposed' });
    expect(workers[0]!.terminated).toBe(true);
  });
});
