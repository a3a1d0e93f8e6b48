/**
 * The graph lab page (src/ui/graph/lab) for e2e specs that need a generated organization of a given
 * size without going through analysis: built with Vite into `test-results/`, served under the app's
 * own origin by routing its requests to the built files.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Page } from '@playwright/test';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** One build of the lab page: `base` is the path it is served under, `out` where it is built. */
export interface GraphLab {
  readonly base: string;
  readonly out: string;
}

/** Builds the lab page with production settings. */
export async function buildGraphLab(lab: GraphLab): Promise<void> {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    configFile: false,
    root: process.cwd(),
    base: lab.base,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: lab.out, emptyOutDir: true, target: 'es2022', rollupOptions: { input: 'src/ui/graph/lab/index.html' } },
  });
}

/** Serves the built lab page to `page` under `lab.base`. */
export async function routeGraphLab(page: Page, lab: GraphLab): Promise<void> {
  await page.route(`**${lab.base}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(lab.base.length);
    await route.fulfill({ body: await readFile(join(lab.out, path)), contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
  });
}

/** The lab page's address for a synthetic organization of about `nodes` nodes. */
export function graphLabUrl(lab: GraphLab, nodes: number): string {
  return `${lab.base}src/ui/graph/lab/index.html?graph=synthetic&n=${nodes}`;
}
