import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { expandActions } from '../../src/analysis/grants';
import type { AccessGraph } from '../../src/analysis/types';
import { MINI_ENGINE } from './support/miniEngine';
import { conformanceScenarios, envFor } from './support/env';

/** The evaluated edges, effective access in its per-action view (grouping differs by design). */
function evaluated(graph: AccessGraph): unknown[] {
  return graph.edges.flatMap((e): unknown[] => {
    if (e.kind === 'can-assume') return [e];
    if (e.kind !== 'effective-access') return [];
    const { grants: _grants, ...rest } = e;
    return [{ ...rest, actions: expandActions(e, graph.actionLevels) }];
  });
}

function reachability(graph: AccessGraph): unknown {
  // Reachers carry the conditions of one best action; equal-cost ties may pick another grant.
  return {
    byPrincipal: graph.reachability.byPrincipal,
    byResource: graph.reachability.byResource.map((r) => ({ resource: r.resource, principals: r.principals.map((p) => ({ principal: p.principal, edge: p.edge, decision: p.decision, levels: p.levels })) })),
  };
}

describe('prefiltered analysis equals the naive product', () => {
  it.each(conformanceScenarios())('%s', async (_file, scenario) => {
    const env = await envFor(scenario, MINI_ENGINE);
    const fast = runAnalysis(scenario, env);
    const naive = runAnalysis(scenario, env, undefined, { exact: true });
    expect(evaluated(fast.graph)).toStrictEqual(evaluated(naive.graph));
    expect(reachability(fast.graph)).toStrictEqual(reachability(naive.graph));
    expect(fast.graph.stats.evaluations).toBeLessThanOrEqual(naive.graph.stats.evaluations);
  });
});
