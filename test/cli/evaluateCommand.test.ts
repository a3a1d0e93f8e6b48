import { describe, expect, it } from 'vitest';
import { resolveName, runEvaluate } from '../../src/cli/evaluateCommand';
import { scenarioOf } from '../analysis/support/env';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const ROLE_A = 'arn:aws:iam::111111111111:role/deploy';
const ROLE_B = 'arn:aws:iam::222222222222:role/deploy';
const BUCKET = 'arn:aws:s3:::bkt';

const SCENARIO = scenarioOf({
  format: 'accessgraph/v1',
  accounts: [
    { id: '111111111111', name: 'A' },
    { id: '222222222222', name: 'B' },
  ],
  users: [
    {
      arn: ALICE,
      policies: [
        {
          name: 'list',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }],
          },
        },
      ],
    },
  ],
  roles: [ROLE_A, ROLE_B].map((arn) => ({
    arn,
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }],
    },
  })),
  resources: [{ arn: BUCKET, account: '111111111111' }],
});

function run(
  principal: string,
  resource: string,
  action = 's3:ListBucket',
): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runEvaluate(
    SCENARIO,
    { principal, action, resource, context: {}, json: false },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out, err };
}

describe('accessgraph evaluate names', () => {
  it('resolves a declared name to its ARN and leaves ARNs, account ids and service principals as written', () => {
    const arns = [ALICE, ROLE_A, ROLE_B, BUCKET];
    expect(resolveName(arns, 'alice')).toStrictEqual({ arn: ALICE });
    expect(resolveName(arns, 'ALICE')).toStrictEqual({ arn: ALICE });
    expect(resolveName(arns, 'bkt')).toStrictEqual({ arn: BUCKET });
    expect(resolveName(arns, 'role/deploy')).toStrictEqual({ arn: undefined, candidates: [ROLE_A, ROLE_B] });
    expect(resolveName(arns, '222222222222:role/deploy')).toStrictEqual({ arn: '222222222222:role/deploy' });
    for (const asWritten of [`${BUCKET}/report.csv`, '111111111111', 'anonymous', 'lambda.amazonaws.com'])
      expect(resolveName(arns, asWritten)).toStrictEqual({ arn: asWritten });
    expect(resolveName(arns, 'bob')).toStrictEqual({ arn: undefined, candidates: [] });
  });

  it('evaluates the request the names stand for, and prints it with the ARNs', () => {
    const { code, out } = run('alice', 'bkt');
    expect(code).toBe(0);
    expect(out.slice(0, 2)).toStrictEqual([
      `${ALICE} → s3:ListBucket → ${BUCKET}`,
      'Allow: the request is allowed [allowed, step identity-based policies]',
    ]);
  });

  it('exits 2 on a name that stands for several entities or none, listing the candidates', () => {
    expect(run('alice', 'deploy', 'sts:AssumeRole')).toStrictEqual({
      code: 2,
      out: [],
      err: ['--resource deploy: names 2 entities; give the ARN', `  did you mean: ${ROLE_A}, ${ROLE_B}`],
    });
    expect(run('alic', 'bkt')).toStrictEqual({
      code: 2,
      out: [],
      err: [
        '--principal alic: names nothing declared in the scenario; give an ARN',
        `  did you mean: ${ALICE}`,
      ],
    });
  });
});
