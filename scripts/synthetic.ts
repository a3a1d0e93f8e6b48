/**
 * A deterministic synthetic organization for benchmarks (seeded PRNG, so every run builds the same
 * scenario). Realistic mixes: an identity account whose users reach workload roles, cross-account and
 * third-party trusts (some with `sts:ExternalId`), customer managed policies with tens of statements,
 * wildcards and conditions, permissions boundaries, bucket policies with org conditions, KMS key
 * policies, queues, deny-list SCPs, a data-perimeter RCP and RAM subnet shares. The value is accepted by
 * `parseScenarioValue` with no blocking diagnostic.
 */

/** Size presets: accounts, principals (users + roles), listed resources. */
export const SYNTHETIC_SIZES = {
  S: { accounts: 10, principals: 200, resources: 500 },
  M: { accounts: 50, principals: 2000, resources: 5000 },
  L: { accounts: 200, principals: 10_000, resources: 20_000 },
} as const;
/** One size name. */
export type SyntheticSize = keyof typeof SYNTHETIC_SIZES;

/** A small seeded PRNG (mulberry32). */
export function createRandom(seed: number): { next(): number; int(n: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
}

const ORG = 'o-synth00001';
const ROOT = 'r-syn1';
const OUS = ['ou-syn1-prod0001', 'ou-syn1-dev00001', 'ou-syn1-sbox0001', 'ou-syn1-sec00001'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
const SERVICES = ['s3', 'sqs', 'kms', 'dynamodb', 'sns', 'lambda', 'secretsmanager', 'ec2', 'logs'];

function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

/** The 12-digit id of synthetic account `i`. */
export function syntheticAccount(i: number): string {
  return String(100000000000 + i * 7919).padStart(12, '0');
}

type Random = ReturnType<typeof createRandom>;

/** A customer managed policy with tens of statements: wildcards, conditions, a few denies. */
function bigPolicy(r: Random, account: string, size: number): unknown {
  const statements: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const service = r.pick(SERVICES);
    const region = r.pick(REGIONS);
    const verbs = r.pick([['Get*', 'List*', 'Describe*'], ['Put*'], ['*'], ['Delete*'], ['Get*']]);
    const resource =
      service === 's3' ? [`arn:aws:s3:::w${r.int(50)}-*`, `arn:aws:s3:::w${r.int(50)}-*/*`] : r.next() < 0.3 ? '*' : `arn:aws:${service}:${region}:${r.next() < 0.5 ? account : '*'}:*`;
    const statement: Record<string, unknown> = { Sid: `S${i}`, Effect: r.next() < 0.1 ? 'Deny' : 'Allow', Action: verbs.map((v) => `${service}:${v}`), Resource: resource };
    const c = r.int(6);
    if (c === 0) statement.Condition = { StringEquals: { 'aws:RequestedRegion': [region, 'eu-west-1'] } };
    else if (c === 1) statement.Condition = { StringEquals: { 'aws:PrincipalTag/team': `t${r.int(8)}` } };
    else if (c === 2) statement.Condition = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    else if (c === 3) statement.Condition = { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'] } };
    statements.push(statement);
  }
  return doc(...statements);
}

/** Builds the scenario value of one size. */
export function syntheticOrganization(size: SyntheticSize, seed = 20261122): Record<string, unknown> {
  const p = SYNTHETIC_SIZES[size];
  const r = createRandom(seed);
  const management = syntheticAccount(0);
  const identity = syntheticAccount(1);
  const vendor = '999988887777';
  const accounts: unknown[] = [
    { id: management, name: 'management', parentId: ROOT },
    { id: identity, name: 'identity', parentId: OUS[3] },
    { id: vendor, name: 'vendor (outside the organization)' },
  ];
  const users: unknown[] = [];
  const groups: unknown[] = [];
  const roles: unknown[] = [];
  const policies: unknown[] = [];
  const resources: unknown[] = [];
  const shares: unknown[] = [];
  const workloads = Array.from({ length: p.accounts - 2 }, (_, i) => syntheticAccount(i + 2));
  workloads.forEach((id, i) => accounts.push({ id, name: `workload-${i}`, parentId: OUS[i % 3] }));

  const teams = 8;
  for (let t = 0; t < teams; t++) {
    groups.push({ arn: `arn:aws:iam::${identity}:group/team-${t}`, policies: [{ name: 'assume', document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/team-${t}-*` }) }] });
  }
  policies.push({ arn: `arn:aws:iam::${identity}:policy/DeveloperBoundary`, document: doc({ Effect: 'Allow', Action: ['s3:*', 'sqs:*', 'kms:Decrypt', 'sts:AssumeRole', 'dynamodb:*'], Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }) });
  const userCount = Math.round(p.principals * 0.3);
  for (let u = 0; u < userCount; u++) {
    const team = u % teams;
    users.push({
      arn: `arn:aws:iam::${identity}:user/t${team}/u${u}`,
      groups: [`team-${team}`],
      tags: { team: `t${team}` },
      ...(u % 4 === 0 ? { permissionsBoundary: `arn:aws:iam::${identity}:policy/DeveloperBoundary` } : {}),
      policies: u % 10 === 0 ? [{ name: 'extra', document: bigPolicy(r, identity, 8) }] : [],
    });
  }

  const rolesPerAccount = Math.max(4, Math.floor((p.principals - userCount) / workloads.length));
  const resourcesPerAccount = Math.max(6, Math.floor(p.resources / workloads.length));
  workloads.forEach((id, a) => {
    const team = a % teams;
    const shared = `arn:aws:iam::${id}:policy/WorkloadAccess`;
    policies.push({ arn: shared, document: bigPolicy(r, id, 30) });
    const trustIdentity = (mfa: boolean): unknown =>
      doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${identity}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession'], ...(mfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}) });
    roles.push({ arn: `arn:aws:iam::${id}:role/team-${team}-admin`, trustPolicy: trustIdentity(true), policies: [{ name: 'admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }] });
    roles.push({ arn: `arn:aws:iam::${id}:role/team-${team}-read`, trustPolicy: trustIdentity(false), policies: [shared, 'arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    roles.push({
      arn: `arn:aws:iam::${id}:role/vendor-audit`,
      trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${vendor}:root` }, Action: 'sts:AssumeRole', ...(a % 5 === 0 ? {} : { Condition: { StringEquals: { 'sts:ExternalId': `ext-${a}` } } }) }),
      policies: ['arn:aws:iam::aws:policy/SecurityAudit'],
    });
    roles.push({ arn: `arn:aws:iam::${id}:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps`, trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'ops.amazonaws.com' }, Action: 'sts:AssumeRole' }), policies: [{ name: 'slr', document: doc({ Effect: 'Allow', Action: ['s3:GetObject', 'logs:*'], Resource: '*' }) }] });
    for (let k = 0; k < rolesPerAccount - 4; k++) {
      const next = workloads[(a + 1) % workloads.length] as string;
      roles.push({
        arn: `arn:aws:iam::${id}:role/app/app-${k}`,
        trustPolicy: doc(
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ...(k % 3 === 0 ? [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${next}:role/app/app-${k}` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } }] : []),
        ),
        policies: [shared, { name: 'app', document: bigPolicy(r, id, 12) }],
        ...(k % 2 === 0 ? { permissionsBoundary: shared } : {}),
        tags: { team: `t${team}`, app: `a${k}` },
      });
    }
    const other = workloads[(a + 3) % workloads.length] as string;
    for (let k = 0; k < resourcesPerAccount; k++) {
      const kind = k % 6;
      if (kind === 0 || kind === 1 || kind === 5) {
        const bucket = `arn:aws:s3:::w${a}-b${k}`;
        const policy = doc(
          { Sid: 'TLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucket, `${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          { Sid: 'Org', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [bucket, `${bucket}/*`], Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } },
          { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: 's3:*', Resource: `${bucket}/*` },
        );
        resources.push({ arn: bucket, account: id, policy, tags: { team: `t${team}` } });
      } else if (kind === 2) {
        const key = `arn:aws:kms:us-east-1:${id}:key/${String(a).padStart(8, '0')}-0000-0000-0000-${String(k).padStart(12, '0')}`;
        resources.push({ arn: key, policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'kms:*', Resource: '*' }, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }) });
      } else if (kind === 3) {
        const queue = `arn:aws:sqs:us-east-1:${id}:q-${k}`;
        resources.push({ arn: queue, policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queue, Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${id}:*` } } }) });
      } else {
        resources.push({ arn: `arn:aws:dynamodb:us-east-1:${id}:table/t-${k}` });
      }
    }
    if (a % 10 === 0) {
      const subnet = `arn:aws:ec2:us-east-1:${id}:subnet/subnet-${a}`;
      resources.push({ arn: subnet });
      shares.push({ name: `subnets-${a}`, owner: id, resources: [subnet], principals: [`arn:aws:organizations::${management}:ou/${ORG}/${OUS[(a + 1) % 3]}`], allowExternalPrincipals: false });
    }
  });

  return {
    format: 'accessgraph/v1',
    title: `synthetic organization ${size}`,
    organization: {
      id: ORG,
      managementAccountId: management,
      rootId: ROOT,
      units: OUS.map((id, i) => ({ id, name: ['prod', 'dev', 'sandbox', 'security'][i], parentId: ROOT })),
      policies: [
        { name: 'FullAWSAccess', type: 'SCP', targets: [ROOT, ...OUS], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
        {
          name: 'Guardrails',
          type: 'SCP',
          targets: [ROOT],
          document: doc(
            { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
            { Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': REGIONS } } },
          ),
        },
        { name: 'SandboxNoIam', type: 'SCP', targets: [OUS[2]], document: doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/team-*' } } }) },
        {
          name: 'Perimeter',
          type: 'RCP',
          targets: [ROOT],
          document: doc({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'kms:*', 'sts:AssumeRole'], Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }),
        },
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
