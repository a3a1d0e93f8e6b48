import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/Catalog';
import { createNodeCatalogSource } from '../../src/cli/nodeCatalogSource';
import { createDispatcherState, handleRequest, type DispatcherDeps } from '../../src/worker/dispatch';
import { createInProcessEngineClient } from '../../src/worker/inProcessPort';
import { PROTOCOL_VERSION, type WorkerResponse } from '../../src/worker/protocol';

const T121 = readFileSync(new URL('../fixtures/conformance/T121-ram-external-principals-and-invitations.json', import.meta.url), 'utf8');

function deps(overrides: Partial<DispatcherDeps> = {}): DispatcherDeps {
  let clock = 0;
  return { engine: undefined, catalog: () => Promise.resolve(undefined), managedPolicies: undefined, yieldControl: () => Promise.resolve(), now: () => clock++, ...overrides };
}

async function send(state: ReturnType<typeof createDispatcherState>, message: unknown): Promise<WorkerResponse[]> {
  const out: WorkerResponse[] = [];
  await handleRequest(state, message, (r) => out.push(r));
  return out;
}

describe('handleRequest', () => {
  it('answers malformed messages with bad-request', async () => {
    const state = createDispatcherState(deps());
    expect(await send(state, { v: 99, id: 3, type: 'reach', principal: 'p' })).toStrictEqual([{ v: PROTOCOL_VERSION, id: 3, type: 'error', error: { code: 'bad-request', message: 'the message is not a request of this protocol version' } }]);
    expect(await send(state, 'junk')).toMatchObject([{ id: -1, type: 'error', error: { code: 'bad-request' } }]);
    expect(await send(state, { v: PROTOCOL_VERSION, id: 4, type: 'evaluate', request: { principal: 1 } })).toMatchObject([{ id: 4, error: { code: 'bad-request' } }]);
  });

  it('refuses queries before any analysis with no-scenario', async () => {
    const state = createDispatcherState(deps());
    expect(await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'reach', principal: 'p' })).toMatchObject([{ id: 1, type: 'error', error: { code: 'no-scenario' } }]);
  });

  it('returns diagnostics and no graph for text that does not parse, keeping the previous scenario', async () => {
    const state = createDispatcherState(deps());
    const good = await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: T121 });
    expect(good.at(-1)).toMatchObject({ id: 1, type: 'result', result: { graph: { version: 1 } } });
    const bad = await send(state, { v: PROTOCOL_VERSION, id: 2, type: 'analyze', text: '{ "format": ' });
    const last = bad.at(-1);
    expect(last).toMatchObject({ id: 2, type: 'result' });
    expect(last?.type === 'result' ? (last.result as { graph?: unknown }).graph : 'missing').toBeUndefined();
    const reach = await send(state, { v: PROTOCOL_VERSION, id: 3, type: 'reach', principal: 'arn:aws:iam::333333333333:user/carol' });
    expect(reach).toStrictEqual([{ v: PROTOCOL_VERSION, id: 3, type: 'result', result: { principal: 'arn:aws:iam::333333333333:user/carol', roles: [], resources: [] } }]);
  });

  it('adds the catalog lint to the diagnostics, located at the line of the offending action', async () => {
    const state = createDispatcherState(deps({ catalog: () => createCatalog(createNodeCatalogSource()) }));
    const text = T121.replace('"ec2:RunInstances"', '"ec2:RunInstancez"');
    expect(text).not.toBe(T121);
    const out = await send(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text });
    const last = out.at(-1);
    const diagnostics = last?.type === 'result' ? (last.result as { diagnostics: readonly { code: string; message: string; range?: { line: number } }[] }).diagnostics : [];
    const line = text.split('\n').findIndex((l) => l.includes('ec2:RunInstancez')) + 1;
    expect(diagnostics.filter((d) => d.code === 'policy-lint' && d.message.includes('RunInstancez')).map((d) => d.range?.line)).toStrictEqual([line]);
  });

  it('stops a running analysis at its next checkpoint when cancelled', async () => {
    let release: (() => void) | undefined;
    const state = createDispatcherState(deps({ yieldControl: () => new Promise<void>((resolve) => (release = resolve)) }));
    const out: WorkerResponse[] = [];
    const running = handleRequest(state, { v: PROTOCOL_VERSION, id: 1, type: 'analyze', text: T121 }, (r) => out.push(r));
    while (release === undefined) await Promise.resolve();
    await handleRequest(state, { v: PROTOCOL_VERSION, id: 2, type: 'cancel', target: 1 }, (r) => out.push(r));
    release();
    await running;
    expect(out.filter((r) => r.type !== 'progress')).toStrictEqual([{ v: PROTOCOL_VERSION, id: 1, type: 'error', error: { code: 'cancelled', message: 'the analysis was cancelled' } }]);
    expect(out[0]).toStrictEqual({ v: PROTOCOL_VERSION, id: 1, type: 'progress', progress: { phase: 'compile', done: 1, total: 1 } });
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
