import { describe, expect, it } from 'vitest';
import { runDiff } from '../../src/cli/diffCommand';
import { MINI_ENGINE } from '../analysis/support/miniEngine';
import { scenarioOf } from '../analysis/support/env';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const ROLE = 'arn:aws:iam::111111111111:role/reader';

function scenario(readPattern: string | undefined, trusted: boolean): ReturnType<typeof scenarioOf> {
  return scenarioOf({
    format: 'accessgraph/v1',
    accounts: [{ id: '111111111111', name: 'A' }],
    users: [{ arn: ALICE, policies: [{ name: 'assume', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }] } }] }],
    roles: [
      {
        arn: ROLE,
        trustPolicy: { Version: '2012-10-17', Statement: trusted ? [{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }] : [] },
        policies: readPattern === undefined ? [] : [{ name: 'read', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: readPattern, Resource: 'arn:aws:s3:::bkt/*' }] } }],
      },
    ],
    resources: [{ arn: 'arn:aws:s3:::bkt', account: '111111111111' }],
  });
}

async function diff(before: ReturnType<typeof scenarioOf>, after: ReturnType<typeof scenarioOf>, json = false): Promise<string[]> {
  const lines: string[] = [];
  expect(await runDiff(before, after, { out: (l) => lines.push(l) }, json, MINI_ENGINE)).toBe(0);
  return lines;
}

describe('accessgraph diff', () => {
  it('lists access added through a role, with the path', async () => {
    const lines = await diff(scenario(undefined, true), scenario('s3:GetObject', true));
    expect(lines).toStrictEqual([
      `+ ${ROLE} s3:GetObject arn:aws:s3:::bkt/*`,
      `+ ${ALICE} s3:GetObject arn:aws:s3:::bkt/* via ${ROLE}`,
      '2 added, 0 removed, 0 changed',
    ]);
  });

  it('lists access and role assumption removed by a trust change', async () => {
    const lines = await diff(scenario('s3:GetObject', true), scenario('s3:GetObject', false));
    expect(lines).toStrictEqual([`- ${ALICE} s3:GetObject arn:aws:s3:::bkt/* via ${ROLE}`, `- ${ALICE} can assume ${ROLE} (allowed → no)`, '0 added, 1 removed, 0 changed; 1 role assumption change(s)']);
  });

  it('reports nothing for identical scenarios, and JSON on request', async () => {
    expect(await diff(scenario('s3:Get*', true), scenario('s3:Get*', true))).toStrictEqual(['0 added, 0 removed, 0 changed']);
    const json = JSON.parse((await diff(scenario(undefined, true), scenario('s3:GetObject', true), true)).join('\n')) as { summary: unknown; access: { change: string; action: string }[] };
    expect(json.summary).toStrictEqual({ added: 2, removed: 0, changed: 0 });
    expect(json.access.map((c) => [c.change, c.action])).toStrictEqual([['added', 's3:GetObject'], ['added', 's3:GetObject']]);
  });
});
