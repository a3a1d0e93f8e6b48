import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../../src/catalog/Catalog';
import { createNodeCatalogSource } from '../../src/cli/nodeCatalogSource';
import { loadedCatalog } from './loadedCatalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadedCatalog();
});

describe('actions', () => {
  it('describes s3:GetObject as Read on object and access-point object', () => {
    expect(catalog.lookupAction('s3:GetObject')).toStrictEqual({
      action: 's3:GetObject',
      service: 's3',
      name: 'GetObject',
      description: 'Grants permission to retrieve objects from Amazon S3',
      accessLevels: ['Read'],
      resourceTypes: [
        { resourceType: 'accesspointobject', required: false, conditionKeys: [], dependentActions: [] },
        { resourceType: 'object', required: false, conditionKeys: [], dependentActions: [] },
      ],
      conditionKeys: [
        's3:AccessGrantsInstanceArn',
        's3:ExistingObjectTag/<key>',
        's3:ResourceAccount',
        's3:TlsVersion',
        's3:authType',
        's3:signatureAge',
        's3:signatureversion',
        's3:x-amz-content-sha256',
      ],
      dependentActions: [],
    });
  });

  it('looks actions up case-insensitively', () => {
    expect(catalog.lookupAction('S3:getobject')).toBe(catalog.lookupAction('s3:GetObject'));
    expect([catalog.lookupAction('s3:NoSuchAction'), catalog.lookupAction('nosuch:GetObject'), catalog.lookupAction('s3'), catalog.lookupAction('s3:')]).toStrictEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('describes iam:PassRole as Write on a required role', () => {
    expect(catalog.lookupAction('iam:passrole')).toStrictEqual({
      action: 'iam:PassRole',
      service: 'iam',
      name: 'PassRole',
      description: 'Grants permission to pass a role to a service',
      accessLevels: ['Write'],
      resourceTypes: [{ resourceType: 'role', required: true, conditionKeys: [], dependentActions: [] }],
      conditionKeys: ['iam:AssociatedResourceArn', 'iam:PassedToService'],
      dependentActions: [],
    });
  });

  it('normalises combined access levels', () => {
    expect(catalog.lookupAction('ec2:CreateTags')?.accessLevels).toStrictEqual(['Write', 'Tagging']);
    expect(catalog.lookupAction('iam:PutRolePolicy')?.accessLevels).toStrictEqual(['Write', 'Permissions management']);
    expect(catalog.lookupAction('s3:ListBucket')?.accessLevels).toStrictEqual(['List']);
  });

  it('tells wildcard-only actions', () => {
    expect(['s3:ListAllMyBuckets', 'ec2:DescribeInstances', 's3:GetObject', 'iam:PassRole', 'nosuch:Action'].map((a) => catalog.isWildcardOnly(a))).toStrictEqual([
      true,
      true,
      false,
      false,
      undefined,
    ]);
    expect(catalog.lookupAction('s3:ListAllMyBuckets')?.resourceTypes).toStrictEqual([]);
  });
});

describe('expandActionPattern', () => {
  it('expands iam:*AccessKey* to the access-key actions only', () => {
    expect(catalog.expandActionPattern('iam:*AccessKey*').map((a) => a.action)).toStrictEqual([
      'iam:CreateAccessKey',
      'iam:DeleteAccessKey',
      'iam:GetAccessKeyLastUsed',
      'iam:ListAccessKeys',
      'iam:UpdateAccessKey',
    ]);
  });

  it('ignores case and handles ?', () => {
    expect(catalog.expandActionPattern('STS:assumerole*').map((a) => a.action)).toStrictEqual([
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
    ]);
    expect(catalog.expandActionPattern('kms:?ncrypt').map((a) => a.action)).toStrictEqual(['kms:Encrypt']);
  });

  it('expands * and wildcard services over every loaded service', () => {
    expect(catalog.expandActionPattern('*').length).toBe(22091);
    expect(catalog.expandActionPattern('s3*:GetObject').map((a) => a.action)).toStrictEqual(['s3:GetObject', 's3-object-lambda:GetObject', 's3-outposts:GetObject']);
    expect(catalog.expandActionPattern('*:PassRole').map((a) => a.action)).toStrictEqual(['iam:PassRole']);
  });

  it('matches nothing for an unknown service or a malformed pattern', () => {
    expect([catalog.expandActionPattern('nosuch:*'), catalog.expandActionPattern('GetObject')]).toStrictEqual([[], []]);
  });
});

describe('resource types and condition keys', () => {
  it('gives resource types with their ARN formats', () => {
    expect(catalog.lookupResourceType('S3', 'Object')).toStrictEqual({
      service: 's3',
      key: 'object',
      arnFormats: ['arn:${Partition}:s3:::${BucketName}/${ObjectName}'],
      conditionKeys: ['aws:ResourceTag/${TagKey}', 's3:BucketTag/${TagKey}'],
    });
    expect(catalog.lookupResourceType('apigateway', 'stage')?.arnFormats).toStrictEqual([
      'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}',
      'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}',
    ]);
  });

  it('lists the actions that authorize a resource type', () => {
    expect(catalog.actionsForResourceType('sts', 'role').map((a) => a.action)).toStrictEqual([
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
      'sts:SetContext',
      'sts:SetSourceIdentity',
      'sts:TagSession',
    ]);
    expect(catalog.actionsForResourceType('s3', 'nosuch')).toStrictEqual([]);
  });

  it('types condition keys, concrete keys resolving to their templates', () => {
    expect(catalog.lookupConditionKey('aws:SourceIp')).toStrictEqual({ key: 'aws:SourceIp', type: 'IPAddress', description: '' });
    expect(catalog.lookupConditionKey('AWS:PrincipalTag/team')).toStrictEqual({ key: 'aws:PrincipalTag/${TagKey}', type: 'String', description: '' });
    expect(catalog.lookupConditionKey('aws:PrincipalOrgPaths')?.type).toBe('ArrayOfString');
    expect(catalog.lookupConditionKey('sts:ExternalId')).toStrictEqual({
      key: 'sts:ExternalId',
      type: 'String',
      description: 'Filters access by the unique identifier required when you assume a role in another account',
    });
    expect(catalog.lookupConditionKey('s3:ExistingObjectTag/team')).toStrictEqual({
      key: 's3:ExistingObjectTag/<key>',
      type: 'String',
      description: 'Filters access by existing object tag key and value',
    });
    expect(catalog.lookupConditionKey('accounts.google.com:aud')?.type).toBe('String');
    expect(catalog.lookupConditionKey('aws:MultiFactorAuthPresent')?.type).toBe('Bool');
    expect(catalog.lookupConditionKey('s3:NoSuchKey')).toBeUndefined();
  });

  it('has every global key typed from the vocabulary', () => {
    expect(catalog.globalConditionKeys.length).toBe(59);
    expect(catalog.globalConditionKeys.find((k) => k.key === 'aws:CurrentTime')).toStrictEqual({ key: 'aws:CurrentTime', type: 'Date', description: '' });
  });

  it('resolves every resource type an action names', () => {
    const unresolved = catalog.expandActionPattern('*').flatMap((action) =>
      action.resourceTypes.filter((ref) => catalog.lookupResourceType(action.service, ref.resourceType)?.key !== ref.resourceType).map((ref) => `${action.action}:${ref.resourceType}`),
    );
    expect(unresolved).toStrictEqual([]);
  });
});

describe('services', () => {
  it('names services and flags RCP support', () => {
    expect(catalog.service('S3')).toStrictEqual({ prefix: 's3', name: 'Amazon S3', rcpSupported: true });
    expect(catalog.service('iam')).toStrictEqual({ prefix: 'iam', name: 'AWS Identity and Access Management (IAM)', rcpSupported: false });
    expect(catalog.rcpSupportedServices.length).toBe(62);
    expect(['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'dynamodb'].every((p) => catalog.rcpSupportedServices.includes(p))).toBe(true);
    expect(catalog.rcpSupportedServices.includes('ec2')).toBe(false);
  });

  it('holds the exact figures of iam-data 0.21.202609261', () => {
    const data = catalog.services.map((s) => catalog.serviceData(s.prefix)!);
    const levels = new Map<string, number>();
    for (const d of data) for (const a of d.actions) levels.set(a.accessLevels.join(', '), (levels.get(a.accessLevels.join(', ')) ?? 0) + 1);
    expect({
      services: catalog.services.length,
      actions: data.reduce((n, d) => n + d.actions.length, 0),
      resourceTypes: data.reduce((n, d) => n + d.resourceTypes.length, 0),
      conditionKeys: data.reduce((n, d) => n + d.conditionKeys.length, 0),
      levels: Object.fromEntries([...levels].sort()),
    }).toStrictEqual({
      services: 456,
      actions: 22091,
      resourceTypes: 2334,
      conditionKeys: 2578,
      levels: { List: 3719, Read: 5871, Write: 11357, 'Write, Permissions management': 425, 'Write, Tagging': 719 },
    });
  });
});

describe('lazy loading', () => {
  it('answers only for loaded services and loads each once', async () => {
    let reads = 0;
    const inner = createNodeCatalogSource();
    const fresh = await createCatalog({ readJson: (path) => ((reads += 1), inner.readJson(path)) });
    expect(reads).toBe(3);
    expect([fresh.isLoaded('s3'), fresh.lookupAction('s3:GetObject'), fresh.expandActionPattern('s3:*')]).toStrictEqual([false, undefined, []]);
    const [a, b] = await Promise.all([fresh.loadService('S3'), fresh.loadService('s3')]);
    expect([a, b, reads, fresh.isLoaded('s3')]).toStrictEqual([true, true, 6, true]);
    expect(await fresh.loadService('s3')).toBe(true);
    expect(await fresh.loadService('nosuch')).toBe(false);
    expect(await fresh.loadService('../actions/s3')).toBe(false);
    expect(reads).toBe(6);
    expect(fresh.lookupAction('s3:GetObject')?.action).toBe('s3:GetObject');
    expect(fresh.lookupAction('iam:PassRole')).toBeUndefined();
  });
});
