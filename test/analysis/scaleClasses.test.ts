import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/model/policy';
import { soleStatements } from '../../src/analysis/cellClasses';
import { classesKey, classify } from '../../src/analysis/accessCandidates';
import type { RequestSource } from '../../src/analysis/requestSources';

function statement(sid: string, action: string[] = ['*']): Statement {
  return { index: 0, sid, effect: 'Allow', principal: undefined, notPrincipal: undefined, action, notAction: undefined, resource: ['*'], notResource: undefined, conditions: [], path: [] };
}

describe('soleStatements', () => {
  it('holds the statements exactly one source has (an inline policy), not shared ones', () => {
    const [own, shared, twice, solo] = ['own', 'shared', 'twice', 'solo'].map((sid) => statement(sid)) as [Statement, Statement, Statement, Statement];
    const sources = [{ statements: [own, shared] }, { statements: [shared, twice, twice] }, { statements: [solo] }, { statements: [] }] as unknown as RequestSource[];
    expect([...soleStatements(sources)].map((s) => s.sid).sort()).toStrictEqual(['own', 'solo']);
  });
});

describe('classesKey', () => {
  const table = { key: 't', actions: ['kms:Decrypt', 'kms:RetireGrant', 's3:GetObject', 's3:ListBucket', 's3:PutObject', 'sqs:SendMessage', 'sts:AssumeRole'] };
  const patterns = [['*'], ['s3:*'], ['s3:Get*'], ['s3:GetObject', 's3:PutObject'], ['iam:*'], ['kms:*'], ['sqs:SendMessage'], ['sts:AssumeRole', 's3:List*']];
  const lists = patterns.flatMap((p, i) => patterns.flatMap((q, j) => [[statement(`${i}`, p)], [statement(`${i}`, p), statement(`${j}`, q)], [statement(`${j}`, q), statement('x', ['*']), statement(`${i}`, p)]]));
  it('statement lists with one key classify the table alike', () => {
    const byKey = new Map<string, Int32Array>();
    for (const list of lists) {
      const { classOf } = classify(list, table);
      const key = classesKey(list, table);
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, classOf);
      else expect([...classOf]).toStrictEqual([...seen]);
    }
    expect(byKey.size).toBeGreaterThan(5);
  });
});
