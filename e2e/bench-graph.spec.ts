/**
 * Graph benchmark (@bench, runs only with BENCH=1): the first draw of generated organizations of
 * 1,000 and 5,000 nodes in headless Chromium, with production code. The graph lab page
 * (src/ui/graph/lab) is built with Vite into test-results/ and served under the app's own origin.
 * Prints one JSON line per size (`hiddenEdges`: trust edges a large graph draws only for the
 * selection); the 5,000-node draw must take at most 3 s.
 *
 *   BENCH=1 node scripts/e2e.mjs e2e/bench-graph.spec.ts
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { GraphPage } from './pages/GraphPage';

const OUT = 'test-results/graph-lab';
const BASE = '/__graph-lab/';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

test.describe('graph bench @bench', () => {
  test.skip(process.env.BENCH !== '1', 'set BENCH=1 to run the benchmark');
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async () => {
    const { build } = await import('vite');
    const react = (await import('@vitejs/plugin-react')).default;
    await build({
      configFile: false,
      root: process.cwd(),
      base: BASE,
      logLevel: 'warn',
      plugins: [react()],
      build: {
        outDir: OUT,
        emptyOutDir: true,
        target: 'es2022',
        rollupOptions: { input: 'src/ui/graph/lab/index.html' },
      },
    });
  });

  for (const size of [1000, 5000]) {
    test(`first draw of ${size} nodes @bench`, async ({ page }) => {
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('http://127.0.0.1:4173/')) outside.push(request.url());
      });
      await page.route(`**${BASE}**`, async (route) => {
        const path = new URL(route.request().url()).pathname.slice(BASE.length);
        const body = await readFile(join(OUT, path));
        await route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
      });
      const started = Date.now();
      await page.goto(`${BASE}src/ui/graph/lab/index.html?graph=synthetic&n=${size}`);
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
