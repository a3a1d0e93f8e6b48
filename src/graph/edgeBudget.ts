/**
 * How many edges a resting picture can hold before it turns into a hairball. A large drawn graph
 * keeps its boxes, leaves, memberships and shares, but draws trust and grant edges only for the
 * selection (`effective-access` edges are drawn only for the selection at every size). What is left
 * out is counted, so the canvas can say so and the test API stays truthful.
 */
import type { EdgeKind } from '../analysis/types';

/** Above this many drawn nodes (boxes included) the graph is large. */
export const LARGE_GRAPH_NODES = 1500;
/** Above this many edges drawn at rest the graph is large, whatever its node count. */
export const LARGE_GRAPH_EDGES = 800;

/** Edge kinds a large graph draws only when they are part of the selection's paths. */
export const SELECTION_ONLY_WHEN_LARGE = ['can-assume', 'grants'] as const satisfies readonly EdgeKind[];
/** One of them. */
export type SelectionOnlyKind = (typeof SELECTION_ONLY_WHEN_LARGE)[number];

/** Edges left out because the graph is large, per kind and in all. */
export interface HiddenEdges {
  readonly total: number;
  readonly byKind: Readonly<Record<SelectionOnlyKind, number>>;
}

/** Nothing hidden. */
export const NO_HIDDEN_EDGES: HiddenEdges = { total: 0, byKind: { 'can-assume': 0, grants: 0 } };

/** True when a picture of `nodes` nodes and `restingEdges` edges at rest is too dense to draw whole. */
export function isLargeGraph(nodes: number, restingEdges: number): boolean {
  return nodes > LARGE_GRAPH_NODES || restingEdges > LARGE_GRAPH_EDGES;
}

/** True for the kinds a large graph draws only for the selection. */
export function isSelectionOnlyWhenLarge(kind: EdgeKind): kind is SelectionOnlyKind {
  return (SELECTION_ONLY_WHEN_LARGE as readonly EdgeKind[]).includes(kind);
}
