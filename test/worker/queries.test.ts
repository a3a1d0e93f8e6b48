import { describe, expect, it } from 'vitest';
import { createInProcessEngineClient } from '../../src/worker/inProcessPort';
import type { DispatcherDeps } from '../../src/worker/dispatch';
import { MINI_ENGINE } from '../analysis/support/miniEngine';
import { nodeCatalog } from '../analysis/support/env';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const READER = 'arn:aws:iam::111111111111:role/reader';
const ADMIN = 'arn:aws:iam::222222222222:role/admin';
const BUCKET = 'arn:aws:s3:::bkt-b';

function doc(...statements: unknown[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}

/** alice → reader (MFA) → admin (chained) → reads bkt-b in account B. */
const TEXT = JSON.stringify({
  format: 'accessgraph/v1',
  accounts: [
    { id: '111111111111', name: 'A' },
    { id: '222222222222', name: 'B' },
  ],
  users: [{ arn: ALICE, policies: [{ name: 'assume', document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: READER }) }] }],
  roles: [
    { arn: READER, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), policies: [{ name: 'assume', document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ADMIN }) }] },
    { arn: ADMIN, trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: READER }, Action: 'sts:AssumeRole' }), policies: [{ name: 'read', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` }) }] },
  ],
  resources: [{ arn: BUCKET, account: '222222222222' }],
});

function deps(): DispatcherDeps {
  let t = 0;
  return { engine: MINI_ENGINE, catalog: nodeCatalog, managedPolicies: undefined, yieldControl: () => Promise.resolve(), now: () => t++ };
}

describe('worker queries over the in-process client', () => {
  it('answers analyze, reach, whoCanReach, path, explainEdge and evaluate', async () => {
    const client = createInProcessEngineClient(deps());
    const outcome = await client.analyze(TEXT);
    if (outcome.status !== 'done' || outcome.graph === undefined) throw new Error('analysis failed');
    const edges = outcome.graph.edges.filter((e) => e.kind === 'can-assume').map((e) => [e.source, e.target, e.decision, e.chained]);
    expect(edges).toStrictEqual([
      [READER, ADMIN, 'allowed', true],
      [ALICE, READER, 'conditional', false],
    ]);

    const reach = await client.reach(ALICE);
    expect(reach?.roles.map((r) => [r.role, r.path.decision, r.path.hops.map((h) => h.to)])).toStrictEqual([
      [READER, 'conditional', [READER]],
      [ADMIN, 'conditional', [READER, ADMIN]],
    ]);
    expect(reach?.resources.map((r) => [r.resource, r.decision])).toStrictEqual([[BUCKET, 'conditional']]);

    const who = await client.whoCanReach(BUCKET, 's3:getobject');
    expect(who.map((r) => [r.principal, r.decision, r.via, r.conditions.map((c) => c.category)])).toStrictEqual([
      [READER, 'allowed', [ADMIN], []],
      [ALICE, 'conditional', [READER, ADMIN], ['mfa']],
      [ADMIN, 'allowed', [], []],
    ]);
    expect(await client.whoCanReach(BUCKET, 's3:DeleteBucket')).toStrictEqual([]);

    const path = await client.path(ALICE, BUCKET, 's3:GetObject');
    expect(path?.hops.map((h) => [h.from, h.to, h.chained])).toStrictEqual([
      [ALICE, READER, false],
      [READER, ADMIN, true],
    ]);
    expect(path?.access).toMatchObject({ action: 's3:GetObject', resource: `${BUCKET}/*`, decision: 'conditional', via: [READER, ADMIN] });
    expect(await client.path(ALICE, BUCKET, 's3:PutObject')).toBeUndefined();

    const explained = await client.explainEdge(`can-assume|${ALICE}|${READER}`);
    expect(explained?.statements.map((s) => [s.policy.kind, s.policy.owner, s.index])).toStrictEqual([['trust', READER, 0], ['identity', ALICE, 0]]);
    expect(explained?.evaluations.map((e) => [e.request, e.result.decision])).toStrictEqual([[{ principal: ALICE, action: 'sts:AssumeRole', resource: READER }, 'Conditional']]);

    const access = await client.explainEdge(`effective-access|${ALICE}|${BUCKET}`);
    expect(access?.evaluations.map((e) => [e.request.principal, e.request.resource, e.result.decision])).toStrictEqual([[ADMIN, `${BUCKET}/*`, 'Allow']]);

    await expect(client.evaluate({ principal: ADMIN, action: 's3:GetObject', resource: `${BUCKET}/k` })).resolves.toMatchObject({ decision: 'Allow' });
    client.dispose();
  });
});
