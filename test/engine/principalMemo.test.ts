/**
 * The fast path remembers, per principal, the result of resource-side statements that depend on the
 * principal alone (`FastStatement.principalOnly`). One principal's requests that differ only in what
 * such a statement must not depend on (context keys, the resource, its tags, the action's S3 rules)
 * must still be decided as the reference path decides them.
 */
import { describe, expect, it } from 'vitest';
import { evaluateReference } from '../../src/engine/evaluate/evaluate';
import { compileScenario, evaluate, evaluateDecision, type Request } from '../../src/engine/index';
import { parseScenarioValue } from '../../src/model/parseScenario';

const ORG = 'o-aaaa1111bb';

/** One bucket per kind of Deny (so that no other principal-only statement evicts it from the memo). */
const DENIES: Readonly<Record<string, unknown>> = {
  // Principal-only: the memo may keep these.
  org: { StringNotEquals: { 'aws:PrincipalOrgID': ORG } },
  tag: { StringEquals: { 'aws:PrincipalTag/team': 't9' } },
  // Not principal-only: a context key, a resource tag, a policy variable.
  tls: { Bool: { 'aws:SecureTransport': 'false' } },
  'res-a': { StringEquals: { 'aws:ResourceTag/team': 't2' } },
  'res-b': { StringEquals: { 'aws:ResourceTag/team': 't2' } },
  var: { StringEquals: { 'aws:PrincipalTag/team': '${aws:RequestTag/team}' } },
};

function scenarioValue(): unknown {
  return {
    format: 'accessgraph/v1',
    title: 'principal memo',
    organization: {
      id: ORG,
      managementAccountId: '999999999999',
      rootId: 'r-root',
      units: [{ id: 'ou-root-dev00001', name: 'dev', parentId: 'r-root' }],
    },
    accounts: [
      { id: '111111111111', name: 'A', parentId: 'ou-root-dev00001' },
      { id: '999999999999', name: 'M', parentId: 'r-root' },
    ],
    users: [
      {
        arn: 'arn:aws:iam::111111111111:user/alice',
        tags: { team: 't1' },
        policies: [
          {
            name: 'all',
            document: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
            },
          },
        ],
      },
    ],
    resources: Object.entries(DENIES).map(([name, condition]) => ({
      arn: `arn:aws:s3:::bkt-${name}`,
      account: '111111111111',
      tags: { team: name === 'res-b' ? 't2' : 't1' },
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Deny',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:PutObject',
            Resource: '*',
            Condition: condition,
          },
          {
            Sid: 'Get',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::bkt-${name}/*`,
            Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
          },
        ],
      },
    })),
  };
}

describe('the per-principal memo of principal-only statements', () => {
  it('never carries a result over to a request it does not hold for', () => {
    const { scenario, diagnostics } = parseScenarioValue(scenarioValue());
    if (scenario === undefined) throw new Error('the test scenario does not parse');
    expect(diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    const compiled = compileScenario(scenario);
    const principal = 'arn:aws:iam::111111111111:user/alice';
    const requests: Request[] = [];
    // The same principal again and again, alternating what only the statements that are not
    // principal-only read: the context, the bucket (its tags), a request tag a policy variable reads.
    for (const kind of ['org', 'tag', 'tls', 'res', 'var']) {
      for (let i = 0; i < 12; i++) {
        const context: Record<string, string> = { 'aws:SecureTransport': i % 2 === 0 ? 'true' : 'false' };
        if (i % 3 === 0) context['aws:RequestTag/team'] = 't1';
        const bucket = kind === 'res' ? (i % 2 === 0 ? 'res-a' : 'res-b') : kind;
        const action = i % 4 === 3 ? 's3:GetObject' : 's3:PutObject';
        // Objects carry no tags of their bucket, so the resource-tag Deny is asked of the buckets themselves.
        const resource =
          kind === 'res' ? `arn:aws:s3:::bkt-${bucket}` : `arn:aws:s3:::bkt-${bucket}/k${i % 5}`;
        requests.push({ principal, action, resource, context });
      }
    }
    const got = requests.map((r) => [evaluate(compiled, r).decision, evaluateDecision(compiled, r)]);
    const want = requests.map((r) => evaluateReference(compiled, r).decision);
    expect(got).toStrictEqual(want.map((d) => [d, d]));
    expect(new Set(want)).toStrictEqual(new Set(['Allow', 'ExplicitDeny']));
  });
});
