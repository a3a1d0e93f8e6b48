/**
 * A deterministic synthetic organization for the analysis bench, shaped like a real landing zone: an
 * identity account whose users assume their team's roles in workload accounts, a CI role that deploys everywhere, admin / read-only / deploy roles in
 * every account, service roles, third-party roles with ExternalId, buckets with cross-account policies,
 * KMS keys, queues and secrets, deny-list SCPs, a data-perimeter RCP and RAM subnet shares.
 *
 * Provisional: the analysis bench uses `scripts/synthetic.ts` (the engine engineer's generator) once it
 * exists; this generator stays as the analysis-shaped workload (`--org analysis`).
 */

/** Size presets. */
export const ANALYSIS_SIZES = {
  S: { accounts: 4, usersPerTeam: 3, teams: 2, appsPerAccount: 2, bucketsPerAccount: 3 },
  M: { accounts: 30, usersPerTeam: 8, teams: 5, appsPerAccount: 4, bucketsPerAccount: 6 },
  L: { accounts: 150, usersPerTeam: 20, teams: 10, appsPerAccount: 8, bucketsPerAccount: 10 },
} as const;
/** One size name. */
export type AnalysisSize = keyof typeof ANALYSIS_SIZES;

function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

function accountId(i: number): string {
  return String(100000000000 + i * 7919).padStart(12, '0');
}

/** The scenario JSON value of one size. */
export function analysisOrg(size: AnalysisSize): Record<string, unknown> {
  const p = ANALYSIS_SIZES[size];
  const identity = accountId(0);
  const management = accountId(999);
  const external = '999988887777';
  const ous = ['ou-root-prod0001', 'ou-root-dev00001', 'ou-root-sbox0001'];
  const accounts: unknown[] = [
    { id: management, name: 'management', parentId: 'r-root' },
    { id: identity, name: 'identity', parentId: 'r-root' },
    { id: external, name: 'vendor' },
  ];
  const users: unknown[] = [];
  const groups: unknown[] = [];
  const roles: unknown[] = [];
  const resources: unknown[] = [];
  const shares: unknown[] = [];
  const tools = accountId(998);
  accounts.push({ id: tools, name: 'tools', parentId: 'ou-root-prod0001' });
  roles.push({ arn: `arn:aws:iam::${tools}:role/ci`, trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }), policies: [{ name: 'deploy-everywhere', document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/deploy' }) }] });
  const policies: unknown[] = [];
  for (let t = 0; t < p.teams; t++) {
    const group = `arn:aws:iam::${identity}:group/team-${t}`;
    policies.push({ arn: `arn:aws:iam::${identity}:policy/AssumeTeam${t}`, document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/team-${t}-*` }) });
    groups.push({ arn: group, policies: [`arn:aws:iam::${identity}:policy/AssumeTeam${t}`] });
    for (let u = 0; u < p.usersPerTeam; u++) users.push({ arn: `arn:aws:iam::${identity}:user/t${t}-u${u}`, groups: [`team-${t}`], tags: { team: `t${t}` } });
  }
  for (let a = 1; a <= p.accounts; a++) {
    const id = accountId(a);
    const ou = ous[a % ous.length];
    accounts.push({ id, name: `workload-${a}`, parentId: ou });
    const team = a % p.teams;
    const trustIdentity = (mfa: boolean): unknown =>
      doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${identity}:root` }, Action: 'sts:AssumeRole', ...(mfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}) });
    roles.push({ arn: `arn:aws:iam::${id}:role/team-${team}-admin`, trustPolicy: trustIdentity(true), policies: [{ name: 'admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }] });
    roles.push({ arn: `arn:aws:iam::${id}:role/team-${team}-read`, trustPolicy: trustIdentity(false), policies: [{ name: 'read', document: doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'sqs:Get*', 'kms:Describe*', 'secretsmanager:Describe*'], Resource: '*' }) }] });
    roles.push({
      arn: `arn:aws:iam::${id}:role/deploy`,
      trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${id}:role/team-${team}-admin`, `arn:aws:iam::${tools}:role/ci`] }, Action: 'sts:AssumeRole' }),
      policies: [{ name: 'deploy', document: doc({ Effect: 'Allow', Action: ['lambda:*', 's3:PutObject', 'iam:PassRole'], Resource: '*' }) }],
    });
    roles.push({ arn: `arn:aws:iam::${id}:role/vendor-audit`, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${external}:root` }, Action: 'sts:AssumeRole', ...(a % 5 === 0 ? {} : { Condition: { StringEquals: { 'sts:ExternalId': `ext-${a}` } } }) }), policies: ['arn:aws:iam::aws:policy/SecurityAudit'] });
    for (let k = 0; k < p.appsPerAccount; k++) {
      const bucket = `arn:aws:s3:::w${a}-app${k}-data`;
      roles.push({
        arn: `arn:aws:iam::${id}:role/app-${k}`,
        trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
        policies: [{ name: 'app', document: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucket}/*` }, { Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'], Resource: `arn:aws:sqs:us-east-1:${id}:app-${k}` }) }],
      });
      resources.push({ arn: `arn:aws:sqs:us-east-1:${id}:app-${k}`, policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:us-east-1:${id}:app-${k}`, ...(k % 2 === 0 ? { Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${id}:*` } } } : {}) }) });
      resources.push({ arn: `arn:aws:lambda:us-east-1:${id}:function:app-${k}` });
    }
    for (let b = 0; b < p.bucketsPerAccount; b++) {
      const bucket = b < p.appsPerAccount ? `arn:aws:s3:::w${a}-app${b}-data` : `arn:aws:s3:::w${a}-bucket${b}`;
      const policy =
        b % 3 === 0
          ? doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId(a === p.accounts ? 1 : a + 1)}:role/team-${(a + 1) % p.teams}-read` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [bucket, `${bucket}/*`] })
          : b === 1 && a % 10 === 0
            ? doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket}/*` })
            : undefined;
      resources.push({ arn: bucket, account: id, ...(policy === undefined ? {} : { policy }) });
    }
    const key = `arn:aws:kms:us-east-1:${id}:key/${String(a).padStart(8, '0')}-0000-0000-0000-000000000000`;
    resources.push({ arn: key, policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'kms:*', Resource: '*' }) });
    resources.push({ arn: `arn:aws:secretsmanager:us-east-1:${id}:secret:db-${a}-AbCdEf` });
    if (a % 10 === 1) shares.push({ name: `subnets-${a}`, owner: id, resources: [`arn:aws:ec2:us-east-1:${id}:subnet/subnet-${a}`], principals: [`arn:aws:organizations::${management}:ou/o-synth00001/${ous[(a + 1) % ous.length]}`] });
  }
  return {
    format: 'accessgraph/v1',
    title: `analysis bench org ${size}`,
    organization: {
      id: 'o-synth00001',
      managementAccountId: management,
      rootId: 'r-root',
      units: ous.map((id, i) => ({ id, name: ['prod', 'dev', 'sandbox'][i], parentId: 'r-root' })),
      policies: [
        { name: 'DenyLeave', type: 'SCP', targets: ['r-root'], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }) },
        { name: 'SandboxNoIam', type: 'SCP', targets: ['ou-root-sbox0001'], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: ['iam:*', 'sts:AssumeRole'], Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/team-*' } } }) },
        { name: 'Perimeter', type: 'RCP', targets: ['r-root'], document: doc({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*'], Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-synth00001' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }) },
      ],
    },
    accounts,
    users,
    groups,
    roles,
    policies,
    resources,
    resourceShares: shares,
  };
}
