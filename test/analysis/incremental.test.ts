import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import type { AccessGraph } from '../../src/analysis/types';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { MINI_ENGINE } from './support/miniEngine';
import { envFor, scenarioOf } from './support/env';
import { arbitraryScenario } from './support/randomOrg';
import { analysedEdit, EDITS, edit, type Value } from './support/edits';

function content(graph: AccessGraph): unknown {
  return { nodes: graph.nodes, edges: graph.edges, findings: graph.findings, reachability: graph.reachability };
}

describe('incremental analysis', () => {
  it('gives the same graph as a full analysis after one policy edit, reusing the cells the edit cannot affect', async () => {
    let reusedSomething = false;
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, fc.constantFrom(...EDITS), fc.nat(5), async (value, kind, at) => {
        const { after, env, incremental } = await analysedEdit(value, kind, at);
        const full = runAnalysis(after, env);
        expect(content(incremental.graph)).toStrictEqual(content(full.graph));
        expect(incremental.graph.stats.evaluations).toBeLessThanOrEqual(full.graph.stats.evaluations);
        if (incremental.graph.stats.reused > 0) reusedSomething = true;
      }),
      { numRuns: 60 },
    );
    expect(reusedSomething).toBe(true);
  });

  it('stays equal to a full analysis over a chain of edits (each recompute starting from the previous incremental one)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, fc.array(fc.tuple(fc.constantFrom(...EDITS), fc.nat(5)), { minLength: 2, maxLength: 3 }), async (value, edits) => {
        let current: Value = value;
        let snapshot = runAnalysis(scenarioOf(current), await envFor(scenarioOf(current), MINI_ENGINE));
        for (const [kind, at] of edits) {
          current = edit(current, kind, at);
          const after = scenarioOf(current);
          const env = await envFor(after, MINI_ENGINE);
          snapshot = runAnalysis(after, env, snapshot);
          expect(content(snapshot.graph)).toStrictEqual(content(runAnalysis(after, env).graph));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reuses nothing when the organization tree changes', async () => {
    const [value] = fc.sample(arbitraryScenario, { seed: 7, numRuns: 1 });
    const before = scenarioOf(value);
    const moved = structuredClone(value) as unknown as { accounts: { id: string; parentId?: string }[]; organization: { policies: unknown[] } };
    moved.accounts = moved.accounts.map((a) => (a.id === '222222222222' ? { id: a.id } : a));
    moved.organization.policies = [];
    const after = scenarioOf(moved);
    const env = await envFor(after, MINI_ENGINE);
    const incremental = runAnalysis(after, env, runAnalysis(before, env));
    expect(incremental.graph.stats.reused).toBe(0);
    expect(content(incremental.graph)).toStrictEqual(content(runAnalysis(after, env).graph));
  });
});

type IdentityValue = { users: { policies: { name: string; document?: { Statement: unknown[] } }[] }[]; groups: { policies: { name: string; document?: { Statement: unknown[] } }[] }[]; roles: { policies: { name: string; document?: { Statement: unknown[] } }[] }[] };

const IDENTITY_EDITS = ['role-allow', 'role-deny', 'role-clear', 'user-allow', 'group-allow', 'role-new-policy'] as const;

function identityEditOf(value: unknown, kind: (typeof IDENTITY_EDITS)[number], at: number): unknown {
  const copy = structuredClone(value) as IdentityValue;
  const doc = (statement: unknown): { Statement: unknown[] } => ({ Version: '2012-10-17', Statement: [statement] } as unknown as { Statement: unknown[] });
  const holder = kind.startsWith('user') ? copy.users : kind.startsWith('group') ? copy.groups : copy.roles;
  const entity = holder[at % holder.length];
  if (entity === undefined) return copy;
  const inline = entity.policies.find((p) => p.document !== undefined);
  switch (kind) {
    case 'role-deny':
      if (inline?.document !== undefined) inline.document.Statement.push({ Effect: 'Deny', Action: 's3:*', Resource: '*' });
      break;
    case 'role-clear':
      if (inline?.document !== undefined) inline.document.Statement = [];
      break;
    case 'role-new-policy':
      entity.policies.push({ name: 'added', document: doc({ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:GetObject'], Resource: '*' }) });
      break;
    default:
      if (inline?.document !== undefined) inline.document.Statement.push({ Effect: 'Allow', Action: ['s3:*', 'sts:AssumeRole'], Resource: '*' });
      else entity.policies.push({ name: 'added', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
  }
  return copy;
}

describe('incremental analysis of an identity-policy edit', () => {
  for (const [name, engine] of [
    ['the stand-in engine', MINI_ENGINE],
    ['the real engine', DEFAULT_ENGINE],
  ] as const) {
    it(`is patched edge by edge and equals a full analysis (${name})`, async () => {
      let patched = 0;
      await fc.assert(
        fc.asyncProperty(arbitraryScenario, fc.constantFrom(...IDENTITY_EDITS), fc.nat(7), async (value, kind, at) => {
          const before = scenarioOf(value);
          const after = scenarioOf(identityEditOf(value, kind, at));
          const env = await envFor(after, engine);
          const previous = runAnalysis(before, env);
          const incremental = runAnalysis(after, env, previous);
          expect(content(incremental.graph)).toStrictEqual(content(runAnalysis(after, env).graph));
          // The patch keeps the previous node list (a recompute builds a new one).
          if (incremental.graph.nodes === previous.graph.nodes) patched += 1;
          // And the next edit, from the patched snapshot, too.
          const back = runAnalysis(before, env, incremental);
          expect(content(back.graph)).toStrictEqual(content(previous.graph));
        }),
        { numRuns: 50 },
      );
      expect(patched).toBeGreaterThan(25);
    });
  }
});

describe('an identity edit that opens cross-account access through resource policies', () => {
  const A = '111111111111';
  const B = '222222222222';
  const app = `arn:aws:iam::${A}:role/app`;
  const org = (actions: readonly string[]): unknown => ({
    format: 'accessgraph/v1',
    accounts: [{ id: A, name: 'A' }, { id: B, name: 'B' }],
    roles: [
      { arn: app, trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, policies: [{ name: 'p', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } }] },
    ],
    resources: [
      { arn: 'arn:aws:s3:::named-b', account: B, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: app }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::named-b/*' }] } },
      { arn: 'arn:aws:s3:::public-b', account: B, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-b/*' }] } },
    ],
  });

  for (const [name, engine] of [
    ['the stand-in engine', MINI_ENGINE],
    ['the real engine', DEFAULT_ENGINE],
  ] as const) {
    it(`finds the pairs only the other account's policies name (${name})`, async () => {
      const before = scenarioOf(org(['sqs:SendMessage']));
      const after = scenarioOf(org(['sqs:SendMessage', 's3:GetObject']));
      const env = await envFor(after, engine);
      const previous = runAnalysis(before, env);
      const incremental = runAnalysis(after, env, previous);
      const full = runAnalysis(after, env);
      expect(incremental.graph.nodes).toBe(previous.graph.nodes);
      const reached = (graph: AccessGraph): string[] => graph.edges.filter((e) => e.kind === 'effective-access' && e.source === app).map((e) => e.target);
      expect(reached(full.graph)).toEqual(['arn:aws:s3:::named-b', 'arn:aws:s3:::public-b']);
      expect(reached(previous.graph)).toEqual([]);
      expect(content(incremental.graph)).toStrictEqual(content(full.graph));
    });
  }
});

describe('incremental analysis of untyped resources', () => {
  const A = '111111111111';
  const THING = `arn:aws:madeup:us-east-1:${A}:thing/t1`;
  function org(otherActions: readonly string[]): unknown {
    const doc = (action: string | readonly string[]): unknown => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }] };
    return {
      format: 'accessgraph/v1',
      accounts: [{ id: A, name: 'A' }],
      roles: [
        { arn: `arn:aws:iam::${A}:role/wide`, trustPolicy: trust, policies: [{ name: 'p', document: doc('madeup:*') }] },
        { arn: `arn:aws:iam::${A}:role/other`, trustPolicy: trust, policies: [{ name: 'p', document: doc(otherActions) }] },
      ],
      resources: [{ arn: THING }],
    };
  }

  it('re-evaluates an unchanged source on an untyped resource whose actions another policy extended', async () => {
    const before = scenarioOf(org(['madeup:Read']));
    const after = scenarioOf(org(['madeup:Read', 'madeup:Write']));
    const env = await envFor(after, MINI_ENGINE);
    const incremental = runAnalysis(after, env, runAnalysis(before, env));
    const full = runAnalysis(after, env);
    expect(full.graph.edges.some((e) => e.kind === 'effective-access' && e.target === THING && e.grants.some((g) => g.actions.includes('madeup:Write')))).toBe(true);
    expect(content(incremental.graph)).toStrictEqual(content(full.graph));
  });
});
