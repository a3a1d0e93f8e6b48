import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forgetCompiledPolicies } from '../../src/engine/compile/policyMemo';
import { evaluate, evaluateForAnalysis, type CompiledScenario, type Request } from '../../src/engine/index';
import { compileSpec, requestArb, scenarioArb, type ScenarioSpec, type StatementSpec } from './support/scenarioArb';

/** Every decision and explanation of the requests, as plain data (exact and three-valued). */
function answers(compiled: CompiledScenario, requests: readonly Request[]): unknown {
  return structuredClone(requests.map((r) => [evaluate(compiled, r), evaluateForAnalysis(compiled, r)]));
}

describe('compiled policies reused across compilations', () => {
  it('decide and explain as a compilation that reuses nothing, along a chain of edits', () => {
    fc.assert(
      fc.property(fc.array(scenarioArb(), { minLength: 2, maxLength: 4 }), fc.array(requestArb(), { minLength: 4, maxLength: 8 }), (chain, requests) => {
        forgetCompiledPolicies();
        // Each compilation after the first reuses what the earlier ones compiled (the generator's small
        // vocabulary makes many documents recur); the last is then compiled again with nothing to reuse.
        let warm: CompiledScenario | undefined;
        for (const spec of chain) warm = compileSpec(spec);
        const reused = answers(warm as CompiledScenario, requests);
        forgetCompiledPolicies();
        const cold = answers(compileSpec(chain[chain.length - 1]!), requests);
        expect(reused).toStrictEqual(cold);
      }),
      { numRuns: 150 },
    );
  });

  it('shares a policy whose reference and document are unchanged, and only that one', () => {
    forgetCompiledPolicies();
    const statement = (action: string): StatementSpec => ({ effect: 'Allow', action: [action], notAction: false, resource: ['*'], notResource: false, condition: undefined, principal: undefined });
    const spec = (action: string): ScenarioSpec => ({ organization: false, scp: [], identity: { alice: [[statement(action)]], dave: [[statement('s3:PutObject')]], bob: [], app: [], carol: [] }, boundary: {}, resourcePolicy: {} });
    const first = compileSpec(spec('s3:GetObject'));
    const again = compileSpec(spec('s3:GetObject'));
    expect(again.policies.length).toBe(first.policies.length);
    expect(again.policies.every((p, i) => p === first.policies[i])).toBe(true);
    const edited = compileSpec(spec('s3:DeleteObject'));
    const owners = (c: CompiledScenario): string[] => c.policies.filter((p) => first.policies.includes(p)).map((p) => p.ref.owner);
    expect(owners(edited).some((o) => o.endsWith('/dave'))).toBe(true);
    expect(owners(edited).some((o) => o.endsWith('/alice'))).toBe(false);
  });
});
