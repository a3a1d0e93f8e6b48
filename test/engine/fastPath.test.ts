/**
 * `evaluate` decides on a fast path (src/engine/evaluate/fastDecide.ts) and builds the explanation
 * lazily with the reference path (`evaluateReference`: gather every statement, run the flow). The
 * reference is the oracle: on every conformance request, on generated scenarios and on the bench's
 * synthetic organization, both give the same decision, and the explanation `evaluate` returns is the
 * reference's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRequests, syntheticScenario } from '../../scripts/bench/engine';
import { nodeManagedPolicyResolver } from '../../src/cli/managedPolicyResolver';
import { compileScenario, evaluate, evaluateDecision, type CompiledScenario, type Request } from '../../src/engine/index';
import { evaluateReference } from '../../src/engine/evaluate/evaluate';
import { parseScenarioText } from '../../src/model/parseScenario';
import { compileSpec, requestArb, scenarioArb } from './support/scenarioArb';

function same(compiled: CompiledScenario, request: Request): void {
  const fast = evaluate(compiled, request);
  const reference = evaluateReference(compiled, request);
  expect([request, fast.decision, evaluateDecision(compiled, request)]).toStrictEqual([request, reference.decision, reference.decision]);
  expect(fast.explanation).toStrictEqual(reference.explanation);
  // The explanation is an ordinary enumerable value to spreading, JSON and structured cloning (the worker).
  expect(structuredClone(fast)).toStrictEqual(structuredClone(reference));
}

const FOLDERS = [join(import.meta.dirname, '../fixtures/conformance'), join(import.meta.dirname, '../fixtures/conformance/provisional')];

describe('the fast path decides as the reference path does', () => {
  it('on every request of every conformance file', () => {
    let requests = 0;
    for (const folder of FOLDERS) {
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
        const { scenario } = parseScenarioText(readFileSync(join(folder, file), 'utf8'));
        if (scenario === undefined) throw new Error(`${file} does not parse`);
        const compiled = compileScenario(scenario, { managedPolicies: nodeManagedPolicyResolver() });
        for (const a of scenario.assertions) {
          if (a.type !== 'request') continue;
          same(compiled, { principal: a.principal, action: a.action, resource: a.resource, context: a.context, ...(a.parameters === undefined ? {} : { parameters: a.parameters }) });
          requests++;
        }
      }
    }
    expect(requests).toBeGreaterThan(140);
  });

  it('on generated scenarios and requests', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(requestArb(), { minLength: 4, maxLength: 8 }), (spec, requests) => {
        const compiled = compileSpec(spec);
        for (const request of requests) same(compiled, request);
      }),
      { numRuns: 300 },
    );
  });

  it('on malformed and invalid requests (answered by the reference path)', () => {
    const compiled = compileSpec({ organization: false, scp: [], identity: { alice: [], dave: [], bob: [], app: [], carol: [] }, boundary: {}, resourcePolicy: {} });
    for (const request of [
      { principal: 'arn:aws:iam::111111111111:user/alice', action: 'nocolon', resource: '*' },
      { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:GetObject', resource: '*', context: { k: 1 } },
      { principal: 'arn:aws:iam::111111111111:user/ghost', action: 's3:GetObject', resource: '*' },
      { principal: 'arn:aws:iam::111111111111:root', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/app' },
      { principal: 'arn:aws-cn:iam::111111111111:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/k' },
    ]) {
      const fast = evaluate(compiled, request as Request);
      expect(fast.explanation.reason).toBe('invalid-request');
      expect(fast).toStrictEqual(evaluateReference(compiled, request as Request));
    }
  });

  it('on the bench batch over the synthetic organization', () => {
    const scenario = syntheticScenario('S');
    const compiled = compileScenario(scenario, { managedPolicies: nodeManagedPolicyResolver() });
    const mismatches: string[] = [];
    const counts = new Map<string, number>();
    for (const request of generateRequests(scenario, 20_000)) {
      const fast = evaluate(compiled, request).decision;
      const reference = evaluateReference(compiled, request).decision;
      if (evaluateDecision(compiled, request) !== reference) mismatches.push(`${JSON.stringify(request)}: evaluateDecision differs`);
      counts.set(reference, (counts.get(reference) ?? 0) + 1);
      if (fast !== reference) mismatches.push(`${JSON.stringify(request)}: ${fast} vs ${reference}`);
    }
    expect(mismatches.slice(0, 5)).toStrictEqual([]);
    expect(counts.get('Allow') ?? 0).toBeGreaterThan(2000);
    expect(counts.get('ExplicitDeny') ?? 0).toBeGreaterThan(1000);
  }, 120_000);
});
