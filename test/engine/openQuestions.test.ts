/**
 * SEMANTICS.md §10: the open questions and documentation conflicts, each encoded as the reading the
 * current AWS documentation supports, with the page it comes from. Where the engine follows a
 * provisional case (§8.13), the case file runs in conformance.test.ts too; these tests pin the choice
 * with a minimal scenario of their own.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Request } from '../../src/engine/index';
import { compiledOf, doc } from './support/compiled';

const A = '111111111111';
const B = '222222222222';
const M = '999999999999';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const APP = `arn:aws:iam::${A}:role/app`;
const FED = `arn:aws:sts::${A}:federated-user/alice-fed`;
const BKT = 'arn:aws:s3:::bkt-a';
const OBJ = 'arn:aws:s3:::bkt-a/k1';
const ORG = {
  id: 'o-aaaa1111bb',
  managementAccountId: M,
  rootId: 'r-root',
  units: [{ id: 'ou-root-dev00001', name: 'dev', parentId: 'r-root' }],
};
const ACCOUNTS = [
  { id: A, name: 'A', parentId: 'ou-root-dev00001' },
  { id: B, name: 'B', parentId: 'ou-root-dev00001' },
  { id: M, name: 'M', parentId: 'r-root' },
];
const S3_ALL = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const LAMBDA_TRUST = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

function decision(value: Record<string, unknown>, request: Request): [string, string] {
  const { decision: d, explanation } = evaluate(compiledOf(value), request);
  return [d, explanation.reason];
}

describe('SEMANTICS §10 open questions', () => {
  // C1. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
  // ("Session policies": with no session policy passed, a role session gets a default session policy that
  // allows; otherwise — a federated-user session — the request is implicitly denied) and
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html (a federated session
  // without a session policy has no permissions).
  it('C1: a role session without a session policy is not restricted; a federated session without one gets nothing', () => {
    const value = {
      accounts: [{ id: A, name: 'A' }],
      users: [{ arn: ALICE, policies: [{ name: 's3', document: S3_ALL }] }],
      roles: [{ arn: APP, trustPolicy: LAMBDA_TRUST, policies: [{ name: 's3', document: S3_ALL }] }],
      sessions: [{ arn: FED, user: ALICE, policies: [] }],
      resources: [{ arn: BKT, account: A }],
    };
    expect(decision(value, { principal: APP, action: 's3:GetObject', resource: OBJ })).toStrictEqual(['Allow', 'allowed']);
    expect(decision(value, { principal: FED, action: 's3:GetObject', resource: OBJ })).toStrictEqual(['ImplicitDeny', 'session']);
  });

  // C2. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
  // ("Boolean condition operators": policy variables are supported) versus the variables page, which lists
  // Boolean among the operators without variables. The operators page is the operator's own reference:
  // the engine substitutes (harmless when a policy never uses one; the lint warns).
  it('C2: a policy variable in a Bool condition is substituted', () => {
    const value = {
      accounts: [{ id: A, name: 'A' }],
      users: [{ arn: ALICE, tags: { tls: 'true' }, policies: [{ name: 'tls', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': '${aws:PrincipalTag/tls}' } } }) }] }],
      resources: [{ arn: BKT, account: A }],
    };
    expect(decision(value, { principal: ALICE, action: 's3:GetObject', resource: OBJ, context: { 'aws:SecureTransport': 'true' } })[0]).toBe('Allow');
    expect(decision(value, { principal: ALICE, action: 's3:GetObject', resource: OBJ, context: { 'aws:SecureTransport': 'false' } })[0]).toBe('ImplicitDeny');
  });

  // C3. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
  // (s3:ListAllMyBuckets "requires the * resource"); the Service Authorization Reference lists no resource
  // type for ListAllMyBuckets, so the request resource is `*`, which `arn:aws:s3:::*` does not cover.
  it('C3: arn:aws:s3:::* does not cover s3:ListAllMyBuckets; "*" does', () => {
    const value = (resource: string): Record<string, unknown> => ({
      accounts: [{ id: A, name: 'A' }],
      users: [{ arn: ALICE, policies: [{ name: 'list', document: doc({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: resource }) }] }],
    });
    expect(decision(value('arn:aws:s3:::*'), { principal: ALICE, action: 's3:ListAllMyBuckets', resource: '*' })[0]).toBe('ImplicitDeny');
    expect(decision(value('*'), { principal: ALICE, action: 's3:ListAllMyBuckets', resource: '*' })[0]).toBe('Allow');
  });

  // C4. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
  // (AWS "might" check the account, then the role, then the session; the example with [user/Bob, account
  // root] denies everyone except Bob): the Deny stays off only when the whole chain is listed.
  it('C4: NotPrincipal Deny listing a user but not its account denies that user (conservative chain rule)', () => {
    const bob = `arn:aws:iam::${B}:user/bob`;
    const value = (listed: string[]): Record<string, unknown> => ({
      accounts: [{ id: A, name: 'A' }, { id: B, name: 'B' }],
      users: [{ arn: bob, policies: [{ name: 's3', document: S3_ALL }] }],
      resources: [{ arn: BKT, account: A, policy: doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:*', Resource: `${BKT}/*` }, { Effect: 'Deny', NotPrincipal: { AWS: listed }, Action: 's3:*', Resource: `${BKT}/*` }) }],
    });
    expect(decision(value([bob]), { principal: bob, action: 's3:GetObject', resource: OBJ })[0]).toBe('ExplicitDeny');
    expect(decision(value([bob, `arn:aws:iam::${B}:root`]), { principal: bob, action: 's3:GetObject', resource: OBJ })[0]).toBe('Allow');
  });

  // C5. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  // ("If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond the
  // colon boundaries"): a short pattern is one glob over the whole ARN.
  it('C5: a trailing * in a short ARN pattern runs across colons', () => {
    const value = {
      accounts: [{ id: A, name: 'A' }],
      users: [{ arn: ALICE, policies: [{ name: 'ddb', document: doc({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:*:table/prod-*' }) }] }],
    };
    expect(decision(value, { principal: ALICE, action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:us-east-1:${A}:table/prod-x` })[0]).toBe('Allow');
    expect(decision(value, { principal: ALICE, action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:us-east-1:${A}:table/dev-x` })[0]).toBe('ImplicitDeny');
  });

  // C6. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
  // (the current element table allows Condition, NotAction and specific resources in Allow statements too).
  it('C6: an SCP Allow with a condition and a specific resource is evaluated as written', () => {
    const value = {
      organization: { ...ORG, policies: [{ name: 'OnlyBktA', type: 'SCP', targets: ['r-root', 'ou-root-dev00001'], document: doc({ Effect: 'Allow', Action: 's3:*', Resource: `${BKT}/*`, Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }) }] },
      accounts: ACCOUNTS,
      users: [{ arn: ALICE, policies: [{ name: 's3', document: S3_ALL }] }],
      resources: [{ arn: BKT, account: A }, { arn: 'arn:aws:s3:::bkt-b', account: A }],
    };
    expect(decision(value, { principal: ALICE, action: 's3:GetObject', resource: OBJ, context: { 'aws:RequestedRegion': 'eu-west-1' } })[0]).toBe('Allow');
    expect(decision(value, { principal: ALICE, action: 's3:GetObject', resource: OBJ, context: { 'aws:RequestedRegion': 'us-east-1' } })).toStrictEqual(['ImplicitDeny', 'scp']);
    expect(decision(value, { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-b/k', context: { 'aws:RequestedRegion': 'eu-west-1' } })).toStrictEqual(['ImplicitDeny', 'scp']);
  });

  // C7. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
  // (current: "If the enforcement code does not find any applicable Allow statements in the SCPs, then the
  // enforcement code returns a final decision of Deny" — no Deny statement matched, so it is implicit).
  it('C7: a missing SCP Allow is an ImplicitDeny with the reason scp, at the scp step', () => {
    const value = {
      organization: { ...ORG, policies: [{ name: 'Ec2Only', type: 'SCP', targets: ['r-root', 'ou-root-dev00001'], document: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }] },
      accounts: ACCOUNTS,
      users: [{ arn: ALICE, policies: [{ name: 's3', document: S3_ALL }] }],
      resources: [{ arn: BKT, account: A }],
    };
    const { decision: d, explanation } = evaluate(compiledOf(value), { principal: ALICE, action: 's3:GetObject', resource: OBJ });
    expect([d, explanation.reason, explanation.step, explanation.deciding]).toStrictEqual(['ImplicitDeny', 'scp', 'scp', []]);
  });

  // C8. https://docs.aws.amazon.com/ram/latest/APIReference/Welcome.html ("An administrator of the
  // specified account can use IAM policies to restrict access [to] resources in the resource share") and
  // https://docs.aws.amazon.com/ram/latest/userguide/security-ram-permissions.html (managed permissions
  // cap what principals may do; the consumer account's IAM policies grant it): sharing makes a resource
  // usable by the account, and the consumer's identity policy must still allow — the cross-account rule.
  it('C8: a RAM share needs the consumer identity Allow too', () => {
    const subnet = `arn:aws:ec2:us-east-1:${A}:subnet/subnet-1`;
    const bob = `arn:aws:iam::${B}:user/bob`;
    const value = (policies: unknown[]): Record<string, unknown> => ({
      organization: { ...ORG, policies: [] },
      accounts: ACCOUNTS,
      users: [{ arn: bob, policies }],
      resources: [{ arn: subnet }],
      resourceShares: [{ name: 'subnets', owner: A, resources: [subnet], principals: [B], allowExternalPrincipals: false }],
    });
    const request = { principal: bob, action: 'ec2:RunInstances', resource: subnet };
    expect(decision(value([{ name: 'ec2', document: doc({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }) }]), request)[0]).toBe('Allow');
    expect(decision(value([]), request)).toStrictEqual(['ImplicitDeny', 'identity']);
  });

  // C9. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
  // ("All principals": `"Principal": "*"` and `{"AWS": "*"}` are equivalent for anonymous users); the
  // spec reads them as equivalent everywhere, service principals included.
  it('C9: {"AWS":"*"} grants anonymous callers and service principals exactly like "*"', () => {
    const value = (principal: unknown): Record<string, unknown> => ({
      accounts: [{ id: A, name: 'A' }],
      resources: [{ arn: BKT, account: A, policy: doc({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BKT}/*` }) }],
    });
    for (const principal of ['anonymous', 'cloudtrail.amazonaws.com']) {
      const request = { principal, action: 's3:GetObject', resource: OBJ };
      expect([principal, decision(value({ AWS: '*' }), request)]).toStrictEqual([principal, decision(value('*'), request)]);
      expect(decision(value({ AWS: '*' }), request)[0]).toBe('Allow');
    }
  });

  // C10. https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html (a resource-based
  // policy naming the user is not limited by the boundary) and
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html (a caller with a
  // permissions boundary needs the boundary to allow sts:AssumeRole even when the trust policy names it).
  it('C10: a user-ARN grant pierces the boundary, except in a trust policy', () => {
    const boundary = `arn:aws:iam::${A}:policy/Ec2Only`;
    const value = {
      accounts: [{ id: A, name: 'A' }],
      users: [{ arn: ALICE, permissionsBoundary: boundary, policies: [] }],
      policies: [{ arn: boundary, document: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }],
      roles: [{ arn: `arn:aws:iam::${A}:role/target`, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }) }],
      resources: [{ arn: BKT, account: A, policy: doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:GetObject', Resource: `${BKT}/*` }) }],
    };
    expect(decision(value, { principal: ALICE, action: 's3:GetObject', resource: OBJ })[0]).toBe('Allow');
    expect(decision(value, { principal: ALICE, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/target` })).toStrictEqual(['ImplicitDeny', 'boundary']);
  });

  // C11. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
  // ("Resources and entities not restricted by RCPs" lists no exemption for anonymous callers; RCPs apply to
  // any principal's access to resources of the member account).
  it('C11: an RCP Deny applies to an anonymous caller', () => {
    const value = {
      organization: { ...ORG, policies: [{ name: 'TlsOnly', type: 'RCP', targets: ['r-root'], document: doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) }] },
      accounts: ACCOUNTS,
      resources: [{ arn: BKT, account: A, policy: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BKT}/*` }) }],
    };
    expect(decision(value, { principal: 'anonymous', action: 's3:GetObject', resource: OBJ, context: { 'aws:SecureTransport': 'false' } })).toStrictEqual(['ExplicitDeny', 'explicit-deny']);
    expect(decision(value, { principal: 'anonymous', action: 's3:GetObject', resource: OBJ, context: { 'aws:SecureTransport': 'true' } })[0]).toBe('Allow');
  });

  // C12. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html ("Principal key
  // values": for an anonymous caller aws:userid is `anonymous`). Not verified against a rendered copy of
  // the current table (the archived markdown does not render it); the engine follows the table as quoted.
  // Against it: the same page's archived "Specifying default values" says "anonymous users will not populate
  // the ${aws:userid} variable. You can set the default value to `anonymous` for those users"
  // (awsdocs/iam-user-guide, doc_source/reference_policies_variables.md). Under that reading the key is
  // absent, this test's Allow becomes ImplicitDeny, and `${aws:userid, 'anonymous'}` still resolves to
  // `anonymous` either way.
  it('C12: aws:userid of an anonymous caller is "anonymous"', () => {
    const value = {
      accounts: [{ id: A, name: 'A' }],
      resources: [{ arn: BKT, account: A, policy: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BKT}/*`, Condition: { StringEquals: { 'aws:userid': 'anonymous' } } }) }],
    };
    expect(decision(value, { principal: 'anonymous', action: 's3:GetObject', resource: OBJ })[0]).toBe('Allow');
  });
});
