/**
 * Pictures of the graph on screen for the Export menu: PNG from the canvas at twice its resolution,
 * on the theme's background. Everything happens in the page; the file is downloaded locally.
 */
import { liveGraph } from '../graph/liveGraph';
import { TOKENS } from '../graph/tokens';

/** The whole graph as a PNG, or `undefined` when no graph is drawn. */
export async function graphPng(): Promise<Blob | undefined> {
  const live = liveGraph();
  if (live === undefined || live.cy.elements().empty()) return undefined;
  return live.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: TOKENS[live.theme()].bg });
}

/** True when this build can draw the graph as SVG (the graph layer's exporter). */
export const SVG_EXPORT_AVAILABLE = false;

/** The whole graph as SVG markup; `undefined` until the graph layer provides an SVG exporter. */
export function graphSvg(): Promise<string | undefined> {
  return Promise.resolve(undefined);
}
