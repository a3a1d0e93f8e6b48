/**
 * Graph benchmark (@bench, runs only with BENCH=1): the first draw of generated organizations of
 * 1,000 and 5,000 nodes in headless Chromium, with production code. The graph lab page
 * (src/ui/graph/lab) is built with Vite into test-results/ and served under the app's own origin.
 * Prints one JSON line per size (`hiddenEdges`: trust edges a large graph draws only for the
 * selection); the 5,000-node draw must take at most 3 s.
 *
 *   BENCH=1 node scripts/e2e.mjs e2e/bench-graph.spec.ts
 */
import { expect, test } from '@playwright/test';
import { buildGraphLab, graphLabUrl, routeGraphLab } from './graphLab';
import { GraphPage } from './pages/GraphPage';

const LAB = { out: 'test-results/graph-lab', base: '/__graph-lab/' } as const;

test.describe('graph bench @bench', () => {
  test.skip(process.env.BENCH !== '1', 'set BENCH=1 to run the benchmark');
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(() => buildGraphLab(LAB));

  for (const size of [1000, 5000]) {
    test(`first draw of ${size} nodes @bench`, async ({ page }) => {
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('http://127.0.0.1:4173/')) outside.push(request.url());
      });
      await routeGraphLab(page, LAB);
      const started = Date.now();
      await page.goto(graphLabUrl(LAB, size));
      const graph = new GraphPage(page);
      await graph.waitReady(120_000);
      const wall = Date.now() - started;
      const stats = await graph.stats();
      // From the moment the panel receives the graph (after it is generated) to its first frame.
      const firstDrawMs = await page.evaluate(() => {
        const mark = performance.getEntriesByName('graph-received')[0]?.startTime ?? 0;
        return Math.round((window.__accessGraph!.stats()?.firstFrameAt ?? Infinity) - mark);
      });
      const select = await page.evaluate(async () => {
        const api = window.__accessGraph!;
        const user = api.nodes().find((n) => n.kind === 'user')!;
        const t0 = performance.now();
        api.select(user.id);
        await new Promise<void>((resolve) => {
          const poll = () =>
            api.highlighted().length > 1 && api.ready() ? resolve() : requestAnimationFrame(poll);
          poll();
        });
        return Math.round(performance.now() - t0);
      });
      console.log(
        JSON.stringify({
          bench: 'graph-first-draw',
          size,
          nodes: stats?.nodes,
          edges: stats?.edges,
          hiddenEdges: stats?.hiddenEdges,
          firstDrawMs,
          controllerFirstDrawMs: stats?.firstDrawMs,
          layoutMs: stats?.lastLayoutMs,
          syncMs: stats?.lastSyncMs,
          selectMs: select,
          pageLoadMs: wall,
        }),
      );
      expect(outside).toStrictEqual([]);
      if (size === 5000) expect(firstDrawMs).toBeLessThanOrEqual(3000);
    });
  }
});
