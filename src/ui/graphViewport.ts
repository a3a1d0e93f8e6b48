/**
 * Viewport moves the shell asks of the graph on screen (fit). They pan and zoom only; elements and
 * styles stay the graph panel's business. Bringing a selection into view is the panel's own
 * (`GraphPanel` `frameRequest`), since it frames what the selection lights up.
 */
import { liveGraph } from '../graph/liveGraph';

/** Fits the whole graph in the panel. */
export function fitGraph(): void {
  const cy = liveGraph()?.cy;
  cy?.animate({ fit: { eles: cy.elements(), padding: 40 }, duration: 200 });
}
