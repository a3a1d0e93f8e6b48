/**
 * The graph currently on screen, for the callers that are not its React parent: the test API and
 * the export functions the top bar calls. The graph panel registers itself on mount.
 */
import type cytoscape from 'cytoscape';
import type { Theme } from './tokens';

/** Timings of the last draw, in milliseconds (for the bench and the status line). */
export interface DrawStats {
  readonly nodes: number;
  readonly edges: number;
  /** Edges not drawn because the graph is large (trust and grants outside the selection). */
  readonly hiddenEdges: number;
  /** From receiving a graph to the first frame drawn with it, for the first graph shown. */
  readonly firstDrawMs: number | undefined;
  /** `performance.now()` when that first frame was drawn (to measure from an earlier mark). */
  readonly firstFrameAt: number | undefined;
  /** The last `toElements` + sync. */
  readonly lastSyncMs: number;
  /** The last layout computation (domain layout, or the engine's run). */
  readonly lastLayoutMs: number;
  /** The layout in use. */
  readonly layout: string;
  /** Number of graphs drawn so far. */
  readonly draws: number;
}

/** What a mounted graph panel exposes. */
export interface LiveGraph {
  readonly cy: cytoscape.Core;
  readonly theme: () => Theme;
  /** Selects a node or edge id like a click does (through the panel's callbacks). */
  readonly select: (id: string | undefined) => void;
  readonly selected: () => string | undefined;
  readonly stats: () => DrawStats;
  /** True once the current graph is drawn and no layout is running. */
  readonly settled: () => boolean;
}

let current: LiveGraph | undefined;

/** Registers the graph on screen; returns the function that unregisters it. */
export function registerLiveGraph(graph: LiveGraph): () => void {
  current = graph;
  return () => {
    if (current === graph) current = undefined;
  };
}

/** The graph on screen, if any. */
export function liveGraph(): LiveGraph | undefined {
  return current;
}
