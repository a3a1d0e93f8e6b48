import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import type { AccessGraph } from '../../src/analysis/types';
import { envFor, scenarioOf } from './support/env';
import { arbitraryClassScenario } from './support/randomClassOrg';

function withoutCounters(graph: AccessGraph): unknown {
  return { ...graph, stats: { ...graph.stats, evaluations: 0 } };
}

describe('sharing results between requests of one class', () => {
  it('gives the graph of evaluating every principal on its own, on random organizations', async () => {
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryClassScenario, async (value) => {
        const scenario = scenarioOf(value);
        const env = await envFor(scenario, DEFAULT_ENGINE);
        const withClasses = runAnalysis(scenario, env);
        const alone = runAnalysis(scenario, env, undefined, { shareClasses: false });
        expect(withoutCounters(withClasses.graph)).toStrictEqual(withoutCounters(alone.graph));
        expect(withClasses.graph.stats.evaluations).toBeLessThanOrEqual(alone.graph.stats.evaluations);
        if (withClasses.graph.stats.evaluations < alone.graph.stats.evaluations) shared += 1;
      }),
      { numRuns: 80, seed: 4 },
    );
    // The generator must exercise sharing, not only the fall-backs.
    expect(shared).toBeGreaterThan(10);
  });
});
