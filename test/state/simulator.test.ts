import { describe, expect, it } from 'vitest';
import { formFromAssertions, requestOf } from '../../src/state/simulatorSlice';
import { LESSON_TEXT, settle, testStore } from './harness';

const USER2 = 'arn:aws:iam::222222222222:user/User2';
const OBJECT = 'arn:aws:s3:::bucket-a/report.csv';

describe('request simulator', () => {
  it('turns the form into a request, reading JSON lists as multi-valued context', () => {
    expect(requestOf({ principal: ' p ', action: 's3:GetObject', resource: 'r', context: [] })).toStrictEqual(
      { principal: 'p', action: 's3:GetObject', resource: 'r' },
    );
    expect(
      requestOf({
        principal: 'p',
        action: 'a',
        resource: 'r',
        context: [
          { key: 'sts:ExternalId', value: ' abc ' },
          { key: 'aws:TagKeys', value: '["a","b"]' },
          { key: 'aws:SourceIp', value: '[not json' },
          { key: ' ', value: 'ignored' },
        ],
      }),
    ).toStrictEqual({
      principal: 'p',
      action: 'a',
      resource: 'r',
      context: { 'sts:ExternalId': 'abc', 'aws:TagKeys': ['a', 'b'], 'aws:SourceIp': '[not json' },
    });
    expect(requestOf({ principal: 'p', action: '', resource: 'r', context: [] })).toBeUndefined();
  });

  it('starts from the scenario’s first request assertion', () => {
    expect(
      formFromAssertions({
        assertions: [
          { finding: 'public-access' },
          { principal: 'a', action: 'b', resource: 'c', via: 'role-chain' },
          { principal: 'p', action: 'x:Y', resource: 'r', context: { k: 'v', l: ['1', '2'] } },
        ],
      }),
    ).toStrictEqual({
      principal: 'p',
      action: 'x:Y',
      resource: 'r',
      context: [
        { key: 'k', value: 'v' },
        { key: 'l', value: '["1","2"]' },
      ],
    });
    expect(formFromAssertions({ assertions: 'no' })).toBeUndefined();
  });

  it('opens with the scenario’s first request, keeps the user’s form over edits, and refills on a load', async () => {
    const { store, timers } = testStore();
    const s = () => store.getState();
    expect(s().simulator).toStrictEqual({
      principal: USER2,
      action: 's3:GetObject',
      resource: OBJECT,
      context: [],
    });
    s().setSimulator({ principal: '', action: '', resource: '' });
    s().setText(LESSON_TEXT.replace('"name": "AccountA"', '"name": "A2"'), 'edit');
    await settle(timers);
    expect(s().simulator.principal).toBe('');
    s().loadScenario(LESSON_TEXT);
    expect(s().simulator.principal).toBe(USER2);
    s().loadScenario('{"format":"accessgraph/v1","accounts":[]}');
    expect(s().simulator).toStrictEqual({ principal: '', action: '', resource: '', context: [] });
  });

  it('reports a missing field, and the engine’s answer as data', async () => {
    const { store, timers } = testStore();
    await settle(timers);
    const s = () => store.getState();
    s().setSimulator({ action: ' ' });
    await s().simulate();
    expect(s().simulation).toMatchObject({
      status: 'failed',
      error: { code: 'incomplete' },
      request: undefined,
    });
    s().setSimulator({ action: 's3:GetObject' });
    const running = s().simulate();
    expect(s().simulation.status).toBe('running');
    await running;
    // Until the IAM engine is bound into the worker, evaluation answers `internal`; with it, a decision.
    const { simulation } = s();
    expect(simulation.request).toStrictEqual({ principal: USER2, action: 's3:GetObject', resource: OBJECT });
    expect(simulation.revision).toBe(0);
    if (simulation.status === 'failed') expect(simulation.error?.code).toBe('internal');
    else expect(simulation.result?.decision).toBe('Allow');
  });
});
