/**
 * Random organizations for the class-sharing property test: several users and roles per account that
 * draw their policies from a small pool of shared managed policies (so that many fall into one class),
 * with the statements that must keep principals apart (principal tags, `aws:PrincipalArn`, policy
 * variables, inline policies, boundaries, a managed policy used as identity policy by some and as
 * boundary by others, specific principals in resource policies and SCPs).
 */
import fc from 'fast-check';

const ACCOUNTS = ['111111111111', '222222222222'];
function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

/** The managed policy pool (account A's ARNs; both accounts get a copy). */
const POOL: readonly unknown[] = [
  doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }),
  doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::data-*' }),
  doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }),
  doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } } }),
  doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-a/${aws:username}/*' }),
  doc({ Effect: 'Allow', Action: ['sqs:*', 's3:ListBucket'], Resource: '*', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/r1' } } }),
  doc({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey', 's3:GetObject'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
  doc({ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketTagging'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } } }),
];
const BOUNDARIES: readonly unknown[] = [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), doc({ Effect: 'Allow', Action: ['kms:*', 'sqs:*'], Resource: '*' })];

interface PrincipalChoice {
  readonly account: number;
  readonly managed: number[];
  readonly inline: number | undefined;
  readonly boundary: number | undefined;
  readonly team: string;
}

const principal: fc.Arbitrary<PrincipalChoice> = fc.record({
  account: fc.nat(1),
  managed: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { maxLength: 3 }),
  inline: fc.option(fc.nat(2), { nil: undefined }),
  boundary: fc.option(fc.nat(2), { nil: undefined }),
  team: fc.constantFrom('x', 'y'),
});

/** A random organization as a scenario JSON value. */
export const arbitraryClassScenario = fc
  .record({
    users: fc.array(principal, { minLength: 1, maxLength: 6 }),
    roles: fc.array(principal, { minLength: 1, maxLength: 6 }),
    keyNames: fc.constantFrom('root-a', 'root-b', 'user-0', 'role-0'),
    queueGrant: fc.constantFrom('star-org', 'role-1', 'account-b', 'not-principal'),
    bucketPolicy: fc.boolean(),
    scp: fc.constantFrom('none', 'deny-arn', 'deny-tag'),
  })
  .map(({ users, roles, keyNames, queueGrant, bucketPolicy, scp }) => {
    const managedArn = (account: string, i: number): string => `arn:aws:iam::${account}:policy/P${i}`;
    const attach = (p: PrincipalChoice, owner: string): Record<string, unknown> => {
      const account = ACCOUNTS[p.account]!;
      const inline = p.inline === undefined ? [] : [{ name: 'own', document: doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: p.inline === 0 ? 'arn:aws:s3:::data-a' : p.inline === 1 ? 'arn:aws:s3:::data-b' : '*', ...(p.inline === 2 ? { Condition: { StringLike: { 's3:prefix': `${owner}/*` } } } : {}) }) }];
      return {
        policies: [...p.managed.map((i) => managedArn(account, i)), ...inline],
        ...(p.boundary === undefined ? {} : { permissionsBoundary: p.boundary === 2 ? managedArn(account, 0) : `arn:aws:iam::${account}:policy/B${p.boundary}` }),
        tags: { team: p.team },
      };
    };
    const userArn = (i: number): string => `arn:aws:iam::${ACCOUNTS[users[i % users.length]!.account]}:user/u${i % users.length}`;
    const roleArn = (i: number): string => `arn:aws:iam::${ACCOUNTS[roles[i % roles.length]!.account]}:role/r${i % roles.length}`;
    const keyPrincipal = keyNames === 'root-a' ? `arn:aws:iam::${ACCOUNTS[0]}:root` : keyNames === 'root-b' ? `arn:aws:iam::${ACCOUNTS[1]}:root` : keyNames === 'user-0' ? userArn(0) : roleArn(0);
    const queue = 'arn:aws:sqs:us-east-1:111111111111:q';
    const queueStatement =
      queueGrant === 'star-org'
        ? { Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: queue, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111bb' } } }
        : queueGrant === 'role-1'
          ? { Effect: 'Allow', Principal: { AWS: roleArn(1) }, Action: 'sqs:SendMessage', Resource: queue }
          : queueGrant === 'account-b'
            ? { Effect: 'Allow', Principal: { AWS: ACCOUNTS[1] }, Action: 'sqs:*', Resource: queue }
            : { Effect: 'Deny', NotPrincipal: { AWS: userArn(0) }, Action: 'sqs:DeleteQueue', Resource: queue };
    const scpDeny = scp === 'deny-arn' ? [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/u0' } } }] : scp === 'deny-tag' ? [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'y' } } }] : [];
    return {
      format: 'accessgraph/v1',
      organization: {
        id: 'o-aaaa1111bb',
        managementAccountId: '999999999999',
        rootId: 'r-root',
        units: [],
        // Without an SCP that allows, the organization would deny everything.
        policies: [{ name: 'Guard', type: 'SCP', targets: ['r-root'], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, ...scpDeny) }],
      },
      accounts: [
        { id: ACCOUNTS[0], name: 'A', parentId: 'r-root' },
        { id: ACCOUNTS[1], name: 'B', parentId: 'r-root' },
        { id: '999999999999', name: 'M', parentId: 'r-root' },
      ],
      policies: ACCOUNTS.flatMap((account) => [...POOL.map((document, i) => ({ arn: managedArn(account, i), document })), ...BOUNDARIES.map((document, i) => ({ arn: `arn:aws:iam::${account}:policy/B${i}`, document }))]),
      users: users.map((u, i) => ({ arn: `arn:aws:iam::${ACCOUNTS[u.account]}:user/u${i}`, ...attach(u, `u${i}`) })),
      roles: roles.map((r, i) => ({ arn: `arn:aws:iam::${ACCOUNTS[r.account]}:role/r${i}`, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: ACCOUNTS[r.account] }, Action: 'sts:AssumeRole' }), ...attach(r, `r${i}`) })),
      resources: [
        { arn: 'arn:aws:s3:::data-a', account: ACCOUNTS[0], ...(bucketPolicy ? { policy: doc({ Effect: 'Allow', Principal: { AWS: ACCOUNTS[1] }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-a/*' }) } : {}) },
        { arn: 'arn:aws:s3:::data-b', account: ACCOUNTS[1] },
        // Buckets without a policy that differ only by tags (and one by name alone).
        { arn: 'arn:aws:s3:::data-c', account: ACCOUNTS[0], tags: { env: 'prod' } },
        { arn: 'arn:aws:s3:::data-d', account: ACCOUNTS[0] },
        { arn: 'arn:aws:s3:::logs-e', account: ACCOUNTS[0] },
        { arn: `arn:aws:kms:us-east-1:${ACCOUNTS[0]}:key/00000000-0000-0000-0000-000000000001`, policy: doc({ Effect: 'Allow', Principal: { AWS: keyPrincipal }, Action: 'kms:*', Resource: '*' }) },
        { arn: queue, policy: doc(queueStatement) },
      ],
    };
  });
