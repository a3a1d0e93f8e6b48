import { describe, expect, it } from 'vitest';
import type { AccessGraph } from '../../src/analysis/types';
import { LARGE_GRAPH_EDGES, LARGE_GRAPH_NODES, isLargeGraph } from '../../src/graph/edgeBudget';
import { GraphBuilder } from '../../src/graph/fixtures/GraphBuilder';
import { sampleGraph } from '../../src/graph/fixtures/sampleGraph';
import { syntheticGraph } from '../../src/graph/fixtures/syntheticGraph';
import { computeHighlight } from '../../src/graph/highlight';
import { toElements } from '../../src/graph/toElements';
import type { GraphElements } from '../../src/graph/toElements';

const large = syntheticGraph(5000);

function kinds(elements: GraphElements): Record<string, number> {
  const out: Record<string, number> = {};
  for (const edge of elements.edges) out[edge.data.kind] = (out[edge.data.kind] ?? 0) + 1;
  return out;
}

function edgeIds(graph: AccessGraph, kind: string): string[] {
  return graph.edges.filter((edge) => edge.kind === kind).map((edge) => edge.id);
}

/** Fewer than LARGE_GRAPH_NODES nodes, more than LARGE_GRAPH_EDGES trust edges. */
function denseTrust(): AccessGraph {
  const account = '111111111111';
  const g = new GraphBuilder().organization('r-1', 'o-1').account(account, 'Dense', 'r-1');
  const roles = Array.from({ length: 50 }, (_, i) => `arn:aws:iam::${account}:role/r${i}`);
  for (const role of roles) g.principal('role', role);
  for (const [i, from] of roles.entries()) for (const [j, to] of roles.entries()) if (i !== j && (i + j) % 2 === 0) g.assume(from, to);
  return g.build();
}

describe('edge budget', () => {
  it('is large above either threshold, not at them', () => {
    expect([
      isLargeGraph(LARGE_GRAPH_NODES, LARGE_GRAPH_EDGES),
      isLargeGraph(LARGE_GRAPH_NODES + 1, 0),
      isLargeGraph(0, LARGE_GRAPH_EDGES + 1),
    ]).toStrictEqual([false, true, true]);
  });

  it('draws no trust or access edge of a large graph at rest, and counts what it leaves out', () => {
    const elements = toElements(large);
    expect(elements.nodes.length).toBeGreaterThan(LARGE_GRAPH_NODES);
    expect(kinds(elements)).toStrictEqual({});
    const trust = edgeIds(large, 'can-assume').length;
    expect(elements.hidden).toStrictEqual({ total: trust, byKind: { 'can-assume': trust, grants: 0 } });
  });

  it('draws exactly the selected principal’s paths and access on a large graph', () => {
    const user = large.nodes.find((node) => node.kind === 'user' && large.reachability.byPrincipal.some((reach) => reach.principal === node.id && reach.resources.length > 0 && reach.roles.length > 0));
    expect(user).toBeDefined();
    const highlight = computeHighlight(large, user?.id);
    const elements = toElements(large, { highlight });
    const drawn = elements.edges.map((edge) => edge.data.id).sort();
    expect(drawn).toStrictEqual([...highlight.edges].sort());
    expect(kinds(elements)['effective-access']).toBeGreaterThan(0);
    expect(elements.edges.every((edge) => edge.classes.split(' ').includes('lit'))).toBe(true);
    const litTrust = elements.edges.filter((edge) => edge.data.kind === 'can-assume').length;
    expect(elements.hidden?.total).toBe(edgeIds(large, 'can-assume').length - litTrust);
  });

  it('counts the resting edges too: a small but dense graph is large', () => {
    const dense = denseTrust();
    expect(edgeIds(dense, 'can-assume').length).toBeGreaterThan(LARGE_GRAPH_EDGES);
    const elements = toElements(dense);
    expect([elements.edges.length, elements.hidden?.byKind['can-assume']]).toStrictEqual([0, edgeIds(dense, 'can-assume').length]);
  });

  it('draws a filtered-down large graph whole again', () => {
    const accounts = large.nodes.filter((node) => node.kind === 'account').slice(0, 100).map((node) => node.id);
    const elements = toElements(large, { filters: { accounts } });
    expect(elements.nodes.length).toBeLessThanOrEqual(LARGE_GRAPH_NODES);
    expect(elements.hidden).toBeUndefined();
    expect(elements.edges.length).toBeGreaterThan(0);
  });

  it('leaves small graphs as they were: every trust edge at rest, nothing hidden', () => {
    const sample = sampleGraph();
    const elements = toElements(sample);
    expect('hidden' in elements).toBe(false);
    expect(elements.edges.filter((edge) => edge.data.kind === 'can-assume').map((edge) => edge.data.id).sort()).toStrictEqual(edgeIds(sample, 'can-assume').sort());
    expect(kinds(elements)['effective-access']).toBeUndefined();
  });
});
