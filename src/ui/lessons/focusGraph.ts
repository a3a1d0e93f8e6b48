/**
 * Brings a lesson step's nodes into view: fits the graph on them once they are drawn. Pans and zooms
 * only (the selection goes through the store like any other).
 */
import { liveGraph } from '../../graph/liveGraph';
import type { AppStore } from '../../state/createAppStore';

/** Waits at most this long for a graph to be drawn. */
const WAIT_MS = 8000;

/**
 * Runs `attempt` on each animation frame once the analysis of the current text is in, until it returns
 * true or a few seconds have passed; returns the function that stops waiting.
 */
export function whenDrawn(store: AppStore, attempt: () => boolean): () => void {
  const started = Date.now();
  let frame = 0;
  function tick() {
    const state = store.getState();
    if (state.analysis.graphRevision === state.document.revision && attempt()) return;
    if (Date.now() - started < WAIT_MS) frame = requestAnimationFrame(tick);
  }
  frame = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(frame);
}

const MAX_ZOOM = 1.6;

/** Fits the view on the drawn nodes among `ids`; `false` when the graph is not ready or none is drawn. */
export function fitOn(ids: readonly string[]): boolean {
  const graph = liveGraph();
  if (graph === undefined || !graph.settled()) return false;
  const cy = graph.cy;
  const eles = cy.collection();
  for (const id of ids) eles.merge(cy.getElementById(id));
  if (eles.empty()) return false;
  const before = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.stop();
  cy.fit(eles, 60);
  // Do not zoom in past a comfortable reading size on a step about one small node.
  if (cy.zoom() > MAX_ZOOM) {
    cy.zoom(MAX_ZOOM);
    cy.center(eles);
  }
  const target = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.viewport(before);
  cy.animate({ zoom: target.zoom, pan: target.pan, duration: 220 });
  return true;
}

/** The node a step selects: its first principal or resource (an ARN), else its first id. */
export function primaryFocus(ids: readonly string[]): string | undefined {
  return ids.find((id) => id.startsWith('arn:')) ?? ids[0];
}
