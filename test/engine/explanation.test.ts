/**
 * Explanations as data (STYLE rule 4, SEMANTICS §0.1): a decision names the deciding policy, statement
 * index, effect and flow step; every statement considered carries its trace, and one that did not apply
 * says why (`actionMismatch`, `resourceMismatch`, `principalMismatch`, `conditionFalse` with the failing
 * condition). Three-valued evaluation (§2.7): a key the scenario cannot know makes the outcome
 * `Conditional` with the exact conditions still needed, and a possible Deny lists what to avoid.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateForAnalysis, type Explanation, type StatementTrace } from '../../src/engine/index';
import { compiledOf, doc } from './support/compiled';

const A = '111111111111';
const B = '222222222222';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const BOB = `arn:aws:iam::${B}:user/bob`;

const SCENARIO = compiledOf({
  accounts: [{ id: A, name: 'A' }, { id: B, name: 'B' }],
  users: [
    {
      arn: ALICE,
      tags: { team: 'blue' },
      policies: [
        {
          name: 'reader',
          document: doc(
            { Sid: 'Sqs', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
            { Sid: 'OtherBucket', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' },
            { Sid: 'Red', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } },
            { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt-a/*' },
            { Sid: 'Mfa', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::bkt-a/*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
            { Sid: 'NoDeleteOffNetwork', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
            { Sid: 'Delete', Effect: 'Allow', Action: 's3:DeleteObject', Resource: '*' },
          ),
        },
      ],
    },
    { arn: BOB, policies: [{ name: 'all', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }] },
  ],
  resources: [
    {
      arn: 'arn:aws:s3:::bkt-a',
      account: A,
      policy: doc(
        { Sid: 'Carol', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:user/carol' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt-a/*' },
        { Sid: 'BobGet', Effect: 'Allow', Principal: { AWS: BOB }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt-a/*' },
        { Sid: 'NoBobDelete', Effect: 'Deny', Principal: { AWS: BOB }, Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::bkt-a/*' },
      ),
    },
  ],
});

function traceOf(e: Explanation, sid: string): StatementTrace {
  const found = e.steps.flatMap((s) => s.statements).find((t) => t.statement.sid === sid);
  if (found === undefined) throw new Error(`statement ${sid} is not in the explanation`);
  return found;
}

describe('a decision names what decided it', () => {
  it('an identity Allow: the policy, the statement index, the effect and the step', () => {
    const { decision, explanation } = evaluate(SCENARIO, { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/k1' });
    expect(decision).toBe('Allow');
    expect({ step: explanation.step, reason: explanation.reason }).toStrictEqual({ step: 'identity', reason: 'allowed' });
    expect(explanation.deciding.map((d) => ({ kind: d.policy.kind, name: d.policy.name, owner: d.policy.owner, index: d.index, sid: d.sid, effect: d.effect }))).toStrictEqual([
      { kind: 'identity', name: 'reader', owner: ALICE, index: 3, sid: 'Read', effect: 'Allow' },
    ]);
    // Every flow step is reported, in flowchart order.
    expect(explanation.steps.map((s) => s.step)).toStrictEqual(['explicit-deny', 'rcp', 'scp', 'resource-based', 'identity', 'boundary', 'session']);
    expect(explanation.steps.find((s) => s.step === 'identity')?.outcome).toBe('allow');
  });

  it('an explicit Deny in a resource policy: deciding statement and step', () => {
    const { decision, explanation } = evaluate(SCENARIO, { principal: BOB, action: 's3:DeleteObject', resource: 'arn:aws:s3:::bkt-a/k1' });
    expect(decision).toBe('ExplicitDeny');
    expect({ step: explanation.step, reason: explanation.reason }).toStrictEqual({ step: 'explicit-deny', reason: 'explicit-deny' });
    expect(explanation.deciding.map((d) => [d.policy.kind, d.policy.owner, d.index, d.effect])).toStrictEqual([['resource', 'arn:aws:s3:::bkt-a', 2, 'Deny']]);
  });

  it('a cross-account grant: the resource statement with its principal class, then the identity', () => {
    const { decision, explanation } = evaluate(SCENARIO, { principal: BOB, action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/k1' });
    expect(decision).toBe('Allow');
    expect(explanation.deciding.map((d) => `${d.policy.kind}:${d.sid ?? d.index}`)).toStrictEqual(['resource:BobGet', 'identity:0']);
    expect(traceOf(explanation, 'BobGet')).toMatchObject({ applies: 'true', principalClass: 'SELF' });
  });
});

describe('statements that did not apply say why', () => {
  const { explanation } = evaluate(SCENARIO, { principal: BOB, action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/k1' });
  const alice = evaluate(SCENARIO, { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/k1' }).explanation;

  it('principalMismatch for a resource statement naming someone else', () => {
    expect(traceOf(explanation, 'Carol')).toStrictEqual({ statement: traceOf(explanation, 'Carol').statement, applies: 'false', mismatch: 'principalMismatch' });
  });

  it('actionMismatch, resourceMismatch, conditionFalse with the failing condition', () => {
    expect(traceOf(alice, 'Mfa').mismatch).toBe('actionMismatch');
    expect(traceOf(alice, 'OtherBucket').mismatch).toBe('resourceMismatch');
    const red = traceOf(alice, 'Red');
    expect({ applies: red.applies, mismatch: red.mismatch, condition: red.condition === undefined ? undefined : { operator: red.condition.operator, key: red.condition.key, values: red.condition.values } }).toStrictEqual({
      applies: 'false',
      mismatch: 'conditionFalse',
      condition: { operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: ['red'] },
    });
  });

  it('the trace holds only statements of the request’s service (others would all be actionMismatch)', () => {
    expect(alice.steps.flatMap((s) => s.statements).some((t) => t.statement.sid === 'Sqs')).toBe(false);
  });
});

describe('three-valued evaluation (SEMANTICS §2.7)', () => {
  it('an unknown key on the Allow side gives Conditional with the needed condition', () => {
    const request = { principal: ALICE, action: 's3:PutObject', resource: 'arn:aws:s3:::bkt-a/k1' };
    // Exact evaluation: a long-term user key carries no aws:MultiFactorAuthPresent, so Bool is false.
    expect(evaluate(SCENARIO, request).decision).toBe('ImplicitDeny');
    const { decision, explanation } = evaluateForAnalysis(SCENARIO, { ...request, principal: `arn:aws:iam::${A}:user/alice` });
    // For an IAM user the key's presence is unknown offline (console sign-in with MFA vs access keys).
    expect(decision).toBe('Conditional');
    expect(explanation.reason).toBe('conditional');
    expect(explanation.step).toBe('identity');
    expect(explanation.needs?.map((c) => [c.operator, c.key, c.values])).toStrictEqual([['Bool', 'aws:MultiFactorAuthPresent', ['true']]]);
    expect(explanation.deciding.map((d) => d.sid)).toStrictEqual(['Mfa']);
  });

  it('a request that supplies the key is decided, either way', () => {
    const request = { principal: ALICE, action: 's3:PutObject', resource: 'arn:aws:s3:::bkt-a/k1' };
    expect(evaluateForAnalysis(SCENARIO, { ...request, context: { 'aws:MultiFactorAuthPresent': 'true' } }).decision).toBe('Allow');
    expect(evaluateForAnalysis(SCENARIO, { ...request, context: { 'aws:MultiFactorAuthPresent': 'false' } }).decision).toBe('ImplicitDeny');
  });

  it('an unknown key on a Deny: Conditional, with the condition to avoid', () => {
    const { decision, explanation } = evaluateForAnalysis(SCENARIO, { principal: ALICE, action: 's3:DeleteObject', resource: 'arn:aws:s3:::bkt-a/k1' });
    expect(decision).toBe('Conditional');
    expect(explanation.avoids?.map((c) => [c.operator, c.key, c.values])).toStrictEqual([['NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8']]]);
    expect(evaluate(SCENARIO, { principal: ALICE, action: 's3:DeleteObject', resource: 'arn:aws:s3:::bkt-a/k1' }).decision).toBe('ExplicitDeny');
    expect(evaluate(SCENARIO, { principal: ALICE, action: 's3:DeleteObject', resource: 'arn:aws:s3:::bkt-a/k1', context: { 'aws:SourceIp': '10.1.2.3' } }).decision).toBe('Allow');
  });

  it('keys the scenario determines are never unknown', () => {
    // aws:PrincipalTag/team is derived from alice's tags: the Red statement is simply false.
    const { explanation } = evaluateForAnalysis(SCENARIO, { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/k1' });
    expect(traceOf(explanation, 'Red').applies).toBe('false');
  });
});
