import { describe, expect, it } from 'vitest';
import { compileActionPattern, compileConditionKeyTemplate, isConditionKeyTemplate, literalServiceOf } from '../../src/catalog/patterns';
import { compileArnFormat, matchArnFormat } from '../../src/catalog/arnFormat';

describe('compileActionPattern', () => {
  it('matches globs case-insensitively over the whole name', () => {
    const pattern = compileActionPattern('s3:Get*');
    expect(['s3:GetObject', 'S3:getobject', 's3:Get', 's3:PutObject', 'xs3:GetObject'].map((a) => pattern.test(a))).toStrictEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('treats ? as one character and regex characters literally', () => {
    expect(compileActionPattern('iam:?etRole').test('iam:GetRole')).toBe(true);
    expect(compileActionPattern('iam:?etRole').test('iam:etRole')).toBe(false);
    expect(compileActionPattern('a.b:c').test('aXb:c')).toBe(false);
  });

  it('names the literal service of a pattern', () => {
    expect([literalServiceOf('S3:Get*'), literalServiceOf('s3*:Get'), literalServiceOf('*'), literalServiceOf(':x')]).toStrictEqual([
      's3',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('condition key templates', () => {
  it('recognises ${…} and <…> placeholders', () => {
    expect(['aws:ResourceTag/${TagKey}', 's3:ExistingObjectTag/<key>', 'aws:SourceIp'].map(isConditionKeyTemplate)).toStrictEqual([true, true, false]);
  });

  it('matches concrete keys, case ignored, tag keys with slashes included', () => {
    const template = compileConditionKeyTemplate('aws:ResourceTag/${TagKey}');
    expect(['aws:ResourceTag/team', 'AWS:resourcetag/a/b', 'aws:ResourceTag/', 'aws:RequestTag/team'].map((k) => template.test(k))).toStrictEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('ARN formats', () => {
  const bucket = compileArnFormat('arn:${Partition}:s3:::${BucketName}');
  const object = compileArnFormat('arn:${Partition}:s3:::${BucketName}/${ObjectName}');

  it('reads the literal ARN service field', () => {
    expect([bucket.arnService, compileArnFormat('arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${Id}').arnService]).toStrictEqual(['s3', undefined]);
  });

  it('ranks a strict match above a lenient one, then by literal length', () => {
    expect(matchArnFormat(bucket, 'arn:aws:s3:::bkt')).toBe(1_000_000 + 'arn::s3:::'.length);
    expect(matchArnFormat(object, 'arn:aws:s3:::bkt/key')).toBe(1_000_000 + 'arn::s3:::/'.length);
    expect(matchArnFormat(bucket, 'arn:aws:s3:::bkt/key')).toBe('arn::s3:::'.length);
    expect(matchArnFormat(object, 'arn:aws:s3:::bkt')).toBeUndefined();
  });

  it('keeps placeholders of the first five fields inside their field', () => {
    const key = compileArnFormat('arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}');
    expect(matchArnFormat(key, 'arn:aws:kms:us-east-1:111111111111:key/k')).toBe(1_000_000 + 'arn::kms:::key/'.length);
    expect(matchArnFormat(key, 'arn:aws:kms:us-east-1:x:111111111111:key/k')).toBeUndefined();
    expect(matchArnFormat(key, 'arn:aws:kms::111111111111:key/k')).toBeUndefined();
  });

  it('reads a literal * in a format as any run of characters', () => {
    const endpoint = compileArnFormat('arn:${Partition}:dms:${Region}:${Account}:endpoint:*');
    expect(matchArnFormat(endpoint, 'arn:aws:dms:us-east-1:111111111111:endpoint:ABC/def')).toBe(1_000_000 + 'arn::dms:::endpoint:'.length);
  });
});
