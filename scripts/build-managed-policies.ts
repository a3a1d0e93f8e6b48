/**
 * Writes the compact managed-policy asset for the browser: `public/managed-policies/index.json` plus one
 * `policies/<PolicyName>.json` per AWS managed policy (latest version only), and the package's licence.
 * Skips the work when the folder already holds an asset of the current format from the installed package.
 *
 * Run: node --import tsx scripts/build-managed-policies.ts [--force] [outDir]
 * It also runs from the Vite plugin's buildStart (scripts/vite-plugin-static-data.ts), before `vite` and `vite build`.
 */
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/cli/nodeCatalogSource';
import { CHECKOUT_ASSET_FOLDER, MANAGED_POLICIES_PACKAGE, isAssetFresh, readManagedPolicyAsset } from '../src/cli/nodeManagedPolicySource';

/** What a run produced. */
export interface ManagedPolicyBuildResult {
  readonly skipped: boolean;
  readonly outDir: string;
  readonly policies: number;
  readonly indexBytes: number;
  readonly totalBytes: number;
  readonly largest: { readonly path: string; readonly bytes: number } | undefined;
}

/** Builds the asset into `outDir` (atomically: written beside it, then renamed), unless it is already fresh. */
export async function buildManagedPolicies(outDir: string = CHECKOUT_ASSET_FOLDER, force = false): Promise<ManagedPolicyBuildResult> {
  if (!force && isAssetFresh(outDir)) return { skipped: true, outDir, policies: 0, indexBytes: 0, totalBytes: 0, largest: undefined };
  const { index, files } = await readManagedPolicyAsset();
  const staging = `${outDir.replace(/\/$/, '')}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'policies'), { recursive: true });
  const indexText = JSON.stringify(index);
  await writeFile(join(staging, 'index.json'), indexText);
  let totalBytes = Buffer.byteLength(indexText);
  let largest: { path: string; bytes: number } | undefined;
  for (const [path, file] of files) {
    const text = JSON.stringify(file);
    await writeFile(join(staging, path), text);
    const bytes = Buffer.byteLength(text);
    totalBytes += bytes;
    if (largest === undefined || bytes > largest.bytes) largest = { path, bytes };
  }
  await copyFile(join(packageRoot(MANAGED_POLICIES_PACKAGE), 'LICENSE'), join(staging, 'LICENSE.txt'));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(dirname(resolve(outDir)), { recursive: true });
  await rename(staging, outDir);
  return { skipped: false, outDir, policies: files.size, indexBytes: Buffer.byteLength(indexText), totalBytes, largest };
}

function isMain(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(resolve(script)).href;
}

if (isMain()) {
  const args = process.argv.slice(2);
  const out = args.find((arg) => !arg.startsWith('--'));
  const started = Date.now();
  const result = await buildManagedPolicies(out === undefined ? CHECKOUT_ASSET_FOLDER : resolve(out), args.includes('--force'));
  const where = result.outDir;
  if (result.skipped) console.log(`managed policies: ${where} is up to date`);
  else {
    const largest = result.largest === undefined ? '' : `, largest ${result.largest.path} ${result.largest.bytes} B`;
    console.log(
      `managed policies: ${result.policies} policies, index ${result.indexBytes} B, total ${result.totalBytes} B${largest} → ${where} (${Date.now() - started} ms)`,
    );
  }
}
