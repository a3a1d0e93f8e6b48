/**
 * Invariants of the decision flow (DESIGN.md "Quality"), checked with fast-check over small realistic
 * scenarios (support/scenarioArb.ts): an explicit deny always wins; adding an Allow never removes access;
 * adding a Deny never adds access; statement order and policy order never matter. Each property also
 * counts how many generated requests were allowed and fails when too few were, so it cannot pass on
 * scenarios that allow nothing. Then the wildcard matcher against a naive regex oracle, and evaluation
 * never failing on arbitrary policy-shaped input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateForAnalysis, type CompiledScenario, type EvaluationResult, type Request } from '../../src/engine/index';
import { compileScenario } from '../../src/engine/index';
import { ABSENT, type KeyLookup } from '../../src/engine/context/keyValue';
import { compileActions, matchActions, parseRequestAction } from '../../src/engine/match/actionMatcher';
import { compileGlob, matchGlob } from '../../src/engine/match/glob';
import { compileResources, matchResources, parseRequestResource } from '../../src/engine/match/resourceMatcher';
import { parseScenarioValue } from '../../src/model/parseScenario';
import { compileSpec, PRINCIPALS, renderStatement, requestArb, RESOURCES, scenarioArb, sidsOf, statementArb, type PrincipalName, type ResourceName, type ScenarioSpec, type StatementSpec } from './support/scenarioArb';

const RUNS = 150;
/**
 * The least share of allowed requests a property's scenarios must reach. Generated scenarios allow
 * about 18% of requests; with ~900 requests per property this bound is six standard deviations below
 * that, so it fails only when generation stops producing allowed requests, not by chance.
 */
const ALLOW_SHARE = 0.1;

/** Where a statement is added. */
type Target = { kind: 'identity'; principal: PrincipalName; policy: number } | { kind: 'boundary'; principal: PrincipalName } | { kind: 'resource'; resource: ResourceName } | { kind: 'scp' };

function targetArb(): fc.Arbitrary<Target> {
  return fc.oneof(
    fc.record({ kind: fc.constant('identity' as const), principal: fc.constantFrom(...(Object.keys(PRINCIPALS) as PrincipalName[])), policy: fc.nat(2) }),
    fc.record({ kind: fc.constant('boundary' as const), principal: fc.constantFrom<PrincipalName>('alice', 'app') }),
    fc.record({ kind: fc.constant('resource' as const), resource: fc.constantFrom(...(Object.keys(RESOURCES) as ResourceName[])) }),
    fc.constant({ kind: 'scp' as const }),
  );
}

/** The spec with one statement added (statement objects are shared, so their Sids stay). */
function withStatement(spec: ScenarioSpec, target: Target, statement: StatementSpec): ScenarioSpec {
  switch (target.kind) {
    case 'identity': {
      const list = spec.identity[target.principal];
      const i = list.length === 0 ? 0 : target.policy % list.length;
      const next = list.length === 0 ? [[statement]] : list.map((p, k) => (k === i ? [...p, statement] : p));
      return { ...spec, identity: { ...spec.identity, [target.principal]: next } };
    }
    case 'boundary': {
      // Adding a boundary where there is none would restrict; only an existing boundary gains a statement.
      const list = spec.boundary[target.principal];
      return list === undefined ? spec : { ...spec, boundary: { ...spec.boundary, [target.principal]: [...list, statement] } };
    }
    case 'resource':
      return { ...spec, resourcePolicy: { ...spec.resourcePolicy, [target.resource]: [...(spec.resourcePolicy[target.resource] ?? []), { ...statement, principal: statement.principal ?? '*' }] } };
    case 'scp':
      return { ...spec, scp: [...spec.scp, statement] };
  }
}

function sidsWith(spec: ScenarioSpec, next: ScenarioSpec): Map<StatementSpec, string> {
  const sids = sidsOf(spec);
  let n = 0;
  for (const [s] of sidsOf(next)) if (!sids.has(s)) sids.set(s, `N${n++}`);
  return sids;
}

function decide(compiled: CompiledScenario, request: Request): EvaluationResult {
  const result = evaluate(compiled, request);
  // A generated request always exists in AWS: an invalid-request answer would make a property vacuous.
  expect(result.explanation.reason).not.toBe('invalid-request');
  return result;
}

/** Counts decisions across a property's runs. */
function tally(): { count(d: string): void; share(d: string): number; total(): number } {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    count(d) {
      counts.set(d, (counts.get(d) ?? 0) + 1);
      total++;
    },
    share: (d) => (counts.get(d) ?? 0) / Math.max(total, 1),
    total: () => total,
  };
}

const requests = fc.array(requestArb(), { minLength: 4, maxLength: 8 });

describe('decision-flow invariants', () => {
  it('an explicit deny always wins', () => {
    const before = tally();
    fc.assert(
      fc.property(scenarioArb(), requests, fc.boolean(), (spec, reqs, onResource) => {
        const compiled = compileSpec(spec);
        for (const request of reqs) {
          before.count(decide(compiled, request).decision);
          // A Deny that matches the request, in the caller's identity policy or the resource's policy.
          const deny: StatementSpec = { effect: 'Deny', action: [request.action], notAction: false, resource: [request.resource], notResource: false, condition: undefined, principal: onResource ? '*' : undefined };
          const principal = (Object.keys(PRINCIPALS) as PrincipalName[]).find((p) => PRINCIPALS[p] === request.principal) as PrincipalName;
          const resource = (Object.keys(RESOURCES) as ResourceName[]).find((r) => request.resource === RESOURCES[r].arn || request.resource.startsWith(`${RESOURCES[r].arn}/`)) as ResourceName;
          const target: Target = onResource ? { kind: 'resource', resource } : { kind: 'identity', principal, policy: 0 };
          const next = withStatement(spec, target, deny);
          const after = decide(compileSpec(next, sidsWith(spec, next)), request);
          expect(after.decision).toBe('ExplicitDeny');
          expect(after.explanation.step).toBe('explicit-deny');
          expect(after.explanation.deciding.map((d) => d.sid)).toContain('N0');
        }
      }),
      { numRuns: RUNS },
    );
    expect(before.share('Allow')).toBeGreaterThan(ALLOW_SHARE);
  });

  it('adding an Allow never removes access', () => {
    const before = tally();
    fc.assert(
      fc.property(scenarioArb(), requests, targetArb(), statementArb(false, 1, 'Allow'), (spec, reqs, target, allow) => {
        const compiled = compileSpec(spec);
        const next = withStatement(spec, target, target.kind === 'resource' ? { ...allow, principal: '*' } : allow);
        const after = compileSpec(next, sidsWith(spec, next));
        for (const request of reqs) {
          const d = decide(compiled, request).decision;
          before.count(d);
          if (d === 'Allow') expect([request, decide(after, request).decision]).toStrictEqual([request, 'Allow']);
        }
      }),
      { numRuns: RUNS },
    );
    expect(before.share('Allow')).toBeGreaterThan(ALLOW_SHARE);
  });

  it('adding a Deny never adds access', () => {
    const before = tally();
    const changed = tally();
    fc.assert(
      fc.property(scenarioArb(), requests, targetArb(), statementArb(true, 0, 'Deny'), (spec, reqs, target, deny) => {
        const compiled = compileSpec(spec);
        const next = withStatement(spec, target, target.kind === 'resource' ? deny : { ...deny, principal: undefined });
        const after = compileSpec(next, sidsWith(spec, next));
        for (const request of reqs) {
          const d0 = decide(compiled, request).decision;
          const d1 = decide(after, request).decision;
          before.count(d0);
          changed.count(d0 === d1 ? 'same' : 'changed');
          // Allow may become anything; ImplicitDeny stays a deny; ExplicitDeny stays ExplicitDeny.
          if (d0 === 'ImplicitDeny') expect([request, d1 === 'Allow']).toStrictEqual([request, false]);
          if (d0 === 'ExplicitDeny') expect([request, d1]).toStrictEqual([request, 'ExplicitDeny']);
        }
      }),
      { numRuns: RUNS },
    );
    expect(before.share('Allow')).toBeGreaterThan(ALLOW_SHARE);
    // The added Deny must often bite, or the property says nothing.
    expect(changed.share('changed')).toBeGreaterThan(0.01);
  });

  it('statement order and policy order never matter', () => {
    const before = tally();
    fc.assert(
      fc.property(scenarioArb(), requests, fc.nat(), (spec, reqs, seed) => {
        const sids = sidsOf(spec);
        const shuffled = shuffleSpec(spec, seed);
        const a = compileSpec(spec, sids);
        const b = compileSpec(shuffled, sids);
        for (const request of reqs) {
          const x = decide(a, request);
          const y = decide(b, request);
          before.count(x.decision);
          const summary = (r: EvaluationResult): unknown => ({ decision: r.decision, reason: r.explanation.reason, step: r.explanation.step, deciding: r.explanation.deciding.map((d) => d.sid).sort() });
          expect(summary(y)).toStrictEqual(summary(x));
        }
      }),
      { numRuns: RUNS },
    );
    expect(before.share('Allow')).toBeGreaterThan(ALLOW_SHARE);
  });
});

/** A deterministic permutation of every statement list and every identity-policy list. */
function shuffleSpec(spec: ScenarioSpec, seed: number): ScenarioSpec {
  let state = seed + 1;
  function permute<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  const identity = Object.fromEntries(Object.entries(spec.identity).map(([p, list]) => [p, permute(list.map(permute))])) as ScenarioSpec['identity'];
  const boundary = Object.fromEntries(Object.entries(spec.boundary).map(([p, list]) => [p, permute(list)])) as ScenarioSpec['boundary'];
  const resourcePolicy = Object.fromEntries(Object.entries(spec.resourcePolicy).map(([r, list]) => [r, permute(list)])) as ScenarioSpec['resourcePolicy'];
  return { ...spec, scp: permute(spec.scp), identity, boundary, resourcePolicy };
}

describe('evaluation never fails on arbitrary policy-shaped input', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('*', 's3:GetObject', 's3:*', 'arn:aws:s3:::bkt-a/*', '${aws:username}', '${', 'arn:aws:iam::111111111111:root', ''), fc.integer(), fc.boolean(), fc.constant(null));
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', 'x'), fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxKeys: 2 }));
  const operator = fc.constantFrom('StringEquals', 'StringLike', 'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'NumericLessThan', 'DateGreaterThan', 'Bool', 'IpAddress', 'ArnLike', 'Null', 'BinaryEquals', 'StringNotEqualsIfExists', 'Bogus', 'ForAnyValue:Nope');
  const key = fc.constantFrom('aws:PrincipalTag/team', 'aws:SourceIp', 'aws:CurrentTime', 'aws:SecureTransport', 'aws:TagKeys', 's3:prefix', 'aws:PrincipalArn', 'aws:username', 'x');
  const condition = fc.oneof(fc.dictionary(operator, fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 2 }), { maxKeys: 2 }), scalar);
  const junk = fc.record(
    { Sid: scalar, Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), scalar), Action: value, NotAction: value, Resource: value, NotResource: value, Principal: value, NotPrincipal: value, Condition: condition },
    { requiredKeys: [] },
  );
  // Half the statements are well-formed ones with one element replaced by junk, so evaluation gets far.
  function statement(resourceSide: boolean): fc.Arbitrary<unknown> {
    const wellFormed = fc.tuple(statementArb(resourceSide), junk).map(([s, j]) => {
      const rendered = renderStatement(s, 'S');
      const replaced = Object.keys(j)[0];
      return replaced === undefined ? rendered : { ...rendered, [replaced]: j[replaced as keyof typeof j] };
    });
    return fc.oneof({ arbitrary: junk, weight: 1 }, { arbitrary: wellFormed, weight: 1 }, { arbitrary: statementArb(resourceSide).map((s) => renderStatement(s, 'S')), weight: 3 });
  }
  function document(resourceSide: boolean): fc.Arbitrary<unknown> {
    const version = fc.oneof({ arbitrary: fc.constant('2012-10-17'), weight: 4 }, { arbitrary: scalar, weight: 1 });
    const statements = fc.oneof({ arbitrary: fc.array(statement(resourceSide), { maxLength: 3 }), weight: 4 }, { arbitrary: statement(resourceSide), weight: 1 }, { arbitrary: scalar, weight: 1 });
    return fc.record({ Version: version, Statement: statements }, { requiredKeys: [] });
  }

  it('parse + compile + evaluate answer every request without an internal error', () => {
    const outcome = tally();
    fc.assert(
      fc.property(document(false), document(true), document(false), requestArb(), (identity, resource, scp, request) => {
        const { scenario } = parseScenarioValue({
          format: 'accessgraph/v1',
          organization: { id: 'o-aaaa1111bb', managementAccountId: '999999999999', rootId: 'r-root', units: [], policies: [{ name: 'FullAWSAccess', type: 'SCP', targets: ['r-root'], document: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } } }, { name: 'Fuzz', type: 'SCP', targets: ['r-root'], document: scp }] },
          accounts: [{ id: '111111111111', parentId: 'r-root' }, { id: '222222222222' }, { id: '999999999999', parentId: 'r-root' }],
          users: [{ arn: PRINCIPALS.alice, policies: [{ name: 'fuzz', document: identity }], tags: { team: 'blue' } }, { arn: PRINCIPALS.bob, policies: [{ name: 'fuzz', document: identity }] }],
          resources: [{ arn: 'arn:aws:s3:::bkt-a', account: '111111111111', policy: resource }, { arn: 'arn:aws:s3:::bkt-b', account: '222222222222' }],
        });
        if (scenario === undefined) {
          outcome.count('rejected');
          return;
        }
        const compiled = compileScenario(scenario);
        for (const principal of [PRINCIPALS.alice, PRINCIPALS.bob, 'anonymous']) {
          const r = { ...request, principal };
          const exact = evaluate(compiled, r);
          const analysis = evaluateForAnalysis(compiled, r);
          expect(exact.explanation.invalid).toBeUndefined();
          expect(analysis.explanation.invalid).toBeUndefined();
          outcome.count(exact.decision);
        }
      }),
      { numRuns: 400 },
    );
    // Most documents are malformed; the valid ones must still be a real share, and some must allow.
    expect(outcome.share('rejected')).toBeLessThan(0.5);
    expect(outcome.share('Allow')).toBeGreaterThan(0.005);
    expect(outcome.share('ExplicitDeny')).toBeGreaterThan(0.005);
  });
});

/** The naive oracle: the pattern as a regular expression (`*` any run, `?` one character). */
function oracle(pattern: string, flags: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, flags);
}

describe('the wildcard matcher agrees with a naive regex oracle', () => {
  const patternChar = fc.constantFrom('a', 'b', 'A', '*', '?', '/', ':', '-');
  const textChar = fc.constantFrom('a', 'b', 'A', 'B', '/', ':', '-');
  const pattern = fc.array(patternChar, { maxLength: 8 }).map((cs) => cs.join(''));
  const text = fc.array(textChar, { maxLength: 10 }).map((cs) => cs.join(''));
  // Biased pairs: the text is often the pattern with its wildcards filled in, so matches are common.
  const filled = pattern.chain((p) => fc.tuple(fc.constant(p), fc.array(text, { minLength: p.length, maxLength: p.length }).map((fills) => [...p].map((c, i) => (c === '*' ? (fills[i] ?? '') : c === '?' ? ((fills[i] ?? '') + 'a').slice(0, 1) : c)).join(''))));
  const pair = fc.oneof(fc.tuple(pattern, text), filled);

  it('compileGlob / matchGlob is the case-sensitive oracle', () => {
    const matched = tally();
    fc.assert(
      fc.property(pair, ([p, t]) => {
        const expected = oracle(p, '').test(t);
        matched.count(String(expected));
        expect([p, t, matchGlob(compileGlob(p), t)]).toStrictEqual([p, t, expected]);
      }),
      { numRuns: 3000 },
    );
    expect(matched.share('true')).toBeGreaterThan(0.2);
  });

  it('Action names match case-insensitively', () => {
    const matched = tally();
    fc.assert(
      fc.property(pair, fc.boolean(), ([p, t], upper) => {
        const action = parseRequestAction(`${upper ? 'S3' : 's3'}:${t}`);
        fc.pre(action !== undefined);
        const expected = p === '' ? false : oracle(p, 'i').test(t);
        matched.count(String(expected));
        expect([p, t, matchActions(compileActions([`s3:${p}`], false), action)]).toStrictEqual([p, t, expected]);
        expect([p, t, matchActions(compileActions([`s3:${p}`], true), action)]).toStrictEqual([p, t, !expected]);
      }),
      { numRuns: 3000 },
    );
    expect(matched.share('true')).toBeGreaterThan(0.2);
  });

  it('Resource parts match case-sensitively, and `*` runs over `/` and `:`', () => {
    const matched = tally();
    const keys: KeyLookup = { value: () => ABSENT };
    fc.assert(
      fc.property(pair, ([p, t]) => {
        const resource = parseRequestResource(`arn:aws:s3:::${t}`);
        if (resource === undefined) throw new Error('invariant: an s3 ARN parses');
        const expected = oracle(p, '').test(t);
        matched.count(String(expected));
        expect([p, t, matchResources(compileResources([`arn:aws:s3:::${p}`], false, false), resource, keys)]).toStrictEqual([p, t, expected ? 1 : 0]);
      }),
      { numRuns: 3000 },
    );
    expect(matched.share('true')).toBeGreaterThan(0.2);
  });
});
