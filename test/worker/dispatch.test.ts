import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { ANALYSIS_PHASES, type AnalysisProgress } from '../../src/analysis/types';
import { createCatalog } from '../../src/catalog/Catalog';
import { createNodeCatalogSource } from '../../src/cli/nodeCatalogSource';
import { createDispatcherState, handleRequest, type DispatcherDeps } from '../../src/worker/dispatch';
import { createInProcessEngineClient } from '../../src/worker/inProcessPort';
import { PROTOCOL_VERSION, type WorkerResponse } from '../../src/worker/protocol';
import { analysisOrg } from '../../scripts/bench/analysisOrg';

const T121 = readFileSync(
  new URL('../fixtures/conformance/T121-ram-external-principals-and-invitations.json', import.meta.url),
  'utf8',
);

function deps(overrides: Partial<DispatcherDeps> = {}): DispatcherDeps {
  let clock = 0;
  return {
    engine: undefined,
    catalog: () => Promise.resolve(undefined),
    managedPolicies: undefined,
    yieldControl: () => Promise.resolve(),
    now: () => clock++,
    ...overrides,
  };
}

async function send(
  state: ReturnType<typeof createDispatcherState>,
  message: unknown,
): Promise<WorkerResponse[]> {
  const out: WorkerResponse[] = [];
  await handleRequest(state, message, (r) => out.push(r));
  return out;
}

/** A scenario with many request sources, so that the access phase takes many work units. */
function manyUsers(count: number): string {
  const doc = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*' }],
  };
  const users = Array.from({ length: count }, (_, i) => ({
    arn: `arn:aws:iam::111111111111:user/u${i}`,
    policies: [{ name: 'read', document: doc }],
  }));
  return JSON.stringify({
    format: 'accessgraph/v1',
    accounts: [{ id: '111111111111', name: 'a' }],
    users,
    resources: [{ arn: 'arn:aws:s3:::bkt', account: '111111111111' }],
  });
}

function diagnosticsOf(
  out: readonly WorkerResponse[],
): readonly { code: string; message: string; range?: unknown }[] {
  const last = out.at(-1);
  return last?.type === 'result'
    ? (last.result as { diagnostics: readonly { code: string; message: string; range?: unknown }[] })
        .diagnostics
    : [];
}

function progressOf(out: readonly WorkerResponse[]): AnalysisProgress[] {
  return out.flatMap((r) => (r.type === 'progress' ? [r.progress] : []));
}

describe('handleRequest', () => {
  it('answers malformed messages with bad-request', async () => {
    const state = createDispatcherState(deps());
    expect(await send(state, { v: 99, id: 3, type: 'reach', principal: 'p' })).toStrictEqual([
      {
        v: PROTOCOL_VERSION,
        id: 3,
        type: 'error',
        error: { code: 'bad-request', message: 'the message is not a request of this protocol version' },
      },
    ]);
    expect(await send(state, 'junk')).toMatchObject([
      { id: -1, type: 'error', error: { code: 'bad-request' } },
    ]);
    expect(
      await send(state, { v: PROTOCOL_VERSION, id: 4, type: 'evaluate', request: { principal: 1 } }),
    ).toMatchObject([{ id: 4, error: { code: 'bad-request' } }]);
  });

  it('refuses queries before any analysis with no-scenario', async () => {
    const state = createDispatcherState(deps());
    expect(await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'reach', principal: 'p' })).toMatchObject([
      { id: 1, type: 'error', error: { code: 'no-scenario' } },
    ]);
  });

  it('returns diagnostics and no graph for text that does not parse, keeping the previous scenario', async () => {
    const state = createDispatcherState(deps());
    const good = await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: T121 });
    expect(good.at(-1)).toMatchObject({ id: 1, type: 'result', result: { graph: { version: 1 } } });
    const bad = await send(state, { v: PROTOCOL_VERSION, id: 2, type: 'analyze', text: '{ "format": ' });
    const last = bad.at(-1);
    expect(last).toMatchObject({ id: 2, type: 'result' });
    expect(last?.type === 'result' ? (last.result as { graph?: unknown }).graph : 'missing').toBeUndefined();
    const reach = await send(state, {
      v: PROTOCOL_VERSION,
      id: 3,
      type: 'reach',
      principal: 'arn:aws:iam::333333333333:user/carol',
    });
    expect(reach).toStrictEqual([
      {
        v: PROTOCOL_VERSION,
        id: 3,
        type: 'result',
        result: { principal: 'arn:aws:iam::333333333333:user/carol', roles: [], resources: [] },
      },
    ]);
  });

  it('adds the catalog lint to the diagnostics, located at the line of the offending action', async () => {
    const state = createDispatcherState(deps({ catalog: () => createCatalog(createNodeCatalogSource()) }));
    const text = T121.replace('"ec2:RunInstances"', '"ec2:RunInstancez"');
    expect(text).not.toBe(T121);
    const out = await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text });
    const last = out.at(-1);
    const diagnostics =
      last?.type === 'result'
        ? (
            last.result as {
              diagnostics: readonly { code: string; message: string; range?: { line: number } }[];
            }
          ).diagnostics
        : [];
    const line = text.split('\n').findIndex((l) => l.includes('ec2:RunInstancez')) + 1;
    expect(
      diagnostics
        .filter((d) => d.code === 'policy-lint' && d.message.includes('RunInstancez'))
        .map((d) => d.range?.line),
    ).toStrictEqual([line]);
  });

  it('keeps every catalog lint warning exact, located in the new text, across edits that parse only the edited document', async () => {
    const catalog = createCatalog(createNodeCatalogSource());
    const state = createDispatcherState(deps({ catalog: () => catalog }));
    const fresh = async (text: string): Promise<unknown> =>
      diagnosticsOf(
        await send(createDispatcherState(deps({ catalog: () => catalog })), {
          v: PROTOCOL_VERSION,
          id: 1,
          type: 'analyze',
          text,
        }),
      );
    /** The text with `insert` before the `n`th (from 0) occurrence of `marker`. */
    const at = (text: string, marker: string, n: number, insert: string): string => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf(marker, i + 1);
      expect(i).toBeGreaterThanOrEqual(0);
      return text.slice(0, i) + insert + text.slice(i);
    };
    /** The text with the `n`th single action misspelt (a `z` appended): a catalog lint warning. */
    const misspell = (text: string, n: number): string => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf('"Action": "', i + 1);
      expect(i).toBeGreaterThanOrEqual(0);
      const close = text.indexOf('"', i + '"Action": "'.length);
      return `${text.slice(0, close)}z${text.slice(close)}`;
    };
    // Misspelt actions in several documents, so that warnings lie before and after the edited one.
    let text = JSON.stringify(analysisOrg('S'), null, 2);
    for (const n of [500, 300, 100, 3]) text = misspell(text, n);
    const edits: ((t: string) => string)[] = [
      (t) => at(t, '"Effect"', 200, '"Sid": "one",\n\n'),
      (t) => misspell(t, 50),
      (t) => t.replace('"Sid": "one",\n\n', ''),
      (t) => at(t, '"Effect"', 900, '"Sid": "two", '),
    ];
    const first = diagnosticsOf(await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text }));
    expect(first.filter((d) => d.code === 'policy-lint').length).toBeGreaterThanOrEqual(4);
    let id = 1;
    for (const edit of edits) {
      const before = state.parse?.result.scenario;
      text = edit(text);
      const got = diagnosticsOf(await send(state, { v: PROTOCOL_VERSION, id: ++id, type: 'analyze', text }));
      // The edit took the patched parse (the untouched lists are the previous objects).
      expect(state.parse?.result.scenario?.accounts).toBe(before?.accounts);
      expect(got).toStrictEqual(await fresh(text));
    }
  });

  it('stops a running analysis at its next checkpoint when cancelled', async () => {
    let release: (() => void) | undefined;
    const state = createDispatcherState(
      deps({ yieldControl: () => new Promise<void>((resolve) => (release = resolve)) }),
    );
    const out: WorkerResponse[] = [];
    const running = handleRequest(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: T121 }, (r) =>
      out.push(r),
    );
    while (release === undefined) await Promise.resolve();
    await handleRequest(state, { v: PROTOCOL_VERSION, id: 2, type: 'cancel', target: 1 }, (r) => out.push(r));
    release();
    await running;
    expect(out.filter((r) => r.type !== 'progress')).toStrictEqual([
      {
        v: PROTOCOL_VERSION,
        id: 1,
        type: 'error',
        error: { code: 'cancelled', message: 'the analysis was cancelled' },
      },
    ]);
    expect(out[0]).toStrictEqual({
      v: PROTOCOL_VERSION,
      id: 1,
      type: 'progress',
      progress: { phase: 'compile', done: 1, total: 1 },
    });
  });
});

describe('progress and cancellation of long analyses', () => {
  const catalog = createCatalog(createNodeCatalogSource());

  it('reports progress within a long phase, in phase order, counting up to the total', async () => {
    // The clock advances 60 ms per reading, so the 50 ms throttle lets every checkpoint through.
    let clock = 0;
    const state = createDispatcherState(
      deps({ engine: DEFAULT_ENGINE, catalog: () => catalog, now: () => (clock += 60) }),
    );
    const out = await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: manyUsers(100) });
    expect(out.at(-1)).toMatchObject({ id: 1, type: 'result' });
    const progress = progressOf(out);
    const phases = progress.map((p) => ANALYSIS_PHASES.indexOf(p.phase));
    expect(phases).toStrictEqual([...phases].sort((a, b) => a - b));
    const access = progress.filter((p) => p.phase === 'access');
    expect(access.length).toBeGreaterThan(3);
    expect(access.map((p) => p.done)).toStrictEqual([...access.map((p) => p.done)].sort((a, b) => a - b));
    expect(access.at(-1)).toStrictEqual({ phase: 'access', done: 100, total: 100 });
  });

  it('throttles progress: a fast clock posts once per phase', async () => {
    const state = createDispatcherState(
      deps({ engine: DEFAULT_ENGINE, catalog: () => catalog, now: () => 0 }),
    );
    const progress = progressOf(
      await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: manyUsers(100) }),
    );
    expect(progress.map((p) => p.phase)).toStrictEqual([...new Set(progress.map((p) => p.phase))]);
  });

  it('a cancel that arrives mid-phase stops the stale analysis before its remaining work units', async () => {
    const out: WorkerResponse[] = [];
    let cancelled = false;
    const state: ReturnType<typeof createDispatcherState> = createDispatcherState(
      deps({
        engine: DEFAULT_ENGINE,
        catalog: () => catalog,
        yieldControl: async () => {
          // Cancel once the access phase has started (as the client does when a newer edit supersedes this one).
          if (!cancelled && progressOf(out).some((p) => p.phase === 'access')) {
            cancelled = true;
            await handleRequest(state, { v: PROTOCOL_VERSION, id: 2, type: 'cancel', target: 1 }, (r) =>
              out.push(r),
            );
          }
        },
      }),
    );
    await handleRequest(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: manyUsers(100) }, (r) =>
      out.push(r),
    );
    expect(out.filter((r) => r.type !== 'progress')).toStrictEqual([
      {
        v: PROTOCOL_VERSION,
        id: 1,
        type: 'error',
        error: { code: 'cancelled', message: 'the analysis was cancelled' },
      },
    ]);
    const access = progressOf(out).filter((p) => p.phase === 'access');
    expect(access.map((p) => p.done)).toStrictEqual([16]);
    expect(progressOf(out).some((p) => p.phase === 'reachability' || p.phase === 'findings')).toBe(false);
    // The dispatcher keeps serving: the next analysis runs to the end.
    const next = await send(state, { v: PROTOCOL_VERSION, id: 3, type: 'analyze', text: manyUsers(4) });
    expect(next.at(-1)).toMatchObject({ id: 3, type: 'result' });
  });
});

describe('in-process client', () => {
  it('serves the same interface as the worker client', async () => {
    const client = createInProcessEngineClient(deps());
    const outcome = await client.analyze(T121);
    expect(outcome.status).toBe('done');
    const graph = outcome.status === 'done' ? outcome.graph : undefined;
    expect(graph?.nodes.map((n) => n.id)).toContain('arn:aws:iam::333333333333:user/carol');
    await expect(client.explainEdge('nope')).resolves.toBeUndefined();
    client.dispose();
  });
});
