import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/graph/fixtures/GraphBuilder';
import { sampleGraph, WORKLOADS, DATA, ALICE } from '../../src/graph/fixtures/sampleGraph';
import { syntheticGraph } from '../../src/graph/fixtures/syntheticGraph';
import type { Position, Rect } from '../../src/graph/layout';
import { domainLayout, placeBoxes } from '../../src/graph/layout';
import { BOX_PADDING, BOX_TITLE_HEIGHT } from '../../src/graph/metrics';
import type { NodeElement } from '../../src/graph/toElements';
import { toElements } from '../../src/graph/toElements';
import type { AccessGraph } from '../../src/analysis/types';

function nodesOf(graph: AccessGraph): readonly NodeElement[] {
  return toElements(graph).nodes;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Every child inside its parent, no two siblings overlapping. */
function expectWellFormed(nodes: readonly NodeElement[], boxes: ReadonlyMap<string, Rect>): void {
  const byParent = new Map<string | undefined, string[]>();
  for (const node of nodes) {
    const parent = node.data.box;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node.data.id]);
    const rect = boxes.get(node.data.id);
    expect(rect, node.data.id).toBeDefined();
    if (parent !== undefined) expect(inside(rect!, boxes.get(parent)!), `${node.data.id} inside ${parent}`).toBe(true);
  }
  for (const siblings of byParent.values()) {
    for (let i = 0; i < siblings.length; i++)
      for (let j = i + 1; j < siblings.length; j++) expect(overlap(boxes.get(siblings[i]!)!, boxes.get(siblings[j]!)!), `${siblings[i]} / ${siblings[j]}`).toBe(false);
  }
}

/** The sample graph plus one more user in `account`. */
function withUser(account: string, name: string): AccessGraph {
  const base = sampleGraph();
  const extra = new GraphBuilder().principal('user', `arn:aws:iam::${account}:user/${name}`).build();
  return { ...base, nodes: [...base.nodes, ...extra.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

function moved(before: ReadonlyMap<string, Position>, after: ReadonlyMap<string, Position>): string[] {
  return [...before].filter(([id, at]) => after.get(id)?.x !== at.x || after.get(id)?.y !== at.y).map(([id]) => id);
}

describe('domainLayout', () => {
  it('is deterministic and does not depend on the order of its input', () => {
    const nodes = nodesOf(sampleGraph());
    const a = domainLayout(nodes);
    const b = domainLayout([...nodes].reverse());
    expect([...b.positions].sort()).toStrictEqual([...a.positions].sort());
    expect(domainLayout(nodes).positions).toStrictEqual(a.positions);
    expect(a.fresh).toBe(true);
  });

  it('nests every node inside its box with no two siblings overlapping', () => {
    for (const graph of [sampleGraph(), syntheticGraph(400)]) {
      const nodes = nodesOf(graph);
      expectWellFormed(nodes, domainLayout(nodes).boxes);
    }
  });

  it('places the organization first and the outside band to its right', () => {
    const { boxes } = domainLayout(nodesOf(sampleGraph()));
    expect(boxes.get('ag:band:outside')!.x1).toBeGreaterThan(boxes.get('r-a1b2')!.x2);
  });

  it('keeps every position when an edit adds a node where its box has room', () => {
    const before = domainLayout(nodesOf(sampleGraph()));
    const nodes = nodesOf(withUser(WORKLOADS, 'carol'));
    const after = domainLayout(nodes, { previous: before.positions });
    expect(after.fresh).toBe(false);
    expect(moved(before.positions, after.positions)).toStrictEqual([]);
    expect(after.positions.has(`arn:aws:iam::${WORKLOADS}:user/carol`)).toBe(true);
    expectWellFormed(nodes, after.boxes);
  });

  it('moves only whole boxes when a box must grow, and keeps the nodes of the growing box in place', () => {
    let graph = sampleGraph();
    let layout = domainLayout(nodesOf(graph));
    const first = layout.positions;
    for (let i = 0; i < 8; i++) {
      const extra = new GraphBuilder().principal('user', `arn:aws:iam::${DATA}:user/u${i}`).build();
      graph = { ...graph, nodes: [...graph.nodes, ...extra.nodes] };
      layout = domainLayout(nodesOf(graph), { previous: layout.positions });
    }
    expectWellFormed(nodesOf(graph), layout.boxes);
    const nodes = nodesOf(graph);
    const shift = new Map<string, string>();
    for (const node of nodes) {
      const was = first.get(node.data.id);
      const now = layout.positions.get(node.data.id);
      if (was === undefined || now === undefined || node.data.box === undefined) continue;
      const delta = `${now.x - was.x},${now.y - was.y}`;
      if (node.data.box === DATA) expect(delta, node.data.id).toBe('0,0');
      const known = shift.get(node.data.box);
      if (known !== undefined) expect(delta, `${node.data.id} moves with its box`).toBe(known);
      shift.set(node.data.box, delta);
    }
  });

  it('keeps the others in place when a node goes away', () => {
    const before = domainLayout(nodesOf(withUser(WORKLOADS, 'carol')));
    const after = domainLayout(nodesOf(sampleGraph()), { previous: before.positions });
    expect(moved(after.positions, before.positions)).toStrictEqual([]);
  });

  it('lays out afresh for another scenario', () => {
    const other = nodesOf(syntheticGraph(60));
    const previous = domainLayout(nodesOf(sampleGraph())).positions;
    const result = domainLayout(other, { previous });
    expect(result.fresh).toBe(true);
    expect(result.positions).toStrictEqual(domainLayout(other).positions);
  });

  it('lets scenario positions win, for leaves and for whole boxes', () => {
    const nodes = nodesOf(sampleGraph());
    const { positions, boxes } = domainLayout(nodes, { pinned: { [ALICE]: { x: -500, y: -400 }, [DATA]: { x: 3000, y: 2000 } } });
    expect(positions.get(ALICE)).toStrictEqual({ x: -500, y: -400 });
    const data = boxes.get(DATA)!;
    expect(Math.abs((data.x1 + data.x2) / 2 - 3000)).toBeLessThanOrEqual(1);
    expect(Math.abs((data.y1 + data.y2) / 2 - 2000)).toBeLessThanOrEqual(1);
  });

  it('lays out 5,000 nodes', () => {
    const nodes = nodesOf(syntheticGraph(5000));
    const { positions, boxes } = domainLayout(nodes);
    const parents = new Set(nodes.map((n) => n.data.box));
    expect(positions.size).toBe(nodes.filter((n) => !parents.has(n.data.id)).length);
    expectWellFormed(nodes, boxes);
  });
});

describe('placeBoxes', () => {
  it('sizes and centres every box on the rectangle the layout measured, with its nesting depth', () => {
    const elements = toElements(sampleGraph());
    const layout = domainLayout(elements.nodes);
    const placed = placeBoxes(elements, layout.positions);
    for (const node of placed.elements.nodes) {
      const rect = layout.boxes.get(node.data.id)!;
      const at = placed.positions.get(node.data.id)!;
      if (!node.classes.split(' ').includes('box')) {
        expect(node.data.w, node.data.id).toBeUndefined();
        expect(at, node.data.id).toStrictEqual(layout.positions.get(node.data.id));
        continue;
      }
      expect(Math.abs(at.x - (rect.x1 + rect.x2) / 2), node.data.id).toBeLessThanOrEqual(0.5);
      expect(Math.abs(at.y - (rect.y1 + rect.y2) / 2), node.data.id).toBeLessThanOrEqual(0.5);
      if (node.data.box === undefined) expect(node.data.z, node.data.id).toBe(0);
      expect(node.data.w, node.data.id).toBe(Math.round(rect.x2 - rect.x1));
      expect(node.data.h, node.data.id).toBe(Math.round(rect.y2 - rect.y1));
      const outer = placed.elements.nodes.find((n) => n.data.id === node.data.box);
      if (outer !== undefined) expect(node.data.z, node.data.id).toBe(outer.data.z! + 1);
    }
  });

  it('keeps the title row inside the box, above what it holds', () => {
    const elements = toElements(sampleGraph());
    const layout = domainLayout(elements.nodes);
    const placed = placeBoxes(elements, layout.positions);
    const data = placed.elements.nodes.find((n) => n.data.id === DATA)!;
    const top = placed.positions.get(DATA)!.y - data.data.h! / 2;
    const kids = placed.elements.nodes.filter((n) => n.data.box === DATA).map((n) => layout.boxes.get(n.data.id)!);
    expect(Math.min(...kids.map((r) => r.y1)) - top).toBe(BOX_TITLE_HEIGHT + BOX_PADDING);
  });

  it('grows the boxes around a leaf moved out of them, and leaves the elements alone when nothing moved', () => {
    const elements = toElements(sampleGraph());
    const layout = domainLayout(elements.nodes);
    const placed = placeBoxes(elements, layout.positions);
    expect(placeBoxes(placed.elements, layout.positions).elements.nodes).toStrictEqual(placed.elements.nodes);
    const alice = layout.positions.get(ALICE)!;
    const moved = new Map(layout.positions).set(ALICE, { x: alice.x + 2000, y: alice.y });
    const after = placeBoxes(placed.elements, moved);
    const width = (id: string, result: typeof placed): number => result.elements.nodes.find((n) => n.data.id === id)!.data.w!;
    expect(width(WORKLOADS, after)).toBeGreaterThan(width(WORKLOADS, placed) + 1500);
    expect(width('r-a1b2', after)).toBeGreaterThan(width('r-a1b2', placed));
    expect(width(DATA, after)).toBe(width(DATA, placed));
  });
});
