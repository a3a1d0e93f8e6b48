import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import type { AccessGraph, GraphEdge } from '../../src/analysis/types';
import { MINI_ENGINE } from './support/miniEngine';
import { conformanceScenarios, envFor } from './support/env';

function evaluated(graph: AccessGraph): GraphEdge[] {
  return graph.edges.filter((e) => e.kind === 'can-assume' || e.kind === 'effective-access');
}

describe('prefiltered analysis equals the naive product', () => {
  it.each(conformanceScenarios())('%s', async (_file, scenario) => {
    const env = await envFor(scenario, MINI_ENGINE);
    const fast = runAnalysis(scenario, env);
    const naive = runAnalysis(scenario, env, undefined, { exact: true });
    expect(evaluated(fast.graph)).toStrictEqual(evaluated(naive.graph));
    expect(fast.graph.reachability).toStrictEqual(naive.graph.reachability);
    expect(fast.graph.stats.evaluations).toBeLessThanOrEqual(naive.graph.stats.evaluations);
  });
});
