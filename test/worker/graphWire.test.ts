import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisOrg, editedOrg } from '../../scripts/bench/analysisOrg';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { omitAccess, withNeighbourhood } from '../../src/analysis/omittedAccess';
import type { PrincipalReach } from '../../src/analysis/reachTypes';
import {
  PRINCIPAL_NODE_KINDS,
  type AccessGraph,
  type Neighbourhood,
  type OmittedAccess,
} from '../../src/analysis/types';
import { computeHighlight } from '../../src/graph/highlight';
import type { GraphFilters } from '../../src/graph/view';

type AccessFilters = Pick<GraphFilters, 'accessLevels' | 'action'>;
import { partPending, reachCounts, reacherCount, reachedCount } from '../../src/state/graphLookup';
import { effectiveAccessOf, reachersOf } from '../../src/state/selectors';
import { createDispatcherState, handleRequest, type DispatcherState } from '../../src/worker/dispatch';
import { createEngineClient, fromWebWorker } from '../../src/worker/EngineClient';
import {
  applyList,
  createGraphDecoder,
  createGraphEncoder,
  diffList,
  GraphWireError,
} from '../../src/worker/graphWire';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../../src/worker/protocol';

interface Item {
  readonly id: number;
}

describe('diffList and applyList', () => {
  it('rebuild the next list from the previous one, keeping the shared entries themselves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { maxLength: 40 }),
        fc.array(
          fc.oneof(
            fc.nat(60).map((n) => ({ old: n })),
            fc.nat(5).map((n) => ({ fresh: n })),
          ),
          { maxLength: 60 },
        ),
        (ids, picks) => {
          const old: Item[] = ids.map((id) => ({ id }));
          const next: Item[] = picks.map((p) =>
            'old' in p && old.length > 0
              ? (old[p.old % old.length] as Item)
              : { id: 100 + ('fresh' in p ? p.fresh : 0) },
          );
          const patch = diffList(old, next);
          const rebuilt = applyList(old, patch);
          expect(rebuilt).toStrictEqual(next);
          rebuilt?.forEach((item, i) => expect(item === next[i]).toBe(true));
          // Only entries the previous list does not hold travel.
          expect(patch.items.every((item) => !old.includes(item))).toBe(true);
          // Through a structured clone the fresh entries arrive as copies and the rest stay the page's own.
          const cloned = applyList(old, structuredClone(patch));
          expect(cloned).toStrictEqual(next);
          cloned?.forEach((item, i) => expect(item === next[i]).toBe(old.includes(next[i] as Item)));
        },
      ),
    );
  });

  it('by key, keep every shared entry of lists sorted by that key, and rebuild any list exactly', () => {
    const key = (item: Item): string => String(item.id).padStart(3, '0');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200), { maxLength: 40 }),
        fc.array(fc.constantFrom('keep', 'drop', 'replace'), { maxLength: 40 }),
        fc.uniqueArray(fc.nat(200), { maxLength: 10 }),
        fc.array(fc.nat(60), { maxLength: 30 }),
        (ids, fates, inserted, shuffled) => {
          const old: Item[] = [...ids].sort((a, b) => a - b).map((id) => ({ id }));
          const next: Item[] = [];
          old.forEach((item, i) => {
            const fate = fates[i] ?? 'keep';
            if (fate === 'keep') next.push(item);
            if (fate === 'replace') next.push({ id: item.id });
          });
          for (const id of inserted) if (!ids.includes(id)) next.push({ id });
          next.sort((a, b) => a.id - b.id);
          const patch = diffList(old, next, key);
          const rebuilt = applyList(old, patch);
          rebuilt?.forEach((item, i) => expect(item === next[i]).toBe(true));
          expect(rebuilt?.length).toBe(next.length);
          // Sorted: exactly the entries the previous list does not hold travel.
          expect(patch.items).toStrictEqual(next.filter((item) => !old.includes(item)));
          expect(patch.items.every((item) => !old.includes(item))).toBe(true);
          // Out of order, the patch is still exact (entries kept out of place are sent again).
          const unsorted = shuffled.map((n) =>
            n < 40 && old.length > 0 ? (old[n % old.length] as Item) : { id: n },
          );
          const again = applyList(old, diffList(old, unsorted, key));
          expect(again?.length).toBe(unsorted.length);
          again?.forEach((item, i) => expect(item === unsorted[i]).toBe(true));
        },
      ),
    );
  });

  it('refuse a patch that does not fit the list', () => {
    expect(applyList([1, 2], { runs: [1, 2, 0], items: [] })).toBeUndefined();
    expect(applyList([1, 2], { runs: [0, 1, 2], items: [3] })).toBeUndefined();
    expect(applyList([1, 2], { runs: [0, 1], items: [] })).toBeUndefined();
  });
});

/** Analyses `texts` in a dispatcher; returns the graph of each and the message posted for it. */
async function postedGraphs(
  texts: readonly string[],
  accessLimit?: number,
): Promise<{ graph: AccessGraph; message: unknown; state: DispatcherState }[]> {
  const state = createDispatcherState({
    engine: DEFAULT_ENGINE,
    catalog: () => Promise.resolve(undefined),
    managedPolicies: undefined,
    yieldControl: () => Promise.resolve(),
    now: () => 0,
  });
  const encode = createGraphEncoder(accessLimit);
  const out: { graph: AccessGraph; message: unknown; state: DispatcherState }[] = [];
  let id = 0;
  for (const text of texts) {
    await handleRequest(
      state,
      { v: PROTOCOL_VERSION, id: ++id, type: 'analyze', text },
      (response: WorkerResponse) => {
        if (response.type !== 'result') return;
        const graph = (response.result as { graph?: AccessGraph }).graph;
        if (graph !== undefined) out.push({ graph, message: structuredClone(encode(response)), state });
      },
    );
  }
  return out;
}

describe('the graph wire', () => {
  it('posts an edit of the S org as a patch smaller than the graph, which the page turns back into the same graph', async () => {
    const value = analysisOrg('S');
    const a = JSON.stringify(value, null, 2);
    const b = JSON.stringify(editedOrg(value), null, 2);
    const posted = await postedGraphs([a, b, a, a]);
    expect(posted).toHaveLength(4);
    const decode = createGraphDecoder();
    let previous: AccessGraph | undefined;
    for (const [i, { graph, message }] of posted.entries()) {
      const result = (message as { result: Record<string, unknown> }).result;
      if (i > 0) {
        expect(result.graph).toBeUndefined();
        // The S edit (measured): 504 of 3,733 edges travel; the patch is 29% of the graph's JSON.
        expect(JSON.stringify(result.graphPatch).length * 2).toBeLessThan(JSON.stringify(graph).length);
      }
      const decoded = (decode(message) as { result: { graph: AccessGraph } }).result;
      expect(decoded).not.toHaveProperty('graphPatch');
      expect(decoded).not.toHaveProperty('graphNumber');
      expect(decoded.graph).toStrictEqual(graph);
      // Every edge that did not travel is the page's previous object, not a copy.
      if (previous !== undefined) {
        const held = new Set(previous.edges);
        const travelled = (result.graphPatch as { edges: { items: readonly unknown[] } }).edges.items.length;
        expect(decoded.graph.edges.filter((e) => held.has(e)).length).toBe(
          decoded.graph.edges.length - travelled,
        );
      }
      previous = decoded.graph;
    }
  });

  it('turns a patch of a graph the page does not hold into an error that respawns the worker', async () => {
    const value = analysisOrg('S');
    const posted = await postedGraphs([JSON.stringify(value), JSON.stringify(editedOrg(value))]);
    expect(() => createGraphDecoder()(posted[1]?.message)).toThrow(GraphWireError);

    // Through the client: the first message is lost, so the patch has nothing to apply to.
    const workers: {
      onmessage: ((event: { data: unknown }) => void) | null;
      onerror: unknown;
      onmessageerror: unknown;
      sent: WorkerRequest[];
      terminated: boolean;
    }[] = [];
    const client = createEngineClient({
      spawn: () => {
        const worker = {
          onmessage: null,
          onerror: null,
          onmessageerror: null,
          sent: [] as WorkerRequest[],
          terminated: false,
          postMessage: (m: WorkerRequest) => void worker.sent.push(m),
          terminate: () => void (worker.terminated = true),
        };
        workers.push(worker);
        return fromWebWorker(worker as unknown as Worker);
      },
    });
    const answer = client.analyze('{}');
    const request = workers[0]?.sent[0];
    const patched = posted[1]?.message as { id: number };
    workers[0]?.onmessage?.({ data: { ...patched, id: request?.id } });
    await expect(answer).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(workers[0]?.terminated).toBe(true);
    client.dispose();
  });
});

/** Asks the dispatcher for the neighbourhood of `node`, as the page does (through a structured clone). */
async function askNeighbourhood(state: DispatcherState, node: string): Promise<Neighbourhood> {
  let answer: Neighbourhood | undefined;
  await handleRequest(state, { v: PROTOCOL_VERSION, id: 1000, type: 'neighbourhood', node }, (response) => {
    if (response.type === 'result') answer = structuredClone(response.result as Neighbourhood);
  });
  if (answer === undefined) throw new Error(`no neighbourhood for ${node}`);
  return answer;
}

function litOf(graph: AccessGraph, id: string, filters?: AccessFilters) {
  const lit = computeHighlight(graph, id, filters);
  return {
    mode: lit.mode,
    nodes: [...lit.nodes].sort(),
    edges: [...lit.edges].sort(),
    conditional: [...lit.conditional].sort(),
  };
}

describe('a graph too large to copy', () => {
  it("crosses without its effective access, and each node's neighbourhood lights up and lists what the whole graph does", async () => {
    const value = analysisOrg('S');
    const a = JSON.stringify(value, null, 2);
    const b = JSON.stringify(editedOrg(value), null, 2);
    // An edit that changes counts: app-1 may do anything anywhere.
    const wide = structuredClone(value) as {
      roles: { arn: string; policies: { document: { Statement: unknown[] } }[] }[];
    };
    wide.roles
      .find((r) => r.arn.endsWith(':role/app/app-1'))
      ?.policies[0]?.document.Statement.push({ Effect: 'Allow', Action: '*', Resource: '*' });
    const c = JSON.stringify(wide, null, 2);
    const posted = await postedGraphs([a, b, b, a, c], 0);
    expect(posted[4]?.graph.reachability).not.toStrictEqual(posted[3]?.graph.reachability);
    // Counts that did not change are not sent again.
    const third = (posted[2]?.message as { result: { graphPatch?: { omitted: unknown } } }).result;
    expect(third.graphPatch?.omitted).toBe('same');
    const decode = createGraphDecoder();
    const sent = posted.map(({ graph: full, message }) => {
      const graph = (decode(message) as { result: { graph: AccessGraph } }).result.graph;
      const access = full.edges.filter((e) => e.kind === 'effective-access');
      expect(access.length).toBeGreaterThan(1000);
      expect(graph.edges).toStrictEqual(full.edges.filter((e) => e.kind !== 'effective-access'));
      expect(graph.reachability).toStrictEqual({ byPrincipal: [], byResource: [] });
      expect(graph.omitted?.edges).toBe(access.length);
      // Counts kept from the previous message are this graph's counts.
      expect(graph.omitted?.resourcesByPrincipal).toStrictEqual(
        Object.fromEntries(full.reachability.byPrincipal.map((e) => [e.principal, e.resources.length])),
      );
      expect(graph.omitted?.principalsByResource).toStrictEqual(
        Object.fromEntries(full.reachability.byResource.map((e) => [e.resource, e.principals.length])),
      );
      expect(graph.nodes).toStrictEqual(full.nodes);
      expect(graph.findings).toStrictEqual(full.findings);
      expect(reachCounts(graph).sort()).toStrictEqual(reachCounts(full).sort());
      return graph;
    });
    // Counts are sent again when one changed, even with as many edges as before.
    const base = (posted[0] as { graph: AccessGraph }).graph;
    const before = omitAccess(base).omitted as OmittedAccess;
    expect(omitAccess(base, { graph: base, omitted: before }).omitted).toBe(before);
    const entry = base.reachability.byPrincipal.find((e) => e.resources.length > 1) as PrincipalReach;
    const byPrincipal = base.reachability.byPrincipal.map((e) =>
      e === entry ? { ...e, resources: e.resources.slice(1) } : e,
    );
    const changed = { ...base, reachability: { ...base.reachability, byPrincipal } };
    const after = omitAccess(changed, { graph: base, omitted: before }).omitted;
    expect(after).not.toBe(before);
    expect(after?.resourcesByPrincipal[entry.principal]).toBe(entry.resources.length - 1);
    // The worker answers neighbourhoods from its latest analysis: that of the last text, and of the first
    // text again in a worker that analysed only it.
    const [first] = await postedGraphs([a], 0);
    const last = posted.at(-1);
    if (first === undefined || last === undefined) throw new Error('invariant: both were posted');
    const decodedFirst = (createGraphDecoder()(first.message) as { result: { graph: AccessGraph } }).result;
    const cases = [
      { full: last.graph, sent: sent.at(-1) as AccessGraph, state: last.state },
      { full: first.graph, sent: decodedFirst.graph, state: first.state },
    ];
    for (const { full, sent: sentGraph, state } of cases) {
      const principals = full.nodes.filter((n) =>
        (PRINCIPAL_NODE_KINDS as readonly string[]).includes(n.kind),
      );
      const resources = full.nodes.filter((n) => n.kind === 'resource');
      expect(principals.length).toBeGreaterThan(50);
      for (const node of [...principals, ...resources]) {
        // Until its part arrives, a node that reaches or is reached is pending (not "reaches nothing").
        const reaches = reachedCount(full, node.id) > 0 || reacherCount(full, node.id) > 0;
        expect(partPending(sentGraph, node.id), node.id).toBe(reaches);
        expect(partPending(full, node.id)).toBe(false);
        const shown = withNeighbourhood(sentGraph, await askNeighbourhood(state, node.id));
        expect(partPending(shown, node.id), node.id).toBe(false);
        expect(litOf(shown, node.id), node.id).toStrictEqual(litOf(full, node.id));
        expect(reachedCount(shown, node.id)).toBe(reachedCount(full, node.id));
        expect(reacherCount(shown, node.id)).toBe(reacherCount(full, node.id));
        expect(effectiveAccessOf(shown, node.id)).toStrictEqual(effectiveAccessOf(full, node.id));
        expect(reachersOf(shown, node.id)).toStrictEqual(reachersOf(full, node.id));
      }
      // Narrowed by access level, the lit part still agrees (the grants travel with the edges).
      for (const node of principals.slice(0, 40)) {
        const shown = withNeighbourhood(sentGraph, await askNeighbourhood(state, node.id));
        const filters: AccessFilters = { accessLevels: ['Write'] };
        expect(litOf(shown, node.id, filters)).toStrictEqual(litOf(full, node.id, filters));
      }
    }
  });

  it('crosses whole at or under the limit', async () => {
    const value = analysisOrg('S');
    const [posted] = await postedGraphs([JSON.stringify(value)]);
    const sent = (createGraphDecoder()(posted?.message) as { result: { graph: AccessGraph } }).result.graph;
    expect(sent.omitted).toBeUndefined();
    expect(sent).toStrictEqual(posted?.graph);
  });
});
