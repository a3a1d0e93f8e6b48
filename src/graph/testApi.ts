/**
 * The read-only test API, present in every build (STYLE.md rule 9): Playwright asserts on what the
 * canvas shows through `window.__accessGraph`. Only `select` changes anything, and it goes through
 * the same callback a click uses. The composition root calls `installGraphTestApi()` once.
 */
import type { DrawStats } from './liveGraph';
import { liveGraph } from './liveGraph';

/** One drawn node. */
export interface TestNode {
  readonly id: string;
  readonly kind: string;
  readonly type: string;
  readonly label: string;
  /** The box the node is drawn in (an account, OU, the organization or a band). */
  readonly parent: string | undefined;
  readonly classes: readonly string[];
  readonly visible: boolean;
  readonly position: { readonly x: number; readonly y: number };
}

/** One drawn edge. */
export interface TestEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  readonly decision: string | undefined;
  readonly label: string | undefined;
  readonly classes: readonly string[];
  readonly visible: boolean;
}

/** `window.__accessGraph`. */
export interface GraphTestApi {
  readonly nodes: () => TestNode[];
  readonly edges: () => TestEdge[];
  readonly select: (id: string | undefined) => void;
  readonly selected: () => string | undefined;
  /** Ids of the lit nodes (the selection included), sorted. */
  readonly highlighted: () => string[];
  /** Ids of the lit edges, sorted. */
  readonly highlightedEdges: () => string[];
  /** True once a graph is drawn and no layout or animation is running. */
  readonly ready: () => boolean;
  readonly stats: () => DrawStats | undefined;
  readonly zoom: () => number;
  /** Where a node is drawn, in pixels from the canvas's top-left corner (for clicks). */
  readonly renderedPosition: (id: string) => { readonly x: number; readonly y: number } | undefined;
  readonly theme: () => string | undefined;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function nodes(): TestNode[] {
  const cy = liveGraph()?.cy;
  if (cy === undefined) return [];
  return cy.nodes().map((node) => {
    const at = node.position();
    return {
      id: node.id(),
      kind: String(node.data('kind')),
      type: String(node.data('type')),
      label: String(node.data('label')),
      // Boxes are plain nodes in the domain layout: the box a node is drawn in is data, not a parent.
      parent: (node.data('box') as string | undefined) ?? undefined,
      classes: node.classes(),
      visible: node.visible(),
      position: { x: round(at.x), y: round(at.y) },
    };
  });
}

function edges(): TestEdge[] {
  const cy = liveGraph()?.cy;
  if (cy === undefined) return [];
  return cy.edges().map((edge) => ({
    id: edge.id(),
    source: edge.source().id(),
    target: edge.target().id(),
    kind: String(edge.data('kind')),
    decision: edge.data('decision') as string | undefined,
    label: edge.data('label') as string | undefined,
    classes: edge.classes(),
    visible: edge.visible(),
  }));
}

function lit(group: 'nodes' | 'edges'): string[] {
  const cy = liveGraph()?.cy;
  if (cy === undefined) return [];
  const eles = group === 'nodes' ? cy.nodes('.lit, .selected') : cy.edges('.lit, .selected');
  return eles.map((ele) => ele.id()).sort();
}

/** The API object (also usable without installing it). */
export function createGraphTestApi(): GraphTestApi {
  return Object.freeze({
    nodes,
    edges,
    select: (id: string | undefined) => liveGraph()?.select(id),
    selected: () => liveGraph()?.selected(),
    highlighted: () => lit('nodes'),
    highlightedEdges: () => lit('edges'),
    ready: () => liveGraph()?.settled() ?? false,
    stats: () => liveGraph()?.stats(),
    zoom: () => liveGraph()?.cy.zoom() ?? 1,
    renderedPosition: (id: string) => {
      const node = liveGraph()?.cy.getElementById(id);
      if (node === undefined || node.empty() || !node.isNode()) return undefined;
      const at = node.renderedPosition();
      return { x: round(at.x), y: round(at.y) };
    },
    theme: () => liveGraph()?.theme(),
  });
}

declare global {
  interface Window {
    __accessGraph?: GraphTestApi;
  }
}

/** Installs `window.__accessGraph` (idempotent). */
export function installGraphTestApi(target: Window = window): GraphTestApi {
  if (target.__accessGraph === undefined) {
    Object.defineProperty(target, '__accessGraph', { value: createGraphTestApi(), configurable: false, enumerable: false, writable: false });
  }
  return target.__accessGraph as GraphTestApi;
}
