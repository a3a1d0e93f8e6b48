import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { diffAccess } from '../../src/analysis/diff';
import type { AccessChange } from '../../src/analysis/diffTypes';
import { expandActions } from '../../src/analysis/grants';
import type { AccessGrant, AccessGraph } from '../../src/analysis/types';
import { MINI_ENGINE } from './support/miniEngine';
import { envFor, scenarioOf } from './support/env';
import { arbitraryScenario } from './support/randomOrg';
import { analysedEdit, EDITS } from './support/edits';

/** The diff's access part as the first version computed it: every action of every edge, in one index. */
function naiveAccessDiff(before: AccessGraph, after: AccessGraph): AccessChange[] {
  const index = (
    graph: AccessGraph,
  ): Map<
    string,
    { principal: string; resource: string; access: ReturnType<typeof expandActions>[number] }
  > => {
    const out = new Map<
      string,
      { principal: string; resource: string; access: ReturnType<typeof expandActions>[number] }
    >();
    for (const edge of graph.edges)
      if (edge.kind === 'effective-access')
        for (const access of expandActions(edge, graph.actionLevels))
          out.set([edge.source, edge.target, access.action, access.resource ?? ''].join('\u0000'), {
            principal: edge.source,
            resource: edge.target,
            access,
          });
    return out;
  };
  const a = index(before);
  const b = index(after);
  const same = (
    x: { decision: string; via?: readonly string[] | undefined },
    y: { decision: string; via?: readonly string[] | undefined },
  ): boolean => x.decision === y.decision && (x.via ?? []).join('>') === (y.via ?? []).join('>');
  const out: AccessChange[] = [];
  for (const [key, old] of a) {
    const now = b.get(key);
    if (now === undefined)
      out.push({
        change: 'removed',
        principal: old.principal,
        resource: old.resource,
        action: old.access.action,
        before: old.access,
        after: undefined,
      });
    else if (!same(old.access, now.access))
      out.push({
        change: 'changed',
        principal: old.principal,
        resource: old.resource,
        action: old.access.action,
        before: old.access,
        after: now.access,
      });
  }
  for (const [key, now] of b)
    if (!a.has(key))
      out.push({
        change: 'added',
        principal: now.principal,
        resource: now.resource,
        action: now.access.action,
        before: undefined,
        after: now.access,
      });
  return out;
}

function order(changes: readonly AccessChange[]): string[] {
  return changes.map((c) => JSON.stringify(c)).sort();
}

describe('access diff', () => {
  it('equals the every-action oracle, whether or not the two graphs share edge objects', async () => {
    let shared = false;
    let changed = false;
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, fc.constantFrom(...EDITS), fc.nat(5), async (value, kind, at) => {
        // An incremental analysis keeps the unchanged edges as the same objects, as the app's graphs do.
        const { previous, incremental: next } = await analysedEdit(value, kind, at);
        const incremental = next.graph;
        const diff = diffAccess(previous.graph, incremental);
        expect(order(diff.access)).toStrictEqual(order(naiveAccessDiff(previous.graph, incremental)));
        expect(diffAccess(structuredClone(previous.graph), structuredClone(incremental))).toStrictEqual(diff);
        expect(diffAccess(incremental, structuredClone(incremental)).access).toStrictEqual([]);
        if (incremental.edges.some((e) => previous.graph.edges.includes(e))) shared = true;
        if (diff.access.length > 0) changed = true;
      }),
      { numRuns: 60 },
    );
    expect([shared, changed]).toStrictEqual([true, true]);
  });
  it('finds a change inside an edge that is a new object with the same shape', async () => {
    const MUTATIONS = ['decision', 'action', 'via', 'resource'] as const;
    let mutated = 0;
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario,
        fc.constantFrom(...MUTATIONS),
        fc.nat(1000),
        fc.nat(1000),
        async (value, mutation, at, grantAt) => {
          const scenario = scenarioOf(value);
          const graph = runAnalysis(scenario, await envFor(scenario, MINI_ENGINE)).graph;
          const after = structuredClone(graph);
          const edges = after.edges.filter((e) => e.kind === 'effective-access');
          const edge = edges[at % Math.max(1, edges.length)];
          if (edge === undefined) return;
          const grants = edge.grants as AccessGrant[];
          const i = grantAt % grants.length;
          const grant = grants[i] as AccessGrant;
          // One field of one grant, the rest of the edge as it was (a new object, equal in every other way).
          grants[i] =
            mutation === 'decision'
              ? { ...grant, decision: grant.decision === 'allowed' ? 'conditional' : 'allowed' }
              : mutation === 'action'
                ? {
                    ...grant,
                    actions:
                      grant.actions.length > 1
                        ? grant.actions.slice(1)
                        : [`${grant.actions[0] ?? 's3:X'}Other`],
                  }
                : mutation === 'via'
                  ? { ...grant, via: [...(grant.via ?? []), 'arn:aws:iam::999999999999:role/extra'] }
                  : { ...grant, resource: `${grant.resource ?? edge.target}/other` };
          mutated += 1;
          const diff = diffAccess(graph, after);
          expect(order(diff.access)).toStrictEqual(order(naiveAccessDiff(graph, after)));
          expect(diff.access.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 80 },
    );
    expect(mutated).toBeGreaterThan(20);
  });
});
