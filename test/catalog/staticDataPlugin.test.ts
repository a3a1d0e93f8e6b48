import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeDataPath } from '../../src/catalog/dataSource';
import { iamDataFolder } from '../../src/cli/nodeCatalogSource';
import { isCatalogDataPath, listCatalogDataPaths, staticData } from '../../scripts/vite-plugin-static-data';

describe('catalog data paths', () => {
  it('accepts only the files and folders the catalog reads', () => {
    expect(
      ['services.json', 'actions/s3.json', 'conditionKeys/s3.json', 'categories.json', 'actions/../services.json', '/services.json', 'actions/x/s3.json', 'actions/.hidden.json'].map(
        isCatalogDataPath,
      ),
    ).toStrictEqual([true, true, true, false, false, false, false, false]);
    expect(['a.json', 'a/b.json', 'a\\b.json', 'a.txt', '../a.json', 'a//b.json'].map(isSafeDataPath)).toStrictEqual([true, true, false, false, false, false]);
  });

  it('lists three index files and three files per service', async () => {
    const paths = await listCatalogDataPaths(iamDataFolder());
    expect(paths.length).toBe(3 + 3 * 456);
    expect(paths.slice(0, 2)).toStrictEqual(['actions/a2c.json', 'actions/a4b.json']);
  });
});

describe('the dev server', () => {
  let server: ViteDevServer;
  let root: string;
  let origin: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ag-vite-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
    server = await createServer({ root, configFile: false, publicDir: false, logLevel: 'silent', plugins: [staticData()], server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    const address = server.httpServer?.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves iam-data JSON with a JSON content type', async () => {
    const response = await fetch(`${origin}/iam-data/data/rcpSupportedServices.json`);
    expect([response.status, response.headers.get('content-type')]).toStrictEqual([200, 'application/json; charset=utf-8']);
    expect(((await response.json()) as string[]).includes('s3')).toBe(true);
  });

  it('answers 404, not the SPA page, for files it does not serve', async () => {
    const statuses = await Promise.all(
      ['/iam-data/data/actions/nosuch.json', '/iam-data/data/categories.json', '/iam-data/data/actions%2F..%2F..%2Fpackage.json'].map(async (path) => (await fetch(origin + path)).status),
    );
    expect(statuses).toStrictEqual([404, 404, 404]);
  });
});
