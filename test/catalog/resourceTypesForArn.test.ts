import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/Catalog';
import { loadedCatalog } from './loadedCatalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadedCatalog();
});

function typesOf(arn: string, service?: string): string[] {
  return catalog.resourceTypesForArn(arn, service).map((type) => `${type.service}:${type.key}`);
}

describe('resourceTypesForArn', () => {
  it('tells an S3 object from its bucket', () => {
    expect(catalog.resourceTypesForArn('arn:aws:s3:::bkt/key')).toStrictEqual([
      {
        service: 's3',
        key: 'object',
        arnFormats: ['arn:${Partition}:s3:::${BucketName}/${ObjectName}'],
        conditionKeys: ['aws:ResourceTag/${TagKey}', 's3:BucketTag/${TagKey}'],
      },
    ]);
    expect(typesOf('arn:aws:s3:::bkt')).toStrictEqual(['s3:bucket']);
    expect(typesOf('arn:aws:s3:::bkt/a/b/c.txt')).toStrictEqual(['s3:object']);
    expect(typesOf('arn:aws-cn:s3:::bkt/key')).toStrictEqual(['s3:object']);
  });

  it('finds IAM roles, with or without a path', () => {
    expect(typesOf('arn:aws:iam::111111111111:role/x')).toStrictEqual(['iam:role']);
    expect(typesOf('arn:aws:iam::111111111111:role/path/to/x')).toStrictEqual(['iam:role']);
    expect(typesOf('arn:aws:iam::111111111111:user/alice')).toStrictEqual(['iam:user']);
  });

  it('uses the action’s service when given', () => {
    expect(typesOf('arn:aws:iam::111111111111:role/x', 'sts')).toStrictEqual(['sts:role']);
    expect(typesOf('arn:aws:iam::111111111111:role/x', 'S3')).toStrictEqual([]);
  });

  it('finds KMS keys and aliases', () => {
    expect(catalog.resourceTypesForArn('arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toStrictEqual([
      {
        service: 'kms',
        key: 'key',
        arnFormats: ['arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}'],
        conditionKeys: ['aws:ResourceTag/${TagKey}', 'kms:KeyOrigin', 'kms:KeySpec', 'kms:KeyUsage', 'kms:MultiRegion', 'kms:MultiRegionKeyType', 'kms:ResourceAliases'],
      },
    ]);
    expect(typesOf('arn:aws:kms:us-east-1:111111111111:alias/my-key')).toStrictEqual(['kms:alias']);
  });

  it('ranks more specific formats first across colon- and slash-separated resources', () => {
    expect(
      [
        'arn:aws:logs:us-east-1:111111111111:log-group:g',
        'arn:aws:logs:us-east-1:111111111111:log-group:g:log-stream:s',
        'arn:aws:dynamodb:us-east-1:111111111111:table/T',
        'arn:aws:dynamodb:us-east-1:111111111111:table/T/index/I',
        'arn:aws:lambda:us-east-1:111111111111:function:f',
        'arn:aws:sqs:us-east-1:111111111111:q',
        'arn:aws:ec2:ap-northeast-1:111111111111:subnet/subnet-12345',
        'arn:aws:secretsmanager:us-east-1:111111111111:secret:s-AbCdEf',
      ].map((arn) => typesOf(arn)),
    ).toStrictEqual([
      ['logs:log-group'],
      ['logs:log-stream'],
      ['dynamodb:table'],
      ['dynamodb:index'],
      ['lambda:function'],
      ['sqs:queue'],
      ['ec2:subnet'],
      ['secretsmanager:Secret'],
    ]);
  });

  it('keeps ties and matches either of several formats', () => {
    expect(typesOf('arn:aws:lambda:us-east-1:111111111111:function:f:prod')).toStrictEqual(['lambda:function alias', 'lambda:function version']);
    expect(typesOf('arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod')).toStrictEqual(['apigateway:Stage']);
    expect(typesOf('arn:aws:apigateway:us-east-1::/apis/a1/stages/prod')).toStrictEqual(['apigateway:Stage']);
  });

  it('falls back to services whose resources carry another service’s ARN', () => {
    expect(typesOf('arn:aws:compute-optimizer::111111111111:automation-rule/r')).toStrictEqual(['aco-automation:AutomationRule']);
  });

  it('matches nothing for non-ARNs and unknown services', () => {
    expect([typesOf('s3:::bkt'), typesOf('arn:aws:nosuch:us-east-1:111111111111:thing/x'), typesOf('*'), typesOf('arn:aws::::')]).toStrictEqual([[], [], [], []]);
  });
});
