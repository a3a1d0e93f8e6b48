import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/Catalog';
import { createCatalog } from '../../src/catalog/Catalog';
import { lintScenarioWithCatalog, lintServicesOf, loadAndLintScenario, scenarioDocuments } from '../../src/catalog/lintScenario';
import { createNodeCatalogSource } from '../../src/cli/nodeCatalogSource';
import type { Diagnostic } from '../../src/model/diagnostics';
import { parseScenarioValue } from '../../src/model/parseScenario';
import type { Scenario } from '../../src/model/types';
import { loadedCatalog } from './loadedCatalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadedCatalog();
});

const ALICE = 'arn:aws:iam::111111111111:user/alice';

function scenario(value: Record<string, unknown>): Scenario {
  const result = parseScenarioValue({ format: 'accessgraph/v1', accounts: [{ id: '111111111111', name: 'A' }], ...value });
  if (result.scenario === undefined) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.scenario;
}

/** A scenario where alice holds one inline policy with these statements. */
function withStatements(...statements: Record<string, unknown>[]): Scenario {
  return scenario({ users: [{ arn: ALICE, policies: [{ name: 'p', document: { Version: '2012-10-17', Statement: statements } }] }] });
}

/** `path message` lines, the path relative to alice's policy document. */
function lint(...statements: Record<string, unknown>[]): string[] {
  return lintScenarioWithCatalog(withStatements(...statements), catalog).map(brief);
}

function brief(d: Diagnostic): string {
  expect([d.code, d.severity, d.range, d.excludes]).toStrictEqual(['policy-lint', 'warning', undefined, undefined]);
  const prefix = ['users', 0, 'policies', 0, 'document'];
  const relative = JSON.stringify(d.path.slice(0, prefix.length)) === JSON.stringify(prefix) ? d.path.slice(prefix.length) : d.path;
  return `${relative.join('.')} ${d.message}`;
}

function allow(action: unknown, resource: unknown = '*', condition?: Record<string, unknown>): Record<string, unknown> {
  return { Effect: 'Allow', Action: action, Resource: resource, ...(condition === undefined ? {} : { Condition: condition }) };
}

describe('actions', () => {
  it('names unknown actions and services, with a suggestion when one is near', () => {
    expect(lint(allow(['s3:GetObjekt', 's4:GetObject', 'iam:ZzzTopSecret']))).toStrictEqual([
      'Statement.0.Action.0 `s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)',
      'Statement.0.Action.1 `s4:GetObject` names the unknown service prefix `s4` (did you mean `s3`?)',
      'Statement.0.Action.2 `iam:ZzzTopSecret` is not an action of `iam`',
    ]);
  });

  it('reports a wildcard that matches no action, and accepts case-insensitive names', () => {
    expect(lint(allow(['s3:Gett*', 'S3:getobject', 'ec2:Describe*'], 'arn:aws:s3:::b/*'))).toStrictEqual([
      'Statement.0.Action.0 `s3:Gett*` matches no action of `s3`',
    ]);
  });

  it('reports entries that another entry of the same list already covers', () => {
    expect(lint(allow(['s3:Get*', 's3:GetObject', 'ec2:DescribeInstances', 'ec2:describeinstances', 's3:GetObject*']))).toStrictEqual([
      'Statement.0.Action.1 `s3:GetObject` is already covered by `s3:Get*` in `Action`, so it cannot matter',
      'Statement.0.Action.3 `ec2:describeinstances` appears twice in `Action`',
      'Statement.0.Action.4 `s3:GetObject*` is already covered by `s3:Get*` in `Action`, so it cannot matter',
    ]);
    expect(lint({ Effect: 'Deny', NotAction: ['*', 'iam:*'], Resource: '*' })).toStrictEqual([
      'Statement.0.NotAction.1 `iam:*` is already covered by `*` in `NotAction`, so it cannot matter',
      'Statement.0.NotAction `"NotAction": "*"` leaves no action, so this statement never applies',
    ]);
  });

  it('reports a wildcard-only action written with one specific resource only', () => {
    expect(lint(allow('s3:ListAllMyBuckets', 'arn:aws:s3:::b'), allow(['s3:ListAllMyBuckets', 'iam:ListRoles'], ['arn:aws:s3:::b', 'arn:aws:iam::111111111111:role/r']))).toStrictEqual([
      'Statement.0.Action `s3:ListAllMyBuckets` takes only `"Resource": "*"`, so it matches none of the specific resources of this statement',
      'Statement.1.Action.0 `s3:ListAllMyBuckets` takes only `"Resource": "*"`, so it matches none of the specific resources of this statement',
      'Statement.1.Action.1 `iam:ListRoles` takes only `"Resource": "*"`, so it matches none of the specific resources of this statement',
    ]);
    // `*`, and wildcard patterns, which some services authorize such actions against (`log-group:*`).
    expect(lint(allow('s3:ListAllMyBuckets', '*'), allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'), allow('logs:DescribeLogGroups', 'arn:aws:logs:*:*:log-group:*'))).toStrictEqual([]);
  });

  it('stays silent on `*`, on forms the grammar lint reports, and on services that are not loaded', async () => {
    expect(lint(allow('*'), allow('s3:Get Object'), allow('s*:GetObject'))).toStrictEqual([]);
    const partial = await createCatalog(createNodeCatalogSource());
    await partial.loadService('s3');
    const s = withStatements(allow(['ec2:DescribeInstancez', 's3:GetObjekt']));
    expect(lintScenarioWithCatalog(s, partial).map(brief)).toStrictEqual(['Statement.0.Action.1 `s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)']);
    // Loading what the lint needs first makes the other service answer too.
    expect((await loadAndLintScenario(s, partial)).map(brief)).toStrictEqual([
      'Statement.0.Action.0 `ec2:DescribeInstancez` is not an action of `ec2` (did you mean `ec2:DescribeInstances`?)',
      'Statement.0.Action.1 `s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)',
    ]);
  });
});

describe('resources', () => {
  it('catches object actions on a bucket and bucket actions on objects', () => {
    expect(lint(allow('s3:GetObject', 'arn:aws:s3:::b'), allow('s3:ListBucket', 'arn:aws:s3:::b/*'), allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::b'))).toStrictEqual([
      'Statement.0.Resource `s3:GetObject` does not act on `arn:aws:s3:::b` (a `s3:bucket`): it takes `s3:accesspointobject`, `s3:object`',
      'Statement.1.Resource `s3:ListBucket` does not act on `arn:aws:s3:::b/*` (a `s3:object`): it takes `s3:accesspoint`, `s3:bucket`',
      "Statement.2.Resource none of this statement's actions acts on `arn:aws:s3:::b` (a `s3:bucket`): they take `s3:accesspointobject`, `s3:object`",
    ]);
  });

  it('accepts resources that some action of the statement acts on', () => {
    expect(
      lint(
        allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']),
        allow('s3:GetObject', ['arn:aws:s3:::b/a/b/c.txt', 'arn:aws:s3:::b*', 'arn:aws:s3:::*', 'arn:aws:s3:::b/${aws:username}/*']),
        allow('sts:AssumeRole', ['arn:aws:iam::111111111111:role/r', 'arn:aws:iam::*:role/path/*']),
        allow('iam:PassRole', 'arn:aws:iam::111111111111:role/service-role/r'),
        allow('logs:FilterLogEvents', 'arn:aws:logs:*:*:log-group:app-*:*'),
        allow('lambda:InvokeFunction', ['arn:aws:lambda:us-east-1:111111111111:function:f', 'arn:aws:lambda:*:*:function:f:*']),
        allow('kms:Decrypt', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
      ),
    ).toStrictEqual([]);
  });

  it('reports a resource of another service and one of a type the action does not take', () => {
    expect(lint(allow('sts:AssumeRole', 'arn:aws:iam::111111111111:user/bob'), allow('iam:PassRole', 'arn:aws:iam::*:instance-profile/p'), allow('s3:GetObject', 'arn:aws:dynamodb:us-east-1:111111111111:table/T'))).toStrictEqual([
      'Statement.0.Resource `sts:AssumeRole` does not act on `arn:aws:iam::111111111111:user/bob` (a `iam:user`): it takes `sts:role`',
      'Statement.1.Resource `iam:PassRole` does not act on `arn:aws:iam::*:instance-profile/p` (a `iam:instance-profile`): it takes `iam:role`',
      'Statement.2.Resource `s3:GetObject` does not act on `arn:aws:dynamodb:us-east-1:111111111111:table/T` (a `dynamodb:table`): it takes `s3:accesspointobject`, `s3:object`',
    ]);
  });

  it('reports ARNs that fit no format of their service, in Resource and NotResource', () => {
    expect(lint(allow('s3:GetObject', ['arn:aws:s3:us-east-1:111111111111:b/k', 'arn:aws:s3:::b/k']), { Effect: 'Deny', Action: 'kms:*', NotResource: 'arn:aws:kms:us-east-1:111111111111:keys/k' })).toStrictEqual([
      'Statement.0.Resource.0 `arn:aws:s3:us-east-1:111111111111:b/k` fits no ARN format of `s3`, such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`',
      'Statement.1.NotResource `arn:aws:kms:us-east-1:111111111111:keys/k` fits no ARN format of `kms`, such as `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`',
    ]);
  });

  it('accepts AWS-owned ARNs without an account and services whose V1 and V2 share a prefix', () => {
    expect(
      lint(
        allow('ssm:SendCommand', ['arn:aws:ssm:*::document/AWS-RunShellScript', 'arn:aws:ec2:*:*:instance/*']),
        allow('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/lb/*'),
        allow('codestar-connections:UseConnection', 'arn:aws:codeconnections:*:*:connection/*'),
      ),
    ).toStrictEqual([]);
  });
});

describe('conditions', () => {
  it('reports unknown keys with a suggestion, and keys of services the statement does not use', () => {
    expect(
      lint(
        allow('s3:GetObject', 'arn:aws:s3:::b/*', { StringEquals: { 'aws:SorceAccount': '111111111111', 's3:prefixx': 'a', 's3s:prefix': 'a' } }),
        allow('ec2:DescribeInstances', '*', { StringEquals: { 's3:prefix': 'a', 'ec2:SourceInstanceARN': 'arn:aws:ec2:us-east-1:111111111111:instance/i-1' } }),
      ),
    ).toStrictEqual([
      'Statement.0.Condition.StringEquals.aws:SorceAccount `aws:SorceAccount` is not a global condition key (did you mean `aws:SourceAccount`?)',
      'Statement.0.Condition.StringEquals.s3:prefixx `s3:prefixx` is not a condition key of `s3` (did you mean `s3:prefix`?)',
      'Statement.0.Condition.StringEquals.s3s:prefix `s3s:prefix` names the unknown service prefix `s3s` (did you mean `s3`?)',
      "Statement.1.Condition.StringEquals.s3:prefix `s3:prefix` is a condition key of `s3`, but this statement's actions are of `ec2`, whose requests never carry it",
    ]);
  });

  it('accepts tag-key families, global keys in any case and identity-provider keys', () => {
    const trust = { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' };
    const s = scenario({
      roles: [
        {
          arn: 'arn:aws:iam::111111111111:role/ci',
          trustPolicy: {
            Version: '2012-10-17',
            Statement: [
              { ...trust, Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' } } },
              { ...trust, Condition: { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:x:y', 'saml:aud': 'https://signin.aws.amazon.com/saml' } } },
            ],
          },
          policies: [
            {
              name: 'p',
              document: {
                Statement: [
                  allow('secretsmanager:GetSecretValue', '*', { StringEquals: { 'secretsmanager:ResourceTag/team': 'x', 'AWS:PrincipalTag/team': 'x', 'aws:resourcetag/Team': 'x' } }),
                ],
              },
            },
          ],
        },
      ],
    });
    expect(lintScenarioWithCatalog(s, catalog)).toStrictEqual([]);
  });

  it('reports operators that do not fit the key type', () => {
    expect(
      lint(
        allow('s3:GetObject', 'arn:aws:s3:::b/*', {
          DateGreaterThan: { 'aws:username': '2024-01-01T00:00:00Z' },
          Bool: { 'aws:SourceIp': 'true' },
          NumericLessThan: { 'aws:SourceArn': '1' },
          IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
          StringEquals: { 'aws:SecureTransport': 'true' },
          ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' },
          Null: { 'aws:MultiFactorAuthAge': 'true' },
        }),
      ),
    ).toStrictEqual([
      'Statement.0.Condition.DateGreaterThan.aws:username `DateGreaterThan` compares Date values, but `aws:username` is of type `String`',
      'Statement.0.Condition.Bool.aws:SourceIp `Bool` compares Bool values, but `aws:SourceIp` is of type `IPAddress`',
      'Statement.0.Condition.NumericLessThan.aws:SourceArn `NumericLessThan` compares Numeric values, but `aws:SourceArn` is of type `ARN`',
    ]);
  });

  it('applies the set-operator rules of multivalued keys', () => {
    expect(
      lint(
        allow('kms:CreateGrant', '*', { StringEquals: { 'kms:GrantOperations': 'Decrypt' } }),
        allow('s3:GetObject', 'arn:aws:s3:::b/*', { 'ForAnyValue:IpAddress': { 'aws:SourceIp': '10.0.0.0/8' } }),
        allow('ec2:RunInstances', '*', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }),
      ),
    ).toStrictEqual([
      'Statement.0.Condition.StringEquals.kms:GrantOperations `kms:GrantOperations` holds several values: use `ForAnyValue:` or `ForAllValues:`',
      'Statement.1.Condition.ForAnyValue:IpAddress.aws:SourceIp `aws:SourceIp` holds a single value, so `ForAnyValue:` does not fit it: write `IpAddress`',
      'Statement.2.Condition.ForAllValues:StringEquals.aws:TagKeys `ForAllValues:` is also true when `aws:TagKeys` is absent, so this `Allow` applies to requests without it: add `"Null": {"aws:TagKeys": "false"}`',
    ]);
  });

  it('accepts ForAllValues when the key is known to be present, and in a Deny', () => {
    const tags = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } };
    expect(
      lint(
        allow('ec2:RunInstances', '*', { ...tags, Null: { 'aws:TagKeys': 'false' } }),
        allow('ec2:CreateTags', '*', tags),
        allow('ec2:RunInstances', '*', { ...tags, StringEquals: { 'aws:RequestTag/team': 'x' } }),
        { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: tags },
      ),
    ).toStrictEqual([]);
  });

  it('leaves the global multivalued keys to the grammar lint', () => {
    const s = withStatements(allow('ec2:CreateTags', '*', { StringEquals: { 'aws:TagKeys': 'team' } }));
    expect(lintScenarioWithCatalog(s, catalog)).toStrictEqual([]);
  });
});

describe('lintScenarioWithCatalog', () => {
  it('lints every kind of policy the scenario holds, at its own path', () => {
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }] };
    const badDeny = { Statement: { Effect: 'Deny', Action: 's3:GetObjekt', Resource: '*' } };
    const s = scenario({
      organization: {
        id: 'o-a1b2c3d4e5',
        managementAccountId: '111111111111',
        rootId: 'r-a1b2',
        policies: [
          { name: 'scp', type: 'SCP', targets: ['r-a1b2'], document: badDeny },
          { name: 'rcp', type: 'RCP', targets: ['r-a1b2'], document: { Statement: { Effect: 'Deny', Principal: '*', Action: 's3:GetObjekt', Resource: '*' } } },
        ],
      },
      accounts: [{ id: '111111111111', name: 'A', parentId: 'r-a1b2' }],
      users: [{ arn: ALICE, policies: [{ name: 'u', document: bad }], permissionsBoundary: 'arn:aws:iam::111111111111:policy/b' }],
      groups: [{ arn: 'arn:aws:iam::111111111111:group/g', policies: [{ name: 'g', document: bad }] }],
      roles: [
        {
          arn: 'arn:aws:iam::111111111111:role/r',
          trustPolicy: { Statement: { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRolle' } },
          policies: [{ name: 'r', document: bad }],
        },
      ],
      policies: [{ arn: 'arn:aws:iam::111111111111:policy/b', document: bad }],
      sessions: [{ arn: 'arn:aws:sts::111111111111:assumed-role/r/s', policies: [{ name: 's', document: bad }] }],
      resources: [{ arn: 'arn:aws:s3:::b', account: '111111111111', policy: { Statement: { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:ListBuckett', Resource: 'arn:aws:s3:::b' } } }],
    });
    expect(lintScenarioWithCatalog(s, catalog).map((d) => [d.path.join('.'), d.message])).toStrictEqual([
      ['organization.policies.0.document.Statement.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['organization.policies.1.document.Statement.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['users.0.policies.0.document.Statement.0.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['groups.0.policies.0.document.Statement.0.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['roles.0.trustPolicy.Statement.Action', '`sts:AssumeRolle` is not an action of `sts` (did you mean `sts:AssumeRole`?)'],
      ['roles.0.policies.0.document.Statement.0.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['policies.0.document.Statement.0.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['sessions.0.policies.0.document.Statement.0.Action', '`s3:GetObjekt` is not an action of `s3` (did you mean `s3:GetObject`?)'],
      ['resources.0.policy.Statement.Action', '`s3:ListBuckett` is not an action of `s3` (did you mean `s3:ListBucket`?)'],
    ]);
  });

  it('skips documents that are invalid (they already carry their errors)', () => {
    const s = scenario({ users: [{ arn: ALICE, policies: [{ name: 'p', document: { Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*', Principal: '*' }] } }] }] });
    expect(s.users[0]?.policies[0]).toMatchObject({ kind: 'inline', document: { valid: false } });
    expect(lintScenarioWithCatalog(s, catalog)).toStrictEqual([]);
  });
});

describe('lintServicesOf', () => {
  it('lists the prefixes of actions, resource ARNs and condition keys, plus sts', () => {
    const s = withStatements(
      allow(['s3:GetObject', 'EC2:Describe*', '*', 's*:Get'], ['arn:aws:kms:us-east-1:111111111111:key/k', 'arn:aws:*:::x', '*'], { StringEquals: { 'aws:SourceAccount': '1', 'lambda:FunctionArn': 'x', 'accounts.google.com:aud': 'x' } }),
      { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:dynamodb:us-east-1:111111111111:table/T' },
    );
    expect(lintServicesOf(scenarioDocuments(s))).toStrictEqual(['accounts.google.com', 'dynamodb', 'ec2', 'iam', 'kms', 'lambda', 's3', 'sts']);
  });
});
