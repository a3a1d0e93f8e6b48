import { describe, expect, it } from 'vitest';
import type { Position } from '../../src/graph/layout';
import { routeEdges } from '../../src/graph/routeEdges';
import type { EdgeElement, GraphElements, NodeElement } from '../../src/graph/toElements';

function leaf(id: string): NodeElement {
  return { group: 'nodes', data: { id, label: id, kind: 'role', type: 'role', tip: id }, classes: 't-role leaf' };
}

function box(id: string, w: number, h: number): NodeElement {
  return { group: 'nodes', data: { id, label: id, kind: 'account', type: 'account', tip: id, minWidth: 60, w, h }, classes: 't-account box' };
}

const EDGE: EdgeElement = { group: 'edges', data: { id: 'e', source: 'a', target: 'b', kind: 'can-assume', label: '' }, classes: 'e-can-assume allowed' };

function bendOf(elements: GraphElements, positions: ReadonlyMap<string, Position>): string {
  const classes = routeEdges(elements, positions).edges[0]!.classes.split(' ');
  return classes.find((name) => name.startsWith('bend-')) ?? 'straight';
}

describe('routeEdges', () => {
  it('keeps a straight edge that crosses nothing', () => {
    const positions = new Map([['a', { x: 0, y: 0 }], ['b', { x: 400, y: 0 }]]);
    expect(bendOf({ nodes: [leaf('a'), leaf('b')], edges: [EDGE] }, positions)).toBe('straight');
  });

  it('bends around a node in the way', () => {
    const positions = new Map([['a', { x: 0, y: 0 }], ['b', { x: 400, y: 0 }], ['c', { x: 200, y: 0 }]]);
    expect(bendOf({ nodes: [leaf('a'), leaf('b'), leaf('c')], edges: [EDGE] }, positions)).not.toBe('straight');
  });

  it('bends around a box title, but runs over a title rather than under a node', () => {
    // The box's title row (top-left, about 60 px wide) sits on the straight line from a to b.
    const titled = new Map([['a', { x: 0, y: 0 }], ['b', { x: 400, y: 0 }], ['x', { x: 300, y: 90 }]]);
    const nodes = [box('x', 300, 200), leaf('a'), leaf('b')];
    expect(bendOf({ nodes, edges: [EDGE] }, titled)).not.toBe('straight');
    // Every bend now runs under a node (c below the line, d above it): the title is the lesser harm.
    const crowded = new Map([...titled, ['c', { x: 200, y: 40 }], ['d', { x: 200, y: -45 }]]);
    expect(bendOf({ nodes: [...nodes, leaf('c'), leaf('d')], edges: [EDGE] }, crowded)).toBe('straight');
  });
});
