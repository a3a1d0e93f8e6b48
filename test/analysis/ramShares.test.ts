import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { expandActions } from '../../src/analysis/grants';
import type { AccessGraph, EffectiveAccessEdge, SharesEdge } from '../../src/analysis/types';
import { envFor, scenarioOf } from './support/env';

// SEMANTICS §6: shares expand to member accounts, honour allowExternalPrincipals and
// ramSharingWithOrganization, grant their managed permission's actions, and edges carry `via` the share.
const OWNER = '111111111111';
const DEV = '222222222222';
const PROD = '333333333333';
const OUTSIDE = '444444444444';
const MANAGEMENT = '999999999999';
const ORG = 'o-aaaa1111bb';
const SUBNET = `arn:aws:ec2:us-east-1:${OWNER}:subnet/subnet-1`;
const OU_DEV = `arn:aws:organizations::${MANAGEMENT}:ou/${ORG}/ou-root-dev00001`;
const ORG_ARN = `arn:aws:organizations::${MANAGEMENT}:organization/${ORG}`;
const SHARE = 'ram-share:111111111111:subnets';

function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

function user(account: string): string {
  return `arn:aws:iam::${account}:user/ops`;
}

function scenario(share: Record<string, unknown>, org: Record<string, unknown> = {}): unknown {
  const ec2 = [{ name: 'ec2', document: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }];
  return {
    format: 'accessgraph/v1',
    organization: {
      id: ORG,
      managementAccountId: MANAGEMENT,
      rootId: 'r-root',
      units: [
        { id: 'ou-root-dev00001', name: 'dev', parentId: 'r-root' },
        { id: 'ou-root-prod0001', name: 'prod', parentId: 'r-root' },
      ],
      ...org,
    },
    accounts: [
      { id: OWNER, name: 'network', parentId: 'r-root' },
      { id: DEV, name: 'dev', parentId: 'ou-root-dev00001' },
      { id: PROD, name: 'prod', parentId: 'ou-root-prod0001' },
      { id: OUTSIDE, name: 'partner' },
      { id: MANAGEMENT, name: 'management', parentId: 'r-root' },
    ],
    users: [DEV, PROD, OUTSIDE].map((account) => ({ arn: user(account), policies: ec2 })),
    resources: [{ arn: SUBNET }],
    resourceShares: [{ name: 'subnets', owner: OWNER, resources: [SUBNET], ...share }],
  };
}

async function graphOf(value: unknown): Promise<AccessGraph> {
  const s = scenarioOf(value);
  return runAnalysis(s, await envFor(s, DEFAULT_ENGINE)).graph;
}

function subnetEdges(graph: AccessGraph): EffectiveAccessEdge[] {
  return graph.edges.filter((e): e is EffectiveAccessEdge => e.kind === 'effective-access' && e.target === SUBNET);
}

/** The users that reach the subnet. */
async function consumers(value: unknown): Promise<string[]> {
  return subnetEdges(await graphOf(value)).map((e) => e.source);
}

function shareEdges(graph: AccessGraph): [string, string, string][] {
  return graph.edges.filter((e): e is SharesEdge => e.kind === 'shares').map((e) => [e.source, e.target, e.status]);
}

describe('RAM shares (SEMANTICS §6)', () => {
  it('a share to one account reaches that account only', async () => {
    expect(await consumers(scenario({ principals: [DEV] }))).toStrictEqual([user(DEV)]);
  });

  it('a share to an OU expands to the accounts under it', async () => {
    const graph = await graphOf(scenario({ principals: [OU_DEV] }));
    expect(subnetEdges(graph).map((e) => e.source)).toStrictEqual([user(DEV)]);
    expect(shareEdges(graph)).toStrictEqual([
      [SUBNET, SHARE, 'active'],
      [SHARE, 'ou-root-dev00001', 'active'],
    ]);
  });

  it('a share to the organization expands to every member account, not to outsiders', async () => {
    expect(await consumers(scenario({ principals: [ORG_ARN] }))).toStrictEqual([user(DEV), user(PROD)]);
  });

  it('an OU or organization share grants nothing while sharing with the organization is off', async () => {
    for (const principal of [OU_DEV, ORG_ARN]) {
      const graph = await graphOf(scenario({ principals: [principal] }, { ramSharingWithOrganization: false }));
      expect(subnetEdges(graph)).toStrictEqual([]);
      expect(shareEdges(graph).map(([, , status]) => status)).toStrictEqual(['active', 'invalid']);
    }
    // Accounts named one by one still work without organization sharing.
    expect(await consumers(scenario({ principals: [DEV] }, { ramSharingWithOrganization: false }))).toStrictEqual([user(DEV)]);
  });

  it('an outside account gets access only when the share allows external principals', async () => {
    expect(await consumers(scenario({ principals: [OUTSIDE], allowExternalPrincipals: true }))).toStrictEqual([user(OUTSIDE)]);
    expect(await consumers(scenario({ principals: [OUTSIDE], allowExternalPrincipals: false }))).toStrictEqual([]);
    // A pending invitation grants nothing.
    expect(await consumers(scenario({ principals: [], pendingPrincipals: [OUTSIDE], allowExternalPrincipals: true }))).toStrictEqual([]);
  });

  it("grants exactly the managed permission's actions, each through a statement that names the share", async () => {
    const graph = await graphOf(scenario({ principals: [DEV] }));
    const [edge] = subnetEdges(graph);
    const actions = expandActions(edge!, graph.actionLevels);
    // AWSRAMDefaultPermissionSubnet: ec2:RunInstances, ec2:CreateNetworkInterface, ec2:DescribeSubnets (the
    // last has no resource type, so it is not access to the subnet); ec2:* on the consumer side adds nothing.
    expect(actions.map((a) => a.action).sort()).toStrictEqual(['ec2:CreateNetworkInterface', 'ec2:RunInstances']);
    for (const access of actions) {
      const resourceSide = access.statements.filter((s) => s.policy.kind === 'resource');
      expect(resourceSide.map((s) => s.policy.via)).toStrictEqual(['subnets']);
    }
  });

  it('without a share, a subnet in another account is not reachable', async () => {
    expect(await consumers(scenario({ principals: [] }))).toStrictEqual([]);
  });
});
