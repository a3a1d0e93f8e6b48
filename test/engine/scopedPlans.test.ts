/**
 * The fast path settles resource tests over the resources a plan serves (one ARN, or every object of a
 * bucket): `settlePattern` says a pattern matches all of them, none, or that it depends. These tests hold
 * it to `matchPattern` over sampled object keys, and the fast path to the reference path on objects of
 * buckets whose policies name them in every way a pattern can (exact, prefix, suffix and general globs,
 * short patterns, `NotResource`, an account field in the request ARN).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSENT, F, T, type KeyLookup } from '../../src/engine/context/keyValue';
import { evaluateReference } from '../../src/engine/evaluate/evaluate';
import { compileScenario, evaluate, evaluateDecision, type Request } from '../../src/engine/index';
import {
  compileResources,
  matchPattern,
  parseRequestResource,
  settlePattern,
  type RequestResource,
} from '../../src/engine/match/resourceMatcher';
import { parseScenarioValue } from '../../src/model/parseScenario';

const NO_KEYS: KeyLookup = { value: () => ABSENT };

const PATTERNS = [
  '*',
  'arn:aws:s3:::bkt',
  'arn:aws:s3:::bkt/*',
  'arn:aws:s3:::bkt*',
  'arn:aws:s3:::bk*',
  'arn:aws:s3:::bkt/data/*',
  'arn:aws:s3:::bkt/d',
  'arn:aws:s3:::bkt/d*',
  'arn:aws:s3:::bkt/*x*',
  'arn:aws:s3:::bkt/',
  'arn:aws:s3:::bkt/*.csv',
  'arn:aws:s3:::bkt/?',
  'arn:aws:s3:::b?t/*',
  'arn:aws:s3:::*/data/*',
  'arn:aws:s3:::*.csv',
  'arn:aws:s3:::*/1.csv',
  'arn:aws:s3:::other/*',
  'arn:aws:s3::111111111111:bkt/*',
  'arn:aws:s3:*:*:bkt/*',
  'arn:aws:s3',
  'arn:aws:s3:::bkt/${aws:username}/*',
  'arn:aws:sqs:::bkt/*',
  'arn:aws-cn:s3:::bkt/*',
  'arn:aws:s3::',
  'arn:aws:s3:::bkt/data/*',
];

function resource(raw: string): RequestResource {
  const r = parseRequestResource(raw);
  if (r === undefined) throw new Error(`invalid test ARN ${raw}`);
  return r;
}

describe('settlePattern', () => {
  it('agrees with matchPattern on every object of the scope it settles', () => {
    const suffix = fc.stringMatching(/^[a-z/.*?]{0,8}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...PATTERNS, 'not-an-arn'),
        fc.constantFrom('', '111111111111'),
        fc.array(suffix, { minLength: 1, maxLength: 6 }),
        (text, account, keys) => {
          const [pattern] = compileResources([text], false, true).patterns;
          if (pattern === undefined) throw new Error('no pattern');
          const prefix = `arn:aws:s3::${account}:bkt/`;
          const first = resource(prefix + (keys[0] ?? ''));
          const settled = settlePattern(pattern, first, 'bkt/'.length);
          for (const key of keys) {
            const m = matchPattern(pattern, resource(prefix + key), NO_KEYS);
            if (settled === true) expect([text, key, m]).toStrictEqual([text, key, T]);
            if (settled === false) expect([text, key, m]).toStrictEqual([text, key, F]);
          }
          // Alone, a resource is settled exactly as it matches (policy variables aside).
          const alone = settlePattern(pattern, first, undefined);
          if (alone !== undefined) expect(alone ? T : F).toBe(matchPattern(pattern, first, NO_KEYS));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('settles the patterns a bucket policy names its objects with', () => {
    const object = resource('arn:aws:s3:::bkt/data/1.csv');
    const settle = (text: string): boolean | undefined =>
      settlePattern(compileResources([text], false, true).patterns[0]!, object, 'bkt/'.length);
    expect(
      ['arn:aws:s3:::bkt/*', 'arn:aws:s3:::bkt', 'arn:aws:s3:::other/*', 'arn:aws:s3:::bkt/data/*'].map(
        settle,
      ),
    ).toStrictEqual([true, false, false, undefined]);
  });
});

/** A bucket whose policy grants or denies with one pattern per statement, and requests on its objects. */
function bucketScenario(): unknown {
  const statements = PATTERNS.flatMap((pattern, i) => [
    {
      Sid: `A${i}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::111111111111:user/u${i}` },
      Action: 's3:GetObject',
      Resource: pattern,
    },
    {
      Sid: `D${i}`,
      Effect: 'Deny',
      Principal: { AWS: `arn:aws:iam::111111111111:user/u${i}` },
      Action: 's3:PutObject',
      Resource: pattern,
    },
    {
      Sid: `N${i}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::111111111111:user/u${i}` },
      Action: 's3:DeleteObject',
      NotResource: pattern,
    },
  ]);
  return {
    format: 'accessgraph/v1',
    title: 'scoped plans',
    accounts: [{ id: '111111111111', name: 'A' }],
    users: PATTERNS.map((_, i) => ({
      arn: `arn:aws:iam::111111111111:user/u${i}`,
      policies: [
        {
          name: 'all',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }],
          },
        },
      ],
    })),
    resources: [
      {
        arn: 'arn:aws:s3:::bkt',
        account: '111111111111',
        policy: { Version: '2012-10-17', Statement: statements },
      },
    ],
  };
}

describe('the fast path on objects that share their bucket plans', () => {
  it('decides as the reference path for every pattern, action and object', () => {
    const { scenario, diagnostics } = parseScenarioValue(bucketScenario());
    if (scenario === undefined) throw new Error('the test scenario does not parse');
    expect(diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    const compiled = compileScenario(scenario);
    const objects = [
      'bkt',
      'bkt/',
      'bkt/d',
      'bkt/data/1.csv',
      'bkt/x.csv',
      'bkt/a',
      'bkt/${aws:username}/k',
      'bkt/u3/k',
    ];
    const mismatches: string[] = [];
    const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
    for (const [i] of PATTERNS.entries()) {
      for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) {
        for (const object of objects) {
          for (const arn of [`arn:aws:s3:::${object}`, `arn:aws:s3::111111111111:${object}`]) {
            const request: Request = {
              principal: `arn:aws:iam::111111111111:user/u${i}`,
              action,
              resource: arn,
            };
            const reference = evaluateReference(compiled, request).decision;
            counts[reference]++;
            const fast = [evaluate(compiled, request).decision, evaluateDecision(compiled, request)];
            if (fast.some((d) => d !== reference))
              mismatches.push(`${PATTERNS[i]} ${action} ${arn}: ${fast.join('/')} vs ${reference}`);
          }
        }
      }
    }
    expect(mismatches).toStrictEqual([]);
    // Every statement kind decides somewhere: the batch is not trivially allowed or denied.
    expect(Object.values(counts).every((n) => n > 50)).toBe(true);
  });
});
