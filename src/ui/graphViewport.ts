/**
 * Viewport moves the shell asks of the graph on screen (fit, bring a node into view). They pan and
 * zoom only; elements and styles stay the graph panel's business.
 */
import { liveGraph } from '../graph/liveGraph';

/** Fits the whole graph in the panel. */
export function fitGraph(): void {
  const cy = liveGraph()?.cy;
  cy?.animate({ fit: { eles: cy.elements(), padding: 40 }, duration: 200 });
}

/** Pans the view so the node or edge `id` is in the centre, keeping the zoom. */
export function centerGraphOn(id: string): void {
  const cy = liveGraph()?.cy;
  const element = cy?.getElementById(id);
  if (cy !== undefined && element !== undefined && element.nonempty())
    cy.animate({ center: { eles: element }, duration: 200 });
}
