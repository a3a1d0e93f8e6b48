/**
 * AWS managed policies (`arn:aws:iam::aws:policy/…`), loaded on demand from the managed-policy asset.
 */
import { CatalogDataError, type CatalogDataSource } from './dataSource';
import {
  AWS_MANAGED_POLICY_ARN_PREFIX,
  isAwsManagedPolicyArn,
  parseManagedPolicyFile,
  parseManagedPolicyIndex,
  type ManagedPolicyIndex,
  type RawPolicyDocument,
} from './managedPolicyAsset';

/** Loads managed-policy documents by ARN and serves them synchronously afterwards. */
export interface ManagedPolicyStore {
  /**
   * Loads the documents of the given ARNs; the map holds every ARN that is an AWS managed policy known to the
   * asset (others are left out, for the caller to report). Rejects with a `CatalogDataError` on broken data.
   */
  load(arns: Iterable<string>): Promise<ReadonlyMap<string, RawPolicyDocument>>;
  /** The raw document of a policy loaded earlier, or `undefined`. */
  get(arn: string): RawPolicyDocument | undefined;
  /** The default version id (`v12`) of a policy loaded earlier, or `undefined`. */
  versionOf(arn: string): string | undefined;
  /** Every AWS managed policy ARN the asset holds, sorted. */
  list(): Promise<readonly string[]>;
}

/** Creates a store over a source rooted at the asset folder (`index.json`, `policies/…`). */
export function createManagedPolicyStore(source: CatalogDataSource): ManagedPolicyStore {
  let index: Promise<ManagedPolicyIndex> | undefined;
  const documents = new Map<string, { versionId: string; document: RawPolicyDocument }>();
  const pending = new Map<string, Promise<void>>();

  function loadIndex(): Promise<ManagedPolicyIndex> {
    if (index === undefined) {
      const loading = source.readJson('index.json').then(parseManagedPolicyIndex);
      // A failed index read is not cached, so a later call can retry.
      loading.catch(() => {
        if (index === loading) index = undefined;
      });
      index = loading;
    }
    return index;
  }

  function loadOne(arn: string, path: string): Promise<void> {
    const existing = pending.get(arn);
    if (existing !== undefined) return existing;
    const promise = source
      .readJson(path)
      .then((raw) => {
        const file = parseManagedPolicyFile(raw, path);
        if (file.arn !== arn) throw new CatalogDataError(path, `expected the policy \`${arn}\`, found \`${file.arn}\``);
        documents.set(arn, { versionId: file.versionId, document: file.document });
      })
      .finally(() => pending.delete(arn));
    pending.set(arn, promise);
    return promise;
  }

  async function load(arns: Iterable<string>): Promise<ReadonlyMap<string, RawPolicyDocument>> {
    const wanted = [...new Set(arns)].filter(isAwsManagedPolicyArn);
    if (wanted.length === 0) return new Map();
    const { policies } = await loadIndex();
    const files = wanted.flatMap((arn) => {
      const key = arn.slice(AWS_MANAGED_POLICY_ARN_PREFIX.length);
      const path = Object.hasOwn(policies, key) ? policies[key] : undefined;
      return path === undefined ? [] : [{ arn, path }];
    });
    await Promise.all(files.filter(({ arn }) => !documents.has(arn)).map(({ arn, path }) => loadOne(arn, path)));
    const result = new Map<string, RawPolicyDocument>();
    for (const { arn } of files) {
      const entry = documents.get(arn);
      if (entry !== undefined) result.set(arn, entry.document);
    }
    return result;
  }

  async function list(): Promise<readonly string[]> {
    const { policies } = await loadIndex();
    return Object.keys(policies)
      .map((key) => AWS_MANAGED_POLICY_ARN_PREFIX + key)
      .sort();
  }

  return {
    load,
    get: (arn) => documents.get(arn)?.document,
    versionOf: (arn) => documents.get(arn)?.versionId,
    list,
  };
}
