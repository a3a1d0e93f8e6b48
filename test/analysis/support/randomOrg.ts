/** Random small organizations for property tests. */
import fc from 'fast-check';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];

/** A random small organization (as a scenario JSON value): users and roles in up to three accounts, random trust and grants. */
export const arbitraryScenario = fc
  .record({
    users: fc.array(fc.record({ account: fc.nat(2), assume: fc.array(fc.oneof(fc.nat(5), fc.constant(-1)), { maxLength: 2 }) }), { minLength: 1, maxLength: 4 }),
    roles: fc.array(
      fc.record({
        account: fc.nat(2),
        trust: fc.array(fc.record({ who: fc.oneof(fc.constant('wildcard'), fc.constant('account'), fc.constant('user'), fc.constant('role')), index: fc.nat(5), account: fc.nat(2), mfa: fc.boolean() }), { maxLength: 2 }),
        assume: fc.array(fc.oneof(fc.nat(5), fc.constant(-1)), { maxLength: 2 }),
        read: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    denyAssumeIn: fc.option(fc.nat(2), { nil: undefined }),
    bucketPolicy: fc.option(fc.nat(5), { nil: undefined }),
  })
  .map(({ users, roles, denyAssumeIn, bucketPolicy }) => {
    const roleArn = (i: number): string => `arn:aws:iam::${ACCOUNTS[roles[i % roles.length]!.account]}:role/r${i % roles.length}`;
    const userArn = (i: number): string => `arn:aws:iam::${ACCOUNTS[users[i % users.length]!.account]}:user/u${i % users.length}`;
    const assumePolicy = (targets: readonly number[]): unknown[] =>
      targets.length === 0 ? [] : [{ name: 'assume', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: targets.map((t) => (t < 0 ? '*' : roleArn(t))) }] } }];
    return {
      format: 'accessgraph/v1',
      organization: {
        id: 'o-aaaa1111bb',
        managementAccountId: '999999999999',
        rootId: 'r-root',
        units: [{ id: 'ou-root-dev00001', name: 'dev', parentId: 'r-root' }],
        policies: denyAssumeIn === undefined || denyAssumeIn === 2 ? [] : [{ name: 'NoAssume', type: 'SCP', targets: [ACCOUNTS[denyAssumeIn]], document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] } }],
      },
      accounts: [
        { id: '111111111111', name: 'A', parentId: 'ou-root-dev00001' },
        { id: '222222222222', name: 'B', parentId: 'ou-root-dev00001' },
        { id: '333333333333', name: 'C' },
        { id: '999999999999', name: 'M', parentId: 'r-root' },
      ],
      // Users without an inline policy share the policies of group `devs` in their account.
      groups: ACCOUNTS.map((account) => ({ arn: `arn:aws:iam::${account}:group/devs`, policies: assumePolicy([-1]) })),
      users: users.map((u, i) => ({ arn: `arn:aws:iam::${ACCOUNTS[u.account]}:user/u${i}`, policies: assumePolicy(u.assume), groups: u.assume.length === 0 ? ['devs'] : [] })),
      roles: roles.map((r, i) => ({
        arn: `arn:aws:iam::${ACCOUNTS[r.account]}:role/r${i}`,
        trustPolicy: {
          Version: '2012-10-17',
          Statement: r.trust.map((t) => ({
            Effect: 'Allow',
            Principal: t.who === 'wildcard' ? '*' : { AWS: t.who === 'account' ? ACCOUNTS[t.account] : t.who === 'user' ? userArn(t.index) : roleArn(t.index) },
            Action: 'sts:AssumeRole',
            ...(t.mfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
          })),
        },
        policies: [...assumePolicy(r.assume), ...(r.read ? [{ name: 'read', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::data-*' }] } }] : [])],
      })),
      resources: [
        {
          arn: 'arn:aws:s3:::data-a',
          account: '111111111111',
          ...(bucketPolicy === undefined ? {} : { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: roleArn(bucketPolicy) }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-a/*' }] } }),
        },
      ],
    };
  });

