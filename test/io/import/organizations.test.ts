import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBlocking } from '../../../src/model/diagnostics';
import { importFiles } from '../../../src/io/import/importFiles';
import { at, brief, DATA, FIXTURES, HAS_DATA, importValues, keys, load, scenarioOf, walk } from './helpers';

const DENY_LEAVE = { Version: '2012-10-17', Statement: [{ Sid: 'DenyLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] };
const FULL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('an organization from hand-written exports', () => {
  const result = importFiles(load(FIXTURES, ...walk(FIXTURES, 'org', (n) => n.endsWith('.json'))));
  const scenario = scenarioOf(result);

  it('builds the tree from a file-name parent, a `ParentId` key, an SDK `input` and account `Paths`', () => {
    expect(brief(result.diagnostics)).toStrictEqual([]);
    expect(at(scenario, 'organization', 'units')).toStrictEqual([
      { id: 'ou-a1b2-data0001', name: 'Data', parentId: 'ou-a1b2-prod0001' },
      { id: 'ou-a1b2-prod0001', name: 'Production', parentId: 'r-a1b2' },
    ]);
    expect(at(scenario, 'accounts')).toStrictEqual([
      { id: '111111111111', name: 'Prod App', parentId: 'ou-a1b2-prod0001' },
      { id: '222222222222', name: 'Prod Data', parentId: 'ou-a1b2-data0001' },
      { id: '999999999999', name: 'Management', parentId: 'r-a1b2' },
    ]);
    expect([at(scenario, 'organization', 'id'), at(scenario, 'organization', 'managementAccountId'), at(scenario, 'organization', 'rootId')]).toStrictEqual(['o-a1b2c3d4e5', '999999999999', 'r-a1b2']);
  });

  it('attaches SCPs and RCPs to their targets, with their content from describe-policy', () => {
    const policies = at(scenario, 'organization', 'policies');
    expect(Array.isArray(policies) ? policies.map((p) => [at(p, 'name'), at(p, 'type'), at(p, 'targets')]) : []).toStrictEqual([
      ['DenyLeave', 'SCP', ['r-a1b2']],
      ['FullAWSAccess', 'SCP', ['111111111111', '222222222222', '999999999999', 'ou-a1b2-data0001', 'ou-a1b2-prod0001', 'r-a1b2']],
      ['DataPerimeter', 'RCP', ['ou-a1b2-prod0001']],
    ]);
    expect(at(scenario, 'organization', 'policies', 0, 'document')).toStrictEqual(DENY_LEAVE);
    expect(at(scenario, 'organization', 'policies', 1, 'document')).toStrictEqual(FULL);
    expect(at(scenario, 'organization', 'policies', 2, 'document', 'Statement', 0, 'Sid')).toBe('EnforceOrgIdentities');
  });

  it('warns when nodes with a custom SCP may have lost FullAWSAccess', () => {
    const files = walk(FIXTURES, 'org', (n) => n.endsWith('.json') && !n.includes('FullAWSAccess'));
    expect(brief(importFiles(load(FIXTURES, ...files)).diagnostics)).toStrictEqual([
      'describe-policy.p-denyleave1.json:3:22 warning not-imported where `FullAWSAccess` is attached is not in the export, so nodes with `DenyLeave` attached are treated as not having it (import `list-targets-for-policy` for `p-FullAWSAccess`)',
      'list-policies.json:3:5 warning not-imported `FullAWSAccess` is attached to nothing in the export (import `list-targets-for-policy` for `p-FullAWSAccess`)',
    ]);
  });
});

describe('organization conventions', () => {
  const org = { Organization: { Id: 'o-a1b2c3d4e5', MasterAccountId: '999999999999', Arn: 'arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5' } };
  const roots = { Roots: [{ Id: 'r-a1b2', Name: 'Root' }] };

  it('places an OU whose parent is unknown under the root, and says so', () => {
    const result = importValues(['org.json', org], ['roots.json', roots], ['ous.json', { OrganizationalUnits: [{ Id: 'ou-a1b2-aaaaaaaa', Name: 'Lost' }] }]);
    expect(at(scenarioOf(result), 'organization', 'units')).toStrictEqual([{ id: 'ou-a1b2-aaaaaaaa', name: 'Lost', parentId: 'r-a1b2' }]);
    expect(brief(result.diagnostics)).toStrictEqual([
      'org.json:4:24 info assumed-value the parent of account `999999999999` is not in the export: it is placed under the root (import `list-accounts-for-parent` for each OU)',
      'ous.json:3:5 warning assumed-value the parent of OU `ou-a1b2-aaaaaaaa` is not in the export: it is placed under the root (import `list-organizational-units-for-parent` for each parent)',
    ]);
  });

  it('takes the root from the OU ids when `list-roots` is missing', () => {
    const result = importValues(['org.json', org], ['children.r-a1b2.json', { Children: [{ Id: 'ou-a1b2-aaaaaaaa', Type: 'ORGANIZATIONAL_UNIT' }, { Id: '111111111111', Type: 'ACCOUNT' }] }]);
    const scenario = scenarioOf(result);
    expect(at(scenario, 'organization', 'rootId')).toBe('r-a1b2');
    expect(at(scenario, 'accounts', 0)).toStrictEqual({ id: '111111111111', parentId: 'r-a1b2' });
    expect(brief(result.diagnostics)).toContain('org.json:2:19 info assumed-value the root id `r-a1b2` is taken from the OU ids, which embed it');
  });

  it('needs the policy of `list-targets-for-policy` and the parent of `list-children`', () => {
    const result = importValues(['org.json', org], ['roots.json', roots], ['targets.json', { Targets: [{ TargetId: 'r-a1b2', Type: 'ROOT' }] }], ['children.json', { Children: [] }]);
    expect(brief(result.diagnostics).filter((line) => line.includes('error'))).toStrictEqual([
      'targets.json:1:1 error missing-key cannot tell which policy these targets belong to: add `"PolicyId": "p-…"` next to `Targets`, or put the policy id in the file name (`targets.p-examplepolicyid111.json`)',
      'children.json:1:1 error missing-key cannot tell whose children these are: add `"ParentId": "…"` next to `Children`, or put the parent id in the file name (`children.r-a1b2.json`)',
    ]);
  });

  it('declares an OU or account that only a policy target names, and skips non-access policy types', () => {
    const result = importValues(
      ['org.json', org],
      ['roots.json', roots],
      ['policies.json', { Policies: [{ Id: 'p-tagpolicy1', Name: 'Tags', Type: 'TAG_POLICY' }] }],
      ['targets.p-FullAWSAccess.json', { Targets: [{ TargetId: 'ou-a1b2-bbbbbbbb', Type: 'ORGANIZATIONAL_UNIT', Name: 'Sandbox' }, { TargetId: '333333333333', Type: 'ACCOUNT', Name: 'Sandbox 1' }] }],
    );
    const scenario = scenarioOf(result);
    expect(at(scenario, 'organization', 'units')).toStrictEqual([{ id: 'ou-a1b2-bbbbbbbb', name: 'Sandbox', parentId: 'r-a1b2' }]);
    expect(keys(scenario, 'accounts')).toStrictEqual(['333333333333', '999999999999']);
    expect(at(scenario, 'organization', 'policies')).toStrictEqual([{ name: 'p-FullAWSAccess', type: 'SCP', targets: ['333333333333', 'ou-a1b2-bbbbbbbb'], document: FULL }]);
    expect(brief(result.diagnostics)).toContain('policies.json:3:5 info not-imported `TAG_POLICY` policies do not decide access, so `Tags` is not imported');
  });

  it('reads `list-policies-for-target` with the target in the file name', () => {
    const policy = { Policy: { PolicySummary: { Id: 'p-denyleave1', Name: 'DenyLeave', Type: 'SERVICE_CONTROL_POLICY' }, Content: JSON.stringify(DENY_LEAVE) } };
    const result = importValues(['org.json', org], ['roots.json', roots], ['policy.json', policy], ['list-policies-for-target.111111111111.json', { Policies: [{ Id: 'p-denyleave1', Name: 'DenyLeave', Type: 'SERVICE_CONTROL_POLICY' }] }]);
    expect(at(scenarioOf(result), 'organization', 'policies')).toStrictEqual([{ name: 'DenyLeave', type: 'SCP', targets: ['111111111111'], document: DENY_LEAVE }]);
  });

  it('imports accounts outside any organization when the organization cannot be identified', () => {
    const result = importValues(['accounts.json', { Accounts: [{ Id: '111111111111', Name: 'A' }] }]);
    const scenario = scenarioOf(result);
    expect(at(scenario, 'organization')).toBeUndefined();
    expect(at(scenario, 'accounts')).toStrictEqual([{ id: '111111111111', name: 'A' }]);
    expect(brief(result.diagnostics)).toStrictEqual(['accounts.json:1:1 warning not-imported the organization is not imported because the export lacks its id and its management account and its root (import `describe-organization` and `list-roots`): its accounts are imported outside any organization']);
  });

  it('refuses an OU that is its own parent and breaks a cycle', () => {
    const result = importValues(
      ['org.json', org],
      ['roots.json', roots],
      ['a.json', { ParentId: 'ou-a1b2-bbbbbbbb', OrganizationalUnits: [{ Id: 'ou-a1b2-aaaaaaaa', Name: 'A' }, { Id: 'ou-a1b2-bbbbbbbb', Name: 'B' }] }],
      ['b.json', { ParentId: 'ou-a1b2-aaaaaaaa', OrganizationalUnits: [{ Id: 'ou-a1b2-bbbbbbbb', Name: 'B' }] }],
    );
    expect(result.diagnostics.filter(isBlocking).map((d) => d.message)).toStrictEqual(['`ou-a1b2-bbbbbbbb` cannot be its own parent, so this placement is not imported']);
    expect(at(result.scenario, 'organization', 'units')).toStrictEqual([
      { id: 'ou-a1b2-aaaaaaaa', name: 'A', parentId: 'r-a1b2' },
      { id: 'ou-a1b2-bbbbbbbb', name: 'B', parentId: 'ou-a1b2-aaaaaaaa' },
    ]);
    expect(brief(result.diagnostics)).toContain('a.json:2:15 warning bad-value the OU parents given form a cycle through `ou-a1b2-aaaaaaaa`: it is placed under the root');
  });
});

describe.skipIf(!HAS_DATA)('organizations examples from ../shared/data', () => {
  it('builds a tree from the AWS CLI examples', () => {
    const names = ['describe-organization', 'list-roots', 'list-organizational-units-for-parent', 'list-accounts', 'list-policies', 'describe-policy'].map((n) => `aws-cli-examples/organizations/${n}.1.json`);
    const result = importFiles(load(DATA, ...names));
    const scenario = scenarioOf(result);
    expect(result.diagnostics.filter(isBlocking)).toStrictEqual([]);
    expect(at(scenario, 'organization', 'units')).toStrictEqual([
      { id: 'ou-examplerootid111-exampleouid111', name: 'AccountingDepartment', parentId: 'r-examplerootid111' },
      { id: 'ou-examplerootid111-exampleouid222', name: 'ProductionDepartment', parentId: 'r-examplerootid111' },
    ]);
    expect(at(scenario, 'accounts')).toStrictEqual([
      { id: '111111111111', name: 'Master Account', parentId: 'r-examplerootid111' },
      { id: '222222222222', name: 'Production Account', parentId: 'r-examplerootid111' },
      { id: '333333333333', name: 'Development Account', parentId: 'r-examplerootid111' },
      { id: '444444444444', name: 'Test Account', parentId: 'r-examplerootid111' },
    ]);
    expect(at(scenario, 'organization', 'policies', 0)).toStrictEqual({ name: 'AllowAllS3Actions', type: 'SCP', targets: [], document: FULL });
    // The documentation's account paths end with the management account, not the account itself.
    expect(brief(result.diagnostics).filter((l) => l.includes('does not end with'))).toHaveLength(3);
  });

  it('builds a tree from the SDK example pairs, reading the parent from `input`', () => {
    const examples: unknown = JSON.parse(readFileSync(join(DATA, 'aws-sdk-js-api-examples/apis/organizations-2016-11-28.examples.json'), 'utf8'));
    const ops = ['DescribeOrganization', 'ListRoots', 'ListOrganizationalUnitsForParent', 'ListAccountsForParent', 'ListAccounts', 'ListTargetsForPolicy'];
    const result = importValues(...ops.map((op): [string, unknown] => [`${op}.json`, { input: at(examples, 'examples', op, 0, 'input'), output: at(examples, 'examples', op, 0, 'output') }]));
    const scenario = scenarioOf(result);
    expect(brief(result.diagnostics.filter((d) => d.severity !== 'info'))).toStrictEqual([
      'ListAccounts.json:14:7 warning assumed-value the parent of account `222222222222` is not in the export: it is placed under the root (import `list-accounts-for-parent` for each OU)',
    ]);
    expect(at(scenario, 'accounts')).toStrictEqual([
      { id: '111111111111', name: 'Master Account', parentId: 'r-examplerootid111' },
      { id: '222222222222', name: 'Developer Account', parentId: 'r-examplerootid111' },
      { id: '333333333333', name: 'Development Account', parentId: 'ou-examplerootid111-exampleouid111' },
      { id: '444444444444', name: 'Test Account', parentId: 'ou-examplerootid111-exampleouid111' },
    ]);
    expect(at(scenario, 'organization', 'policies')).toStrictEqual([{ name: 'p-FullAWSAccess', type: 'SCP', targets: ['333333333333', 'ou-examplerootid111-exampleouid111', 'r-examplerootid111'], document: FULL }]);
  });

  it('reads the IAMSpy organization trees with the SCPs attached to each node', () => {
    for (const file of ['scp-basic.json', 'scp-deny-lambda.json', 'scp-deny-lambda2.json']) {
      const result = importFiles(load(DATA, `iamspy/tests/files/${file}`));
      expect(result.diagnostics.filter(isBlocking), file).toStrictEqual([]);
      expect(at(scenarioOf(result), 'organization', 'rootId'), file).toBe('r-abcd');
    }
    const scenario = scenarioOf(importFiles(load(DATA, 'iamspy/tests/files/scp-deny-lambda.json')));
    const policies = at(scenario, 'organization', 'policies');
    expect(Array.isArray(policies) ? policies.map((p) => [at(p, 'name'), at(p, 'targets')]) : []).toStrictEqual([
      ['block lambda', ['r-abcd']],
      ['FullAWSAccess', ['023456789012', '123456789012', 'r-abcd']],
    ]);
    expect(at(scenario, 'accounts')).toStrictEqual([
      { id: '023456789012', name: 'test', parentId: 'r-abcd' },
      { id: '123456789012', name: 'test', parentId: 'r-abcd' },
    ]);
  });
});
