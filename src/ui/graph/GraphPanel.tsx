/**
 * The graph panel: organization → OUs → accounts as nested boxes, principals and resources inside,
 * trust, grants, shares and (on selection) effective access between them.
 *
 * Props (stable; the app wires them from the store with narrow selectors):
 * - `graph`: the `AccessGraph` to draw (`undefined` while there is none yet);
 * - `stale`: the graph is the last valid one while the editor holds an error (the canvas fades);
 * - `selection`: the selected node id **or edge id** (a principal lights what it reaches with its role
 *   chains, a resource lights who reaches it, an edge lights itself and its ends);
 * - `onSelect(id | undefined)`: a node was clicked (or the background: `undefined`);
 * - `onSelectEdge(edgeId)`: an edge was clicked (the inspector shows the statements that create it);
 *   without it, edge clicks go to `onSelect`;
 * - `theme`: `'light' | 'dark'`;
 * - `filters` / `onFiltersChange`: see `GraphFilters` (`src/graph/view.ts`); without
 *   `onFiltersChange` the panel keeps its own filter state, starting from `filters`;
 * - `focus`: node ids a lesson step points at: the view fits them and they glow softly;
 * - `pinned`: the scenario's `layout` positions (they win over the computed layout);
 * - `onNodeMoved(id, position)`: a node was dragged (to write it back into `layout`);
 * - `strings`: translated words (English by default);
 * - `presenter`: larger type for presenter mode.
 *
 * The panel registers itself for the test API (`src/graph/testApi.ts`) and the exports
 * (`src/graph/exportGraph.ts`); it never reaches into the store.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import type { AccessGraph } from '../../analysis/types';
import type { LayoutName } from '../../graph/engineLayouts';
import { GraphController, LARGE_GRAPH } from '../../graph/GraphController';
import type { Hover } from '../../graph/GraphController';
import { indexGraph } from '../../graph/graphIndex';
import { computeHighlight } from '../../graph/highlight';
import type { Position } from '../../graph/layout';
import { registerLiveGraph } from '../../graph/liveGraph';
import { searchNodes } from '../../graph/search';
import { toElements } from '../../graph/toElements';
import type { GraphElements } from '../../graph/toElements';
import type { Theme } from '../../graph/tokens';
import { TOKENS } from '../../graph/tokens';
import type { GraphFilters } from '../../graph/view';
import { NO_FILTERS } from '../../graph/view';
import { GraphControls } from './GraphControls';
import { activeFilterCount, GraphFiltersMenu } from './GraphFiltersMenu';
import { GraphHint } from './GraphHint';
import { GraphLegend } from './GraphLegend';
import { GraphSearch } from './GraphSearch';
import { GraphTooltip } from './GraphTooltip';
import type { GraphPanelStrings } from './graphStrings';
import { DEFAULT_PANEL_STRINGS } from './graphStrings';
import './GraphPanel.css';

export interface GraphPanelProps {
  readonly graph: AccessGraph | undefined;
  readonly stale?: boolean;
  readonly selection?: string | undefined;
  readonly onSelect: (id: string | undefined) => void;
  readonly onSelectEdge?: (edgeId: string) => void;
  readonly theme: Theme;
  readonly filters?: GraphFilters;
  readonly onFiltersChange?: (filters: GraphFilters) => void;
  readonly focus?: readonly string[];
  readonly pinned?: Readonly<Record<string, Position>>;
  readonly onNodeMoved?: (id: string, position: Position) => void;
  readonly strings?: Partial<GraphPanelStrings>;
  readonly presenter?: boolean;
  /**
   * Bumped when the selection, made outside the graph (a finding, the Explorer), should be brought into
   * view: it is framed with what it lights up, as a pick from the search is.
   */
  readonly frameRequest?: number;
}

const EMPTY_FOCUS: readonly string[] = [];

function tokenStyle(theme: Theme): CSSProperties {
  const tokens: Readonly<Record<string, string>> = { ...TOKENS[theme] };
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(tokens)) style[`--ag-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = value;
  return style;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The graph panel. */
export function GraphPanel(props: GraphPanelProps) {
  const { graph, stale = false, selection, theme, focus = EMPTY_FOCUS, pinned, presenter = false } = props;
  const strings = useMemo(() => ({ ...DEFAULT_PANEL_STRINGS, ...props.strings }), [props.strings]);
  const [ownFilters, setOwnFilters] = useState<GraphFilters>(props.filters ?? NO_FILTERS);
  const filters = props.onFiltersChange !== undefined ? (props.filters ?? NO_FILTERS) : ownFilters;
  const setFilters = props.onFiltersChange ?? setOwnFilters;
  const [layout, setLayout] = useState<LayoutName>('domain');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [query, setQuery] = useState('');
  const [legendOpen, setLegendOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [hover, setHover] = useState<Hover | undefined>(undefined);
  const [relayoutSeq, setRelayoutSeq] = useState(0);
  const [controller, setController] = useState<GraphController | undefined>(undefined);

  const containerRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const callbacks = useRef(props);
  const selectionRef = useRef(selection);
  useLayoutEffect(() => {
    callbacks.current = props;
    selectionRef.current = selection;
  });

  const large = (graph?.nodes.length ?? 0) > LARGE_GRAPH;
  const highlight = useMemo(() => computeHighlight(graph, selection, filters), [graph, selection, filters]);
  const hits = useMemo(() => searchNodes(graph, query), [graph, query]);
  const hitIds = useMemo(() => hits.map((hit) => hit.id), [hits]);
  const elements = useMemo(
    (): GraphElements => (graph === undefined ? { nodes: [], edges: [] } : toElements(graph, { filters, collapsed, highlight, focus, searchHits: hitIds, strings })),
    [graph, filters, collapsed, highlight, focus, hitIds, strings],
  );

  /** Selects like a click: nodes through `onSelect`, edges through `onSelectEdge`. */
  const select = useCallback((id: string | undefined) => {
    const current = callbacks.current;
    const isEdge = id !== undefined && current.graph !== undefined && indexGraph(current.graph).edges.has(id);
    if (isEdge && current.onSelectEdge !== undefined) current.onSelectEdge(id);
    else current.onSelect(id);
  }, []);

  // One controller per container and size class (large graphs get a faster renderer setup).
  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const created = new GraphController(container, callbacks.current.theme, large, {
      onTapNode: (id) => select(id),
      onTapEdge: (id) => select(id),
      onTapBackground: () => select(undefined),
      onDoubleTapBox: (id) =>
        setCollapsed((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      onHover: setHover,
      onNodeMoved: (id, position) => callbacks.current.onNodeMoved?.(id, position),
      onZoom: () => undefined,
    });
    setController(created);
    const unregister = registerLiveGraph({
      cy: created.cy,
      theme: () => created.currentTheme(),
      select,
      selected: () => selectionRef.current,
      stats: () => created.stats(),
      settled: () => created.settled(),
    });
    return () => {
      unregister();
      created.destroy();
      setController(undefined);
    };
  }, [large, select]);

  useEffect(() => controller?.setTheme(theme), [controller, theme]);

  // Lay out again (animated) when the user changes what is shown, not on every edit.
  const lastView = useRef<{ filters: GraphFilters; collapsed: ReadonlySet<string>; layout: LayoutName; relayoutSeq: number } | undefined>(undefined);
  useEffect(() => {
    if (controller === undefined) return;
    const previous = lastView.current;
    const structural = { filters: { ...filters, accessLevels: undefined, action: undefined, showGrants: undefined }, collapsed, layout, relayoutSeq };
    const relayout =
      previous !== undefined &&
      (JSON.stringify(previous.filters) !== JSON.stringify(structural.filters) || previous.collapsed !== collapsed || previous.layout !== layout || previous.relayoutSeq !== relayoutSeq);
    lastView.current = structural;
    controller.update(elements, { layout, relayout, pinned });
  }, [controller, elements, filters, collapsed, layout, relayoutSeq, pinned]);

  const lastFocus = useRef<readonly string[]>(EMPTY_FOCUS);
  useEffect(() => {
    if (controller === undefined || sameList(lastFocus.current, focus)) return;
    lastFocus.current = focus;
    if (focus.length > 0) controller.fit(focus);
  }, [controller, focus]);

  // A node picked from the search is framed with what it lights up once its highlight is computed; in a
  // graph sent without its access, once the node's part has arrived (until then it is centred).
  const framing = useRef<string | undefined>(undefined);
  const frameWhenLit = useCallback((): void => {
    const id = framing.current;
    if (controller === undefined || id === undefined || highlight.selected !== id) return;
    if (graph?.omitted !== undefined && highlight.nodes.size <= 1) {
      controller.center(id);
      return;
    }
    framing.current = undefined;
    controller.frame(id, [...highlight.nodes]);
  }, [controller, graph, highlight]);
  useEffect(() => frameWhenLit(), [frameWhenLit, elements]);
  const frameRequest = props.frameRequest ?? 0;
  useEffect(() => {
    if (frameRequest === 0 || selectionRef.current === undefined) return;
    framing.current = selectionRef.current;
    frameWhenLit();
    // Only a new request frames; a later highlight of the same selection is framed by the effect above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frameRequest]);

  const pick = (id: string): void => {
    if (selectionRef.current === id) {
      controller?.frame(id, [...highlight.nodes]);
      return;
    }
    framing.current = id;
    select(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLInputElement) return;
    if (event.key === 'Escape') select(undefined);
    else if (event.key === '+' || event.key === '=') controller?.zoomBy(1.25);
    else if (event.key === '-') controller?.zoomBy(0.8);
    else if (event.key === '0') controller?.fit();
    else if (event.key === '/') {
      searchRef.current?.focus();
      event.preventDefault();
    }
  };

  const filterCount = activeFilterCount(filters);
  return (
    <div
      className="ag-g"
      style={tokenStyle(theme)}
      data-theme={theme}
      data-stale={stale}
      data-presenter={presenter}
      data-testid="graph-panel"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="ag-g-canvas" ref={containerRef} role="img" aria-label={strings.graphLabel} data-testid="graph-canvas" />
      {graph === undefined || graph.nodes.length === 0 ? <div className="ag-g-empty">{strings.empty}</div> : null}
      <div className="ag-g-top">
        <GraphSearch query={query} onQuery={setQuery} hits={hits} onPick={pick} theme={theme} strings={strings} inputRef={searchRef} />
        <button type="button" className="ag-g-btn ag-g-filters-toggle" aria-expanded={filtersOpen} onClick={() => setFiltersOpen((open) => !open)} data-testid="graph-filters-toggle">
          {strings.filters}
          {filterCount > 0 ? <span className="ag-g-count">{filterCount}</span> : null}
        </button>
      </div>
      {filtersOpen ? <GraphFiltersMenu graph={graph} filters={filters} onChange={setFilters} theme={theme} strings={strings} /> : null}
      <div className="ag-g-surface ag-g-legend-toggle">
        <button type="button" className="ag-g-btn" aria-expanded={legendOpen} onClick={() => setLegendOpen((open) => !open)} data-testid="graph-legend-toggle">
          {strings.legend}
        </button>
      </div>
      {legendOpen ? <GraphLegend theme={theme} /> : null}
      <GraphHint graph={graph} highlight={highlight} hidden={elements.hidden} strings={strings} />
      <GraphControls
        layout={layout}
        onLayout={setLayout}
        onZoomIn={() => controller?.zoomBy(1.25)}
        onZoomOut={() => controller?.zoomBy(0.8)}
        onFit={() => controller?.fit()}
        onRelayout={() => setRelayoutSeq((n) => n + 1)}
        strings={strings}
      />
      {hover !== undefined && graph !== undefined ? <GraphTooltip graph={graph} hover={hover} /> : null}
    </div>
  );
}
