import { describe, expect, it } from 'vitest';
import { SCENARIO_TAB } from '../../src/state/AppState';
import { policyTabsFor } from '../../src/state/policyTabs';
import { selectPolicyTabs } from '../../src/state/selectors';
import { documentText } from '../../src/state/scenarioEdits';
import { settle, testStore } from './harness';

const ROLE = 'arn:aws:iam::111111111111:role/Deploy';
const USER = 'arn:aws:iam::111111111111:user/alice';
const allow = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};
const denyAll = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};
const bucketPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: USER }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
  ],
};

const SCENARIO = {
  format: 'accessgraph/v1',
  title: 'tabs',
  organization: {
    id: 'o-a1b2c3d4e5',
    managementAccountId: '999999999999',
    rootId: 'r-a1b2',
    units: [{ id: 'ou-a1b2-prod0001', name: 'Prod', parentId: 'r-a1b2' }],
    policies: [
      { name: 'DenyLeave', type: 'SCP', targets: ['r-a1b2'], document: allow },
      { name: 'Perimeter', type: 'RCP', targets: ['ou-a1b2-prod0001'], document: denyAll },
      { name: 'Elsewhere', type: 'SCP', targets: ['999999999999'], document: allow },
    ],
  },
  accounts: [
    { id: '999999999999', name: 'Management', parentId: 'r-a1b2' },
    { id: '111111111111', name: 'Prod', parentId: 'ou-a1b2-prod0001' },
  ],
  users: [
    {
      arn: USER,
      groups: ['Admins'],
      policies: [{ name: 'own', document: allow }],
      permissionsBoundary: 'arn:aws:iam::111111111111:policy/Boundary',
    },
  ],
  groups: [
    { arn: 'arn:aws:iam::111111111111:group/Admins', policies: ['arn:aws:iam::111111111111:policy/Shared'] },
  ],
  roles: [
    {
      arn: ROLE,
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: USER }, Action: 'sts:AssumeRole' }],
      },
      policies: [
        'arn:aws:iam::111111111111:policy/Shared',
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        { name: 'inline', document: allow },
      ],
      permissionsBoundary: 'arn:aws:iam::111111111111:policy/Boundary',
    },
  ],
  policies: [
    { arn: 'arn:aws:iam::111111111111:policy/Shared', document: allow },
    { arn: 'arn:aws:iam::111111111111:policy/Boundary', document: allow },
  ],
  resources: [{ arn: 'arn:aws:s3:::data', account: '111111111111', policy: bucketPolicy }],
};
/** The roles of a scenario text, for assertions. */
function scenarioRoles(
  text: string,
): { trustPolicy: { Statement: { Action: string }[] }; policies: { document: unknown }[] }[] {
  return (JSON.parse(text) as { roles: ReturnType<typeof scenarioRoles> }).roles;
}

const TEXT = `${JSON.stringify(SCENARIO, null, 2)}\n`;

function tabsOf(
  kind: 'role' | 'user' | 'account' | 'resource',
  id: string,
  path: (string | number)[] | undefined,
): unknown {
  return policyTabsFor(SCENARIO, { id, kind, label: id.split(/[/:]/).pop() ?? id, path }).map((t) => [
    t.kind,
    t.id,
    t.name,
    t.owner,
  ]);
}

describe('policy tabs', () => {
  it('finds the trust, permission and boundary policies of a role, skipping AWS managed ones it does not list', () => {
    expect(tabsOf('role', ROLE, ['roles', 0])).toStrictEqual([
      ['trust', '$.roles[0].trustPolicy', '', 'Deploy'],
      ['identity', '$.policies[0].document', 'Shared', 'Deploy'],
      ['identity', '$.roles[0].policies[2].document', 'inline', 'Deploy'],
      ['boundary', '$.policies[1].document', 'Boundary', 'Deploy'],
    ]);
  });

  it('includes the policies of the groups a user is in', () => {
    expect(tabsOf('user', USER, ['users', 0])).toStrictEqual([
      ['identity', '$.users[0].policies[0].document', 'own', 'alice'],
      ['group', '$.policies[0].document', 'Shared', 'Admins'],
      ['boundary', '$.policies[1].document', 'Boundary', 'alice'],
    ]);
  });

  it('lists the control policies on an account and above it', () => {
    expect(tabsOf('account', '111111111111', ['accounts', 1])).toStrictEqual([
      ['scp', '$.organization.policies[0].document', 'DenyLeave', 'r-a1b2'],
      ['rcp', '$.organization.policies[1].document', 'Perimeter', 'ou-a1b2-prod0001'],
    ]);
    expect(tabsOf('resource', 'arn:aws:s3:::data', ['resources', 0])).toStrictEqual([
      ['resource', '$.resources[0].policy', '', 'data'],
    ]);
    expect(tabsOf('resource', 'arn:aws:s3:::data', undefined)).toStrictEqual([]);
  });
});

describe('editor slice', () => {
  async function ready(): Promise<ReturnType<typeof testStore>> {
    const harness = testStore({ defaultText: TEXT });
    await settle(harness.timers);
    harness.store.getState().select(ROLE);
    return harness;
  }

  it('opens the selected node’s policies and writes a tab back as one undoable edit', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    expect(s().document.diagnostics).toStrictEqual([]);
    const tabs = selectPolicyTabs(s());
    expect(tabs.map((t) => t.id)).toStrictEqual([
      '$.roles[0].trustPolicy',
      '$.policies[0].document',
      '$.roles[0].policies[2].document',
      '$.policies[1].document',
    ]);
    expect(selectPolicyTabs(s())).toBe(tabs);
    const trust = tabs[0]!;
    const edited = documentText(s().document.text, trust.path)!.replace('sts:AssumeRole', 'sts:TagSession');
    s().setActiveTab(trust.id);
    s().setDraft(trust, edited);
    expect(s().document.text).toBe(TEXT);
    expect(s().applyDraft(trust.id)).toBe(true);
    expect(scenarioRoles(s().document.text)[0]!.trustPolicy.Statement[0]!.Action).toBe('sts:TagSession');
    expect(s().document.text.split('\n').length).toBe(TEXT.split('\n').length);
    expect(s().editor.drafts).toStrictEqual({});
    s().undo();
    expect(s().document.text).toBe(TEXT);
  });

  it('keeps a draft that does not parse, and applies a good one when the user leaves the tab', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    const inline = selectPolicyTabs(s())[2]!;
    s().setActiveTab(inline.id);
    s().setDraft(inline, '{ "Statement": [ ');
    expect(s().applyDraft(inline.id)).toBe(false);
    expect(s().editor.applyError).toStrictEqual({ tab: inline.id, reason: 'syntax' });
    expect(s().editor.drafts[inline.id]?.text).toBe('{ "Statement": [ ');
    s().setActiveTab(SCENARIO_TAB);
    expect(s().document.text).toBe(TEXT);
    expect(s().editor.activeTab).toBe(SCENARIO_TAB);

    s().setActiveTab(inline.id);
    s().setDraft(inline, JSON.stringify({ Statement: { Effect: 'Deny', Action: '*', Resource: '*' } }));
    expect(s().editor.applyError).toBeUndefined();
    s().setActiveTab(SCENARIO_TAB);
    expect(scenarioRoles(s().document.text)[0]!.policies[2]!.document).toStrictEqual({
      Statement: { Effect: 'Deny', Action: '*', Resource: '*' },
    });
  });

  it('reveals a path in the scenario tab, applying the open tab and opening the editor', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    s().setPanelOpen('editor', false);
    const trust = selectPolicyTabs(s())[0]!;
    s().setActiveTab(trust.id);
    s().setDraft(trust, '{"Statement":[]}');
    s().revealPath(['roles', 0, 'trustPolicy', 'Statement']);
    expect(s().editor).toMatchObject({
      activeTab: SCENARIO_TAB,
      reveal: { path: ['roles', 0, 'trustPolicy', 'Statement'], position: undefined, seq: 1 },
      drafts: {},
    });
    expect(s().view.layout.open.editor).toBe(true);
    expect(scenarioRoles(s().document.text)[0]!.trustPolicy).toStrictEqual({ Statement: [] });
  });

  it('reports a tab whose place in the scenario is gone', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    s().setDraft({ id: '$.roles[7].trustPolicy', path: ['roles', 7, 'trustPolicy'] }, '{}');
    expect(s().applyDraft('$.roles[7].trustPolicy')).toBe(false);
    expect(s().editor.applyError).toStrictEqual({ tab: '$.roles[7].trustPolicy', reason: 'missing' });
  });
});
