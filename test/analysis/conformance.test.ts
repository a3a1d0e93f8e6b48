import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { expandActions } from '../../src/analysis/grants';
import { isChainedSession } from '../../src/analysis/queries';
import type { AnalysisDecision } from '../../src/engine/types';
import type { AccessGraph } from '../../src/analysis/types';
import { conformanceScenarios, envFor } from './support/env';

const EDGE_OF: Record<AnalysisDecision, string> = { Allow: 'allowed', Conditional: 'conditional', ExplicitDeny: 'blocked', ImplicitDeny: 'blocked' };

function evaluated(graph: AccessGraph): unknown[] {
  return graph.edges.flatMap((e): unknown[] => {
    if (e.kind === 'can-assume') return [e];
    if (e.kind !== 'effective-access') return [];
    const { grants: _grants, ...rest } = e;
    return [{ ...rest, actions: expandActions(e, graph.actionLevels) }];
  });
}

describe('analysis agrees with the engine on every conformance scenario', () => {
  it.each(conformanceScenarios())('%s', async (_file, scenario) => {
    const env = await envFor(scenario, DEFAULT_ENGINE);
    const snapshot = runAnalysis(scenario, env);
    const { graph, compiled } = snapshot;
    const engine = DEFAULT_ENGINE;
    for (const edge of graph.edges) {
      if (edge.kind === 'can-assume') {
        const result = engine.evaluateForAnalysis(compiled as never, { principal: edge.source, action: edge.action, resource: edge.target }, { chained: edge.chained });
        expect([edge.id, EDGE_OF[result.decision]]).toStrictEqual([edge.id, edge.decision]);
        if (edge.decision === 'blocked') expect(edge.blockedBy?.reason).toBe(result.explanation.reason);
        else expect(edge.statements).toStrictEqual(result.explanation.deciding);
      }
      if (edge.kind === 'effective-access') {
        for (const access of expandActions(edge, graph.actionLevels)) {
          const resource = access.resource ?? edge.target;
          const caller = access.via?.at(-1) ?? edge.source;
          const result = engine.evaluateForAnalysis(compiled as never, { principal: caller, action: access.action, resource }, { chained: isChainedSession(snapshot, edge.source, access.via) });
          expect(result.decision === 'Allow' || result.decision === 'Conditional').toBe(true);
          expect(access.statements).toStrictEqual(result.explanation.deciding);
          if (access.via === undefined) expect([edge.id, access.action, access.decision]).toStrictEqual([edge.id, access.action, EDGE_OF[result.decision]]);
          else if (result.decision === 'Conditional') expect(access.decision).toBe('conditional');
        }
      }
    }
    const naive = runAnalysis(scenario, env, undefined, { exact: true });
    expect(evaluated(graph)).toStrictEqual(evaluated(naive.graph));
  });
});
