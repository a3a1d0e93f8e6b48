/**
 * Zoom, fit, lay out again, and the layout picker (bottom right of the graph).
 */
import { useState } from 'react';
import type { LayoutName } from '../../graph/engineLayouts';
import { downloadGraph } from '../../graph/exportGraph';
import { LAYOUT_NAMES } from '../../graph/engineLayouts';
import type { GraphPanelStrings } from './graphStrings';

export interface GraphControlsProps {
  readonly layout: LayoutName;
  readonly onLayout: (layout: LayoutName) => void;
  readonly onZoomIn: () => void;
  readonly onZoomOut: () => void;
  readonly onFit: () => void;
  readonly onRelayout: () => void;
  readonly strings: GraphPanelStrings;
}

function layoutLabel(name: LayoutName, strings: GraphPanelStrings): string {
  switch (name) {
    case 'domain':
      return strings.layoutDomain;
    case 'fcose':
      return strings.layoutFcose;
    case 'elk':
      return strings.layoutElk;
  }
}

const ICON = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

/** The control strip. */
export function GraphControls({ layout, onLayout, onZoomIn, onZoomOut, onFit, onRelayout, strings }: GraphControlsProps) {
  const [exportOpen, setExportOpen] = useState(false);
  const save = (format: 'png' | 'svg'): void => {
    setExportOpen(false);
    void downloadGraph(format);
  };
  return (
    <div className="ag-g-surface ag-g-controls" role="toolbar" aria-label={strings.layout} data-testid="graph-controls">
      <button type="button" className="ag-g-btn" onClick={onZoomIn} title={strings.zoomIn} aria-label={strings.zoomIn}>
        <svg {...ICON}>
          <path d="M12 5v14M5 12h14" />
        </svg>
      </button>
      <button type="button" className="ag-g-btn" onClick={onZoomOut} title={strings.zoomOut} aria-label={strings.zoomOut}>
        <svg {...ICON}>
          <path d="M5 12h14" />
        </svg>
      </button>
      <button type="button" className="ag-g-btn" onClick={onFit} title={strings.fit} aria-label={strings.fit} data-testid="graph-fit">
        <svg {...ICON}>
          <path d="M4 9V5a1 1 0 0 1 1-1h4M15 4h4a1 1 0 0 1 1 1v4M20 15v4a1 1 0 0 1-1 1h-4M9 20H5a1 1 0 0 1-1-1v-4" />
        </svg>
      </button>
      <span className="ag-g-sep" />
      <button type="button" className="ag-g-btn" onClick={onRelayout} title={strings.relayout} aria-label={strings.relayout} data-testid="graph-relayout">
        <svg {...ICON}>
          <path d="M20 11a8 8 0 0 0-14.9-3.5M4 5v3h3M4 13a8 8 0 0 0 14.9 3.5M20 19v-3h-3" />
        </svg>
      </button>
      <span className="ag-g-sep" />
      <span className="ag-g-export">
        <button type="button" className="ag-g-btn" aria-expanded={exportOpen} aria-haspopup="menu" onClick={() => setExportOpen((open) => !open)} title={strings.export} data-testid="graph-export">
          <svg {...ICON}>
            <path d="M12 4v11M7.5 10.5L12 15l4.5-4.5M5 19h14" />
          </svg>
        </button>
        {exportOpen ? (
          <span className="ag-g-surface ag-g-export-menu" role="menu">
            <button type="button" role="menuitem" className="ag-g-btn" onClick={() => save('png')} data-testid="graph-export-png">
              {strings.exportPng}
            </button>
            <button type="button" role="menuitem" className="ag-g-btn" onClick={() => save('svg')} data-testid="graph-export-svg">
              {strings.exportSvg}
            </button>
          </span>
        ) : null}
      </span>
      <select className="ag-g-select" value={layout} onChange={(event) => onLayout(event.target.value as LayoutName)} aria-label={strings.layout} data-testid="graph-layout">
        {LAYOUT_NAMES.map((name) => (
          <option key={name} value={name}>
            {layoutLabel(name, strings)}
          </option>
        ))}
      </select>
    </div>
  );
}
