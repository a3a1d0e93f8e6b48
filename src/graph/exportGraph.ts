/**
 * Export of the graph on screen as PNG or SVG, for the top bar (and the panel's own menu). The
 * whole graph is exported, not only the visible part, on the theme's background.
 */
import { liveGraph } from './liveGraph';
import { renderSvg } from './svgExport';
import { TOKENS } from './tokens';

/** Export formats. */
export const EXPORT_FORMATS = ['png', 'svg'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The graph as a PNG (twice the model resolution, capped at 8,000 px a side); `undefined` when none is shown. */
export async function exportPng(scale = 2): Promise<Blob | undefined> {
  const graph = liveGraph();
  if (graph === undefined || graph.cy.elements().empty()) return undefined;
  return graph.cy.png({ output: 'blob-promise', full: true, scale, bg: TOKENS[graph.theme()].bg, maxWidth: 8000, maxHeight: 8000 });
}

/** The graph as an SVG document; `undefined` when none is shown. */
export function exportSvg(): string | undefined {
  const graph = liveGraph();
  if (graph === undefined || graph.cy.elements().empty()) return undefined;
  return renderSvg(graph.cy, TOKENS[graph.theme()]);
}

/** Saves the graph as a file (`accessgraph.png` / `.svg`); false when there is nothing to save. */
export async function downloadGraph(format: ExportFormat, name = 'accessgraph'): Promise<boolean> {
  const blob = format === 'png' ? await exportPng() : new Blob([exportSvg() ?? ''], { type: 'image/svg+xml' });
  if (blob === undefined || blob.size === 0) return false;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}
