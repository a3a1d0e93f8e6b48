import { describe, expect, it } from 'vitest';
import { selectAccessChanges, selectShowingLastValid } from '../../src/state/selectors';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { createInProcessEngineClient } from '../../src/worker/inProcessPort';
import { nodeCatalog } from '../analysis/support/env';
import { DISPATCHER_DEPS, gatedEngine, inProcessEngine, LESSON_TEXT, settle, testStore } from './harness';

describe('analysis slice', () => {
  it('analyses the opening scenario at once and keeps its graph', async () => {
    const { store, timers } = testStore();
    expect(store.getState().analysis.status).toBe('running');
    await settle(timers);
    const { analysis, document } = store.getState();
    expect(analysis.status).toBe('done');
    expect(analysis.graph?.nodes.map((n) => n.id)).toStrictEqual([
      '111111111111',
      '222222222222',
      'arn:aws:iam::222222222222:user/User1',
      'arn:aws:iam::222222222222:user/User2',
      'arn:aws:s3:::bucket-a',
    ]);
    expect(analysis.graphRevision).toBe(0);
    expect(document.diagnostics).toStrictEqual([]);
    expect(document.diagnosticsRevision).toBe(0);
  });

  it('waits for a pause in typing and sends only the last text', async () => {
    const { store, timers } = testStore();
    await settle(timers);
    const texts = ['AccountX', 'AccountXY', 'AccountXYZ'].map((name) =>
      LESSON_TEXT.replace('"name": "AccountA"', `"name": "${name}"`),
    );
    for (const text of texts) {
      store.getState().setText(text, 'typing');
      timers.advance(100);
    }
    expect(store.getState().analysis.revision).toBe(0);
    timers.advance(250);
    expect(store.getState().analysis.revision).toBe(3);
    await settle(timers);
    expect(store.getState().analysis.graph?.nodes[0]?.label).toBe('AccountXYZ');
  });

  it('keeps the last good graph and reports located diagnostics while the text is broken', async () => {
    const { store, timers } = testStore();
    await settle(timers);
    const good = store.getState().analysis.graph;
    const broken = LESSON_TEXT.replace('"name": "AccountB"', '"name": "AccountB",,');
    store.getState().setText(broken, 'typing');
    await settle(timers);
    const { analysis, document } = store.getState();
    expect(analysis.graph).toBe(good);
    expect(analysis.stale).toBe(true);
    expect(analysis.graphRevision).toBe(0);
    expect(selectShowingLastValid(store.getState())).toBe(true);
    const line = broken.split('\n').findIndex((l) => l.includes('"AccountB",,')) + 1;
    expect(document.diagnostics.map((d) => [d.code, d.severity, d.range?.line])).toContainEqual([
      'json-syntax',
      'error',
      line,
    ]);
    expect(document.text).toBe(broken);

    store.getState().setText(LESSON_TEXT, 'edit');
    await settle(timers);
    expect(store.getState().analysis.stale).toBe(false);
    expect(store.getState().analysis.graphRevision).toBe(2);
  });

  it('shows progress after 200 ms and can be cancelled, keeping the graph', async () => {
    const gated = gatedEngine();
    const { store, timers } = testStore({ engine: gated.engine });
    timers.advance(199);
    expect(store.getState().analysis.slow).toBe(false);
    timers.advance(1);
    expect(store.getState().analysis.slow).toBe(true);
    store.getState().cancelAnalysis();
    await settle(timers);
    expect(store.getState().analysis).toMatchObject({ status: 'cancelled', slow: false, graph: undefined });

    gated.release();
    store.getState().setText(LESSON_TEXT.replace('"name": "AccountB"', '"name": "AccountC"'), 'edit');
    await settle(timers);
    expect(store.getState().analysis).toMatchObject({ status: 'done', slow: false, stale: false });
    expect(store.getState().analysis.graph?.nodes[1]?.label).toBe('AccountC');
  });

  it('reports an engine failure and keeps the graph', async () => {
    const engine = inProcessEngine();
    const { store, timers } = testStore({ engine });
    await settle(timers);
    const good = store.getState().analysis.graph;
    // A disposed client rejects every query, the way a crashed or timed-out worker's queries fail.
    engine.dispose();
    store.getState().setText(LESSON_TEXT.replace('"name": "AccountB"', '"name": "AccountD"'), 'edit');
    await settle(timers);
    expect(store.getState().analysis).toMatchObject({
      status: 'failed',
      error: 'the engine client was disposed',
      graph: good,
      slow: false,
    });
  });
});

describe('access changes', () => {
  /** A store over the real engine and the installed catalog (the harness's has no engine: no access edges). */
  function realStore(): ReturnType<typeof testStore> {
    return testStore({
      engine: createInProcessEngineClient({
        ...DISPATCHER_DEPS,
        engine: DEFAULT_ENGINE,
        catalog: nodeCatalog,
      }),
    });
  }

  /** Runs timers until the analysis of the current text is done (the catalog is read from disk). */
  async function analysed({ store, timers }: ReturnType<typeof testStore>): Promise<void> {
    for (let i = 0; i < 400; i++) {
      await settle(timers);
      const { analysis, document } = store.getState();
      if (analysis.status === 'done' && analysis.revision === document.revision) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the analysis did not finish');
  }

  const widened = LESSON_TEXT.replace('"s3:List*"', '"s3:List*", "s3:PutObject"');
  const USER2 = 'arn:aws:iam::222222222222:user/User2';

  it('counts from the first graph, lists an edit’s added access, and starts again from “Compare from here”', async () => {
    const t = realStore();
    const { store } = t;
    await analysed(t);
    const first = store.getState().analysis.graph;
    expect(store.getState().analysis.baseline).toBe(first);
    expect(selectAccessChanges(store.getState())).toMatchObject({ kind: 'diff', count: 0 });
    store.getState().setText(widened, 'edit');
    await analysed(t);
    const changes = selectAccessChanges(store.getState());
    expect(store.getState().analysis.baseline).toBe(first);
    expect(
      changes.kind === 'diff'
        ? changes.diff.access.map((c) => [c.change, c.principal, c.action, c.after?.resource])
        : changes,
    ).toStrictEqual([['added', USER2, 's3:PutObject', 'arn:aws:s3:::bucket-a/*']]);
    // The same pair of graphs gives the same object (the panel re-renders without recomputing).
    expect(selectAccessChanges(store.getState())).toBe(changes);
    store.getState().setBaseline();
    expect(store.getState().analysis.baseline).toBe(store.getState().analysis.graph);
    expect(selectAccessChanges(store.getState())).toMatchObject({ kind: 'diff', count: 0 });
  });

  it('takes the first graph of a loaded scenario as the new baseline, not the edits before it', async () => {
    const t = realStore();
    const { store } = t;
    await analysed(t);
    store.getState().setText(widened, 'edit');
    await analysed(t);
    expect(selectAccessChanges(store.getState())).toMatchObject({ count: 1 });
    store.getState().loadScenario(widened.replace('"name": "AccountA"', '"name": "Imported"'));
    expect(store.getState().analysis.baselineArmed).toBe(true);
    await analysed(t);
    expect(store.getState().analysis.baseline).toBe(store.getState().analysis.graph);
    expect(selectAccessChanges(store.getState())).toMatchObject({ kind: 'diff', count: 0 });
    // A broken text after a load keeps waiting for a graph to count from.
    store.getState().loadScenario('{ "format": ');
    await analysed(t);
    expect(store.getState().analysis.baselineArmed).toBe(true);
  });
});
