/**
 * The deterministic synthetic organization of the analysis bench, at the sizes issue 4 names (S: 10
 * accounts, 200 principals, 500 resources; M: 50, 2,000, 5,000; L: 200, 10,000, 20,000), shaped like a
 * real landing zone: an identity account whose users (some with a permissions boundary) assume their
 * team's roles in a few workload accounts (admin with MFA, read-only), a CI role that deploys everywhere,
 * a vendor's audit role with `sts:ExternalId` (some without: findings), application roles trusted by
 * Lambda and, across accounts, by their peer under an `aws:PrincipalOrgID` condition, app roles under a
 * boundary, wildcards in identity policies, buckets with cross-account, org-conditioned and (a few)
 * public policies, KMS keys, queues with service grants, secrets, deny-list SCPs, a data-perimeter RCP and
 * RAM subnet shares to OUs.
 *
 * Why not `scripts/synthetic.ts` (the engine bench's org): its buckets allow `s3:GetObject` to the whole
 * organization and its identity policies hold `s3` wildcards over most buckets, so nearly every principal
 * reaches nearly every bucket; the access graph of that org has principals × resources edges (tens of
 * millions at L), which measures output size, not analysis. Here, as in landing zones, access is mostly
 * within an account plus a bounded set of cross-account paths.
 */

import { SYNTHETIC_SIZES, type SyntheticSize } from '../synthetic';

/** The same S/M/L presets as the engine bench's organization (the issue's sizes). */
export const ANALYSIS_SIZES = SYNTHETIC_SIZES;
/** One size name. */
export type AnalysisSize = SyntheticSize;

const ORG = 'o-synth00001';
const OUS = ['ou-root-prod0001', 'ou-root-dev00001', 'ou-root-sbox0001'];
const EXTERNAL = '999988887777';
/** Fixed roles per workload account: two team roles, deploy, vendor audit. */
const FIXED_ROLES = 4;

function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

function accountId(i: number): string {
  return String(100000000000 + i * 7919).padStart(12, '0');
}

interface Layout {
  readonly workloads: number;
  readonly teams: number;
  readonly users: number;
  readonly appsPerAccount: number;
  readonly resourcesPerAccount: number;
}

function layout(size: AnalysisSize): Layout {
  const p = ANALYSIS_SIZES[size];
  const workloads = p.accounts - 3; // management, identity and tools are the other three
  const users = Math.round(p.principals * 0.05);
  return {
    workloads,
    teams: Math.max(2, Math.floor(workloads / 2)),
    users,
    appsPerAccount: Math.floor((p.principals - users - 1) / workloads) - FIXED_ROLES,
    resourcesPerAccount: Math.floor(p.resources / workloads),
  };
}

function workloadRoles(l: Layout, a: number, ids: { id: string; identity: string; tools: string; next: string }): unknown[] {
  const { id, identity, tools, next } = ids;
  const team = a % l.teams;
  const trustIdentity = (mfa: boolean): unknown => doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${identity}:root` }, Action: 'sts:AssumeRole', ...(mfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}) });
  const roles: unknown[] = [
    { arn: `arn:aws:iam::${id}:role/team-${team}-admin`, trustPolicy: trustIdentity(true), policies: [{ name: 'admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }] },
    { arn: `arn:aws:iam::${id}:role/team-${team}-read`, trustPolicy: trustIdentity(false), policies: [{ name: 'read', document: doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'sqs:Get*', 'kms:Describe*', 'secretsmanager:Describe*'], Resource: '*' }) }] },
    {
      arn: `arn:aws:iam::${id}:role/deploy`,
      trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${id}:role/team-${team}-admin`, `arn:aws:iam::${tools}:role/ci`] }, Action: 'sts:AssumeRole' }),
      policies: [{ name: 'deploy', document: doc({ Effect: 'Allow', Action: ['lambda:*', 's3:PutObject', 'iam:PassRole'], Resource: '*' }) }],
    },
    { arn: `arn:aws:iam::${id}:role/vendor-audit`, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${EXTERNAL}:root` }, Action: 'sts:AssumeRole', ...(a % 5 === 0 ? {} : { Condition: { StringEquals: { 'sts:ExternalId': `ext-${a}` } } }) }), policies: ['arn:aws:iam::aws:policy/SecurityAudit'] },
  ];
  for (let k = 0; k < l.appsPerAccount; k++) {
    const bucket = `arn:aws:s3:::w${a}-app${k % 8}-data`;
    const peer = k % 4 === 0 ? [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${next}:role/app/app-${k}` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } }] : [];
    roles.push({
      arn: `arn:aws:iam::${id}:role/app/app-${k}`,
      trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': id } } }, ...peer),
      policies: [{ name: 'app', document: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucket}/*` }, { Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'], Resource: `arn:aws:sqs:us-east-1:${id}:app-${k % 8}` }, { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/app/app-${k}` }) }],
      ...(k % 2 === 0 ? { permissionsBoundary: `arn:aws:iam::${id}:policy/AppBoundary` } : {}),
      tags: { team: `t${team}`, app: `a${k}` },
    });
  }
  return roles;
}

function bucketPolicy(l: Layout, a: number, b: number, bucket: string, ids: { identity: string; next: string }): unknown {
  if (b % 5 === 0) return doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ids.next}:role/team-${(a + 1) % l.teams}-read` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [bucket, `${bucket}/*`] });
  if (b % 5 === 1 && a % 10 === 0) return doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket}/*` });
  if (b % 5 === 2) return doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ids.identity}:root` }, Action: 's3:ListBucket', Resource: bucket, Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } });
  return undefined;
}

function workloadResources(l: Layout, a: number, ids: { id: string; identity: string; next: string }): unknown[] {
  const { id } = ids;
  const out: unknown[] = [];
  for (let k = 0; k < l.resourcesPerAccount; k++) {
    const kind = k % 10;
    if (kind < 5) {
      const bucket = k < 8 * 5 && kind === 0 ? `arn:aws:s3:::w${a}-app${k / 5}-data` : `arn:aws:s3:::w${a}-b${k}`;
      const policy = bucketPolicy(l, a, k, bucket, ids);
      out.push({ arn: bucket, account: id, ...(policy === undefined ? {} : { policy }) });
    } else if (kind === 5) {
      const queue = `arn:aws:sqs:us-east-1:${id}:app-${Math.floor(k / 10) % 8}${k >= 80 ? `-${k}` : ''}`;
      out.push({ arn: queue, policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queue, ...(k % 20 === 5 ? { Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${id}:*` } } } : {}) }) });
    } else if (kind === 6) {
      out.push({ arn: `arn:aws:kms:us-east-1:${id}:key/${String(a).padStart(8, '0')}-0000-0000-0000-${String(k).padStart(12, '0')}`, policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'kms:*', Resource: '*' }) });
    } else if (kind === 7) {
      out.push({ arn: `arn:aws:secretsmanager:us-east-1:${id}:secret:db-${k}-AbCdEf` });
    } else if (kind === 8) {
      out.push({ arn: `arn:aws:lambda:us-east-1:${id}:function:fn-${k}` });
    } else {
      out.push({ arn: `arn:aws:ec2:us-east-1:${id}:subnet/subnet-${a}-${k}` });
    }
  }
  return out;
}

/** The scenario JSON value of one size. */
export function analysisOrg(size: AnalysisSize): Record<string, unknown> {
  const l = layout(size);
  const management = accountId(999);
  const identity = accountId(0);
  const tools = accountId(998);
  const accounts: unknown[] = [
    { id: management, name: 'management', parentId: 'r-root' },
    { id: identity, name: 'identity', parentId: 'r-root' },
    { id: tools, name: 'tools', parentId: OUS[0] },
    { id: EXTERNAL, name: 'vendor' },
  ];
  const roles: unknown[] = [{ arn: `arn:aws:iam::${tools}:role/ci`, trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': tools } } }), policies: [{ name: 'deploy-everywhere', document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/deploy' }) }] }];
  const policies: unknown[] = [{ arn: `arn:aws:iam::${identity}:policy/UserBoundary`, document: doc({ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:List*', 'iam:Get*'], Resource: '*' }) }];
  const groups: unknown[] = [];
  for (let t = 0; t < l.teams; t++) {
    policies.push({ arn: `arn:aws:iam::${identity}:policy/AssumeTeam${t}`, document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/team-${t}-*` }) });
    groups.push({ arn: `arn:aws:iam::${identity}:group/team-${t}`, policies: [`arn:aws:iam::${identity}:policy/AssumeTeam${t}`] });
  }
  const users = Array.from({ length: l.users }, (_, u) => ({ arn: `arn:aws:iam::${identity}:user/u${u}`, groups: [`team-${u % l.teams}`], tags: { team: `t${u % l.teams}` }, ...(u % 4 === 0 ? { permissionsBoundary: `arn:aws:iam::${identity}:policy/UserBoundary` } : {}) }));
  const resources: unknown[] = [];
  const shares: unknown[] = [];
  for (let a = 1; a <= l.workloads; a++) {
    const id = accountId(a);
    const ids = { id, identity, tools, next: accountId(a === l.workloads ? 1 : a + 1) };
    accounts.push({ id, name: `workload-${a}`, parentId: OUS[a % OUS.length] });
    policies.push({ arn: `arn:aws:iam::${id}:policy/AppBoundary`, document: doc({ Effect: 'Allow', Action: ['s3:*', 'sqs:*', 'kms:Decrypt', 'sts:AssumeRole', 'logs:*'], Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }) });
    roles.push(...workloadRoles(l, a, ids));
    resources.push(...workloadResources(l, a, ids));
    if (a % 10 === 1) shares.push({ name: `subnets-${a}`, owner: id, resources: [`arn:aws:ec2:us-east-1:${id}:subnet/subnet-${a}-9`], principals: [`arn:aws:organizations::${management}:ou/${ORG}/${OUS[(a + 1) % OUS.length]}`], allowExternalPrincipals: false });
  }
  return {
    format: 'accessgraph/v1',
    title: `analysis bench org ${size}`,
    organization: {
      id: ORG,
      managementAccountId: management,
      rootId: 'r-root',
      units: OUS.map((id, i) => ({ id, name: ['prod', 'dev', 'sandbox'][i], parentId: 'r-root' })),
      policies: [
        { name: 'DenyLeave', type: 'SCP', targets: ['r-root'], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }) },
        { name: 'SandboxNoIam', type: 'SCP', targets: [OUS[2]], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: ['iam:*', 'sts:AssumeRole'], Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/team-*' } } }) },
        { name: 'Perimeter', type: 'RCP', targets: ['r-root'], document: doc({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*'], Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }) },
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

/** The org with one policy edited: an application role's inline policy gains a statement. */
export function editedOrg(value: Record<string, unknown>): unknown {
  const copy = structuredClone(value) as { roles: { arn: string; policies: { name: string; document: { Statement: unknown[] } }[] }[] };
  const role = copy.roles.find((r) => r.arn.endsWith(':role/app/app-1'));
  const policy = role?.policies[0];
  if (policy === undefined) throw new Error('invariant: the bench org has an app-1 role with an inline policy');
  policy.document.Statement.push({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' });
  return copy;
}
