import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ALICE, DATA, WORKLOADS, sampleGraph } from '../../src/graph/fixtures/sampleGraph';
import { domainLayout, placeBoxes } from '../../src/graph/layout';
import { currentPositions, syncElements } from '../../src/graph/sync';
import { toElements } from '../../src/graph/toElements';

function placed() {
  const elements = toElements(sampleGraph());
  return placeBoxes(elements, domainLayout(elements.nodes).positions);
}

function headless(): cytoscape.Core {
  return cytoscape({ headless: true, styleEnabled: false });
}

describe('syncElements', () => {
  it('draws boxes as plain nodes: the box is data, never a Cytoscape parent', () => {
    const cy = headless();
    const { elements, positions } = placed();
    const stats = syncElements(cy, elements, { positions });
    expect(stats).toStrictEqual({ added: elements.nodes.length + elements.edges.length, removed: 0, updated: 0, moved: 0 });
    expect(cy.nodes(':parent').length).toBe(0);
    expect(cy.getElementById(ALICE).data('box')).toBe(WORKLOADS);
    expect(cy.getElementById(WORKLOADS).grabbable()).toBe(false);
    expect(cy.getElementById(WORKLOADS).pannable()).toBe(true);
    expect(cy.getElementById(ALICE).grabbable()).toBe(true);
    expect(cy.getElementById(WORKLOADS).position()).toStrictEqual(positions.get(WORKLOADS));
    expect(syncElements(cy, elements, { positions, moveExisting: true })).toStrictEqual({ added: 0, removed: 0, updated: 0, moved: 0 });
  });

  it('groups boxes into compound parents for the engine layouts, and back', () => {
    const cy = headless();
    const { elements, positions } = placed();
    syncElements(cy, elements, { positions });
    const grouped = syncElements(cy, elements, { positions, compound: true });
    const held = elements.nodes.filter((node) => node.data.box !== undefined).length;
    expect(grouped.moved).toBe(held);
    expect(cy.getElementById(ALICE).parent().first().id()).toBe(WORKLOADS);
    expect(cy.getElementById(WORKLOADS).grabbable()).toBe(true);
    expect(cy.edges().length).toBe(elements.edges.length);
    const plain = syncElements(cy, elements, { positions });
    expect(plain.moved).toBe(held);
    expect(cy.nodes(':parent').length).toBe(0);
    expect(cy.getElementById(WORKLOADS).grabbable()).toBe(false);
    expect(cy.elements().length).toBe(elements.nodes.length + elements.edges.length);
  });

  it('regroups a node whose box changed before removing the box it left', () => {
    const cy = headless();
    const { elements, positions } = placed();
    syncElements(cy, elements, { positions, compound: true });
    // The Workloads account goes away and alice shows in the Data account instead.
    const nodes = elements.nodes.filter((node) => node.data.id !== WORKLOADS && (node.data.box !== WORKLOADS || node.data.id === ALICE)).map((node) => (node.data.id === ALICE ? { ...node, data: { ...node.data, box: DATA } } : node));
    const kept = new Set(nodes.map((node) => node.data.id));
    const edges = elements.edges.filter((edge) => kept.has(edge.data.source) && kept.has(edge.data.target));
    syncElements(cy, { nodes, edges }, { positions, compound: true });
    expect(cy.getElementById(ALICE).parent().first().id()).toBe(DATA);
    expect(cy.getElementById(WORKLOADS).empty()).toBe(true);
  });
});

describe('currentPositions', () => {
  it('lists what holds nothing (leaves, empty boxes), whether boxes are plain or compound', () => {
    const cy = headless();
    const { elements, positions } = placed();
    syncElements(cy, elements, { positions });
    const holders = new Set(elements.nodes.map((node) => node.data.box));
    const expected = elements.nodes.filter((node) => !holders.has(node.data.id)).map((node) => node.data.id).sort();
    expect([...currentPositions(cy).keys()].sort()).toStrictEqual(expected);
    syncElements(cy, elements, { positions, compound: true });
    expect([...currentPositions(cy).keys()].sort()).toStrictEqual(expected);
  });
});
