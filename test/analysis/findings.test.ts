import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import type { Finding, FindingCode } from '../../src/analysis/types';
import { MINI_ENGINE } from './support/miniEngine';
import { envFor, scenarioOf } from './support/env';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const BUCKET = 'arn:aws:s3:::bkt-a';
const QUEUE = `arn:aws:sqs:us-east-1:${A}:q1`;
const TARGET = `arn:aws:iam::${A}:role/target`;
const CAROL = `arn:aws:iam::${C}:user/carol`;
const BOB = `arn:aws:iam::${B}:user/bob`;

function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

/** The SEMANTICS §8.0 fixture organization plus the given parts. */
function scenario(parts: Record<string, unknown> = {}, org: Record<string, unknown> = {}): unknown {
  return {
    format: 'accessgraph/v1',
    organization: { id: 'o-aaaa1111bb', managementAccountId: '999999999999', rootId: 'r-root', units: [{ id: 'ou-root-dev00001', name: 'dev', parentId: 'r-root' }], ...org },
    accounts: [
      { id: A, name: 'A', parentId: 'ou-root-dev00001' },
      { id: B, name: 'B', parentId: 'ou-root-dev00001' },
      { id: C, name: 'C' },
      { id: '999999999999', name: 'M', parentId: 'r-root' },
    ],
    ...parts,
  };
}

async function findings(value: unknown): Promise<readonly Finding[]> {
  const s = scenarioOf(value);
  return runAnalysis(s, await envFor(s, MINI_ENGINE)).graph.findings;
}

async function expectPair(code: FindingCode, subject: string, firing: unknown, fixed: unknown): Promise<Finding> {
  const fired = (await findings(firing)).filter((f) => f.code === code);
  expect(fired.map((f) => f.subject)).toContain(subject);
  expect((await findings(fixed)).filter((f) => f.code === code)).toStrictEqual([]);
  const finding = fired.find((f) => f.subject === subject)!;
  expect(finding.message).toMatch(/^[^A-Z].*[^.]$/);
  return finding;
}

function bucket(policy: unknown): Record<string, unknown> {
  return { resources: [{ arn: BUCKET, account: A, policy }] };
}

describe('findings fire on their pattern and stay silent on the fixed form', () => {
  it('public-access', async () => {
    const open = doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` });
    const pinned = doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*`, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111bb' } } });
    const f = await expectPair('public-access', BUCKET, scenario(bucket(open)), scenario(bucket(pinned)));
    expect(f).toMatchObject({ severity: 'high', statement: { index: 0, effect: 'Allow', policy: { kind: 'resource', owner: BUCKET } }, path: ['resources', 0, 'policy', 'Statement', 0] });
  });

  it('external-access: a grant to an outside account, and an outside principal that can reach', async () => {
    const toOutside = doc({ Effect: 'Allow', Principal: { AWS: C }, Action: 's3:GetObject', Resource: `${BUCKET}/*` });
    const toInside = doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:GetObject', Resource: `${BUCKET}/*` });
    const f = await expectPair('external-access', BUCKET, scenario(bucket(toOutside)), scenario(bucket(toInside)));
    expect(f.params.principal).toBe(C);
    const carol = { arn: CAROL, policies: [{ name: 'read', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }] };
    const toCarol = doc({ Effect: 'Allow', Principal: { AWS: CAROL }, Action: 's3:GetObject', Resource: `${BUCKET}/*` });
    const reached = await findings(scenario({ users: [carol], ...bucket(toCarol) }));
    expect(reached.filter((x) => x.code === 'external-access').map((x) => [x.subject, x.params.principal, x.params.decision])).toStrictEqual([[BUCKET, CAROL, 'allowed']]);
    expect((await findings(scenario({ users: [carol], ...bucket(toInside) }))).filter((x) => x.code === 'external-access' && x.params.principal === CAROL)).toStrictEqual([]);
  });

  it('missing-external-id', async () => {
    const role = (condition: object, account = C): Record<string, unknown> => ({ roles: [{ arn: TARGET, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', ...condition }) }] });
    await expectPair('missing-external-id', TARGET, scenario(role({})), scenario(role({ Condition: { StringEquals: { 'sts:ExternalId': 'unique-id' } } })));
    // A test that is not StringEquals does not count as the fix; an account inside the organization is no third party.
    expect((await findings(scenario(role({ Condition: { StringLike: { 'sts:ExternalId': '*' } } })))).map((f) => f.code)).toContain('missing-external-id');
    expect((await findings(scenario(role({}, B)))).map((f) => f.code)).not.toContain('missing-external-id');
  });

  it('missing-external-id stays silent on a role that trusts its own account, even outside the organization', async () => {
    const own = (arn: string, principal: string): unknown => scenario({ roles: [{ arn, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }) }] });
    const outside = `arn:aws:iam::${C}:role/self`;
    for (const value of [own(outside, `arn:aws:iam::${C}:root`), own(outside, C), own(outside, `arn:aws:iam::${C}:user/carol`)]) {
      expect((await findings(value)).filter((f) => f.code === 'missing-external-id')).toStrictEqual([]);
    }
    // The same role trusting another outside account still fires.
    expect((await findings(own(outside, 'arn:aws:iam::444444444444:root'))).filter((f) => f.code === 'missing-external-id').map((f) => [f.subject, f.params.account])).toStrictEqual([[outside, '444444444444']]);
  });

  it('service-without-source', async () => {
    const queue = (condition: object): unknown => scenario({ resources: [{ arn: QUEUE, policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE, ...condition }) }] });
    const f = await expectPair('service-without-source', QUEUE, queue({}), queue({ Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:topic` } } }));
    expect(f.params.service).toBe('sns.amazonaws.com');
  });

  it('blocked-by-control-policy: an SCP stops a trusted caller, an RCP stops a granted one', async () => {
    const parts = {
      users: [{ arn: BOB, policies: [{ name: 'assume', document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: TARGET }) }] }],
      roles: [{ arn: TARGET, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'sts:AssumeRole' }) }],
    };
    const scp = { policies: [{ name: 'NoAssume', type: 'SCP', targets: [B], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }) }] };
    const f = await expectPair('blocked-by-control-policy', TARGET, scenario(parts, scp), scenario(parts));
    expect(f.params).toMatchObject({ principal: BOB, action: 'sts:AssumeRole', policy: 'NoAssume', policyType: 'SCP' });
    const carol = { users: [{ arn: CAROL, policies: [{ name: 'read', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }] }], ...bucket(doc({ Effect: 'Allow', Principal: { AWS: CAROL }, Action: 's3:GetObject', Resource: `${BUCKET}/*` })) };
    const rcp = { policies: [{ name: 'NoReads', type: 'RCP', targets: [A], document: doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' }) }] };
    const g = await expectPair('blocked-by-control-policy', BUCKET, scenario(carol, rcp), scenario(carol));
    expect(g.params).toMatchObject({ principal: CAROL, action: 's3:GetObject', policy: 'NoReads', policyType: 'RCP' });
  });

  const share = (principal: string, allowExternalPrincipals = true): Record<string, unknown> => ({
    resourceShares: [{ name: 'subnets', owner: A, resources: [`arn:aws:ec2:us-east-1:${A}:subnet/subnet-1`], principals: [principal], allowExternalPrincipals }],
  });

  it('ram-external-share', async () => {
    await expectPair('ram-external-share', `arn:aws:ec2:us-east-1:${A}:subnet/subnet-1`, scenario(share(C)), scenario(share(B)));
  });

  it('ram-sharing-disabled', async () => {
    const ou = 'arn:aws:organizations::999999999999:ou/o-aaaa1111bb/ou-root-dev00001';
    await expectPair('ram-sharing-disabled', `arn:aws:ec2:us-east-1:${A}:subnet/subnet-1`, scenario(share(ou), { ramSharingWithOrganization: false }), scenario(share(ou)));
  });

  it('ram-invalid-association', async () => {
    await expectPair('ram-invalid-association', `arn:aws:ec2:us-east-1:${A}:subnet/subnet-1`, scenario(share(C, false)), scenario(share(B, false)));
  });

  it('overly-broad-grant', async () => {
    const role = (statement: unknown): unknown => scenario({ roles: [{ arn: TARGET, trustPolicy: doc(), policies: [{ name: 'p', document: doc(statement) }] }] });
    await expectPair('overly-broad-grant', TARGET, role({ Effect: 'Allow', Action: '*', Resource: '*' }), role({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` }));
  });

  it('cross-partition-reference', async () => {
    const role = (resource: string): unknown => scenario({ roles: [{ arn: TARGET, trustPolicy: doc(), policies: [{ name: 'p', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }) }] }] });
    const f = await expectPair('cross-partition-reference', TARGET, role('arn:aws-cn:s3:::bkt-cn/*'), role('arn:aws:s3:::bkt-a/*'));
    expect(f.params).toMatchObject({ partition: 'aws-cn', ownPartition: 'aws' });
  });

  it('invalid-policy', async () => {
    const trust = (element: string): unknown => scenario({ roles: [{ arn: TARGET, trustPolicy: doc({ Effect: 'Allow', [element]: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }) }] });
    const f = await expectPair('invalid-policy', TARGET, trust('NotPrincipal'), trust('Principal'));
    expect(f.policy).toMatchObject({ kind: 'trust', owner: TARGET });
  });
});
