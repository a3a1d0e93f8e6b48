import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import type { AnalysisEngine } from '../../src/analysis/engineApi';
import type { CanAssumeEdge } from '../../src/analysis/types';
import { accessTargets, type AccessTarget } from '../../src/analysis/accessTargets';
import { expandActions } from '../../src/analysis/grants';
import { MINI_ENGINE } from './support/miniEngine';
import { envFor, scenarioOf } from './support/env';
import { arbitraryScenario } from './support/randomOrg';

/** The naive oracle: every (caller, role) pair evaluated, then a fixpoint over the assumable relation. */
function oracle(engine: AnalysisEngine, compiled: unknown, principals: readonly string[], roles: readonly string[]) {
  const assume = new Map<string, Map<string, 'allowed' | 'conditional'>>();
  for (const p of principals) {
    const row = new Map<string, 'allowed' | 'conditional'>();
    for (const r of roles) {
      const d = engine.evaluateForAnalysis(compiled, { principal: p, action: 'sts:AssumeRole', resource: r }, { chained: p.includes(':role/') }).decision;
      if (d === 'Allow') row.set(r, 'allowed');
      if (d === 'Conditional') row.set(r, 'conditional');
    }
    assume.set(p, row);
  }
  const reach = new Map<string, Map<string, 'allowed' | 'conditional'>>();
  for (const p of principals) {
    // Best decision per role: allowed when some chain is allowed at every hop.
    const best = new Map<string, 'allowed' | 'conditional'>();
    let changed = true;
    while (changed) {
      changed = false;
      for (const [from, via] of [[p, 'allowed'] as const, ...best]) {
        for (const [to, d] of assume.get(from) ?? []) {
          if (to === p) continue;
          const decision = via === 'allowed' && d === 'allowed' ? 'allowed' : 'conditional';
          if (!best.has(to) || (best.get(to) === 'conditional' && decision === 'allowed')) {
            best.set(to, decision);
            changed = true;
          }
        }
      }
    }
    reach.set(p, best);
  }
  return reach;
}

function expectedAccess(engine: AnalysisEngine, compiled: unknown, p: string, reached: ReadonlyMap<string, 'allowed' | 'conditional'>, targets: readonly AccessTarget[]): Map<string, string> {
  const out = new Map<string, string>();
  const callers: [string, 'allowed' | 'conditional'][] = [[p, 'allowed'], ...reached];
  for (const target of targets) {
    for (const action of target.table.actions) {
      let best: string | undefined;
      for (const [caller, via] of callers) {
        const d = engine.evaluateForAnalysis(compiled, { principal: caller, action, resource: target.arn }).decision;
        if (d !== 'Allow' && d !== 'Conditional') continue;
        const decision = via === 'allowed' && d === 'Allow' ? 'allowed' : 'conditional';
        if (best !== 'allowed') best = decision;
      }
      if (best !== undefined) out.set(`${target.node}|${action}|${target.arn}`, best);
    }
  }
  return out;
}

describe('reachability agrees with a naive fixpoint oracle', () => {
  it('on random small organizations', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, async (value) => {
        const scenario = scenarioOf(value);
        const env = await envFor(scenario, MINI_ENGINE);
        const { graph, compiled, index } = runAnalysis(scenario, env);
        const principals = graph.nodes.filter((n) => n.kind === 'user' || n.kind === 'role').map((n) => n.id);
        const roles = scenario.roles.map((r) => r.arn);
        const want = oracle(MINI_ENGINE, compiled, principals, roles);
        const resources = new Map(graph.nodes.filter((n) => n.kind === 'resource').map((n) => [n.id, n.account ?? '']));
        const targets = accessTargets(index, env.catalog, resources, []);
        for (const p of principals) {
          const entry = graph.reachability.byPrincipal.find((r) => r.principal === p);
          const got = new Map((entry?.roles ?? []).map((r) => [r.role, r.path.decision]));
          expect(got).toStrictEqual(want.get(p));
          const access = new Map<string, string>();
          for (const edge of graph.edges) {
            if (edge.kind !== 'effective-access' || edge.source !== p) continue;
            for (const a of expandActions(edge, graph.actionLevels)) access.set(`${edge.target}|${a.action}|${a.resource ?? edge.target}`, a.decision);
          }
          expect(access).toStrictEqual(expectedAccess(MINI_ENGINE, compiled, p, want.get(p) ?? new Map(), targets));
          for (const role of entry?.roles ?? []) {
            // Each hop of the best path is a can-assume edge of the graph, chained from the first role on.
            role.path.hops.forEach((hop, i) => {
              const edge = graph.edges.find((e): e is CanAssumeEdge => e.id === hop.edge && e.kind === 'can-assume');
              expect(edge?.source).toBe(i === 0 ? p : role.path.hops[i - 1]!.to);
              expect(edge?.chained).toBe(i > 0 || p.includes(':role/'));
            });
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
