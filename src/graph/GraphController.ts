/**
 * The framework-free core of the graph view: owns one Cytoscape instance, applies element sets
 * through the diffing sync, decides when to lay out (only when the set of nodes changes, or when
 * asked) and reports taps and hovers. The React panel is a thin adapter over it.
 */
import cytoscape from 'cytoscape';
import type { LayoutName } from './engineLayouts';
import { runEngineLayout } from './engineLayouts';
import type { Position, Rect } from './layout';
import { LABEL_MAX_WIDTH, LEAF_SIZE } from './metrics';
import { domainLayout, placeBoxes } from './layout';
import type { DrawStats } from './liveGraph';
import { routeEdges } from './routeEdges';
import { buildStylesheet } from './styles';
import { animatePositions, currentPositions, syncElements } from './sync';
import type { GraphElements } from './toElements';
import type { Theme } from './tokens';

/** Above this many nodes the view trades smoothness for speed (textures while panning, no transitions). */
export const LARGE_GRAPH = 1500;

/** What the pointer is over, in container pixels. */
export interface Hover {
  readonly id: string;
  readonly group: 'nodes' | 'edges';
  readonly x: number;
  readonly y: number;
}

export interface ControllerEvents {
  readonly onTapNode: (id: string) => void;
  readonly onTapEdge: (id: string) => void;
  readonly onTapBackground: () => void;
  readonly onDoubleTapBox: (id: string) => void;
  readonly onHover: (hover: Hover | undefined) => void;
  readonly onNodeMoved: (id: string, position: Position) => void;
  readonly onZoom: (zoom: number) => void;
}

export interface UpdateOptions {
  /** Lay everything out afresh (animated), e.g. after a filter change or on request. */
  readonly relayout?: boolean;
  readonly layout: LayoutName;
  /** The scenario's `layout` positions. */
  readonly pinned?: Readonly<Record<string, Position>> | undefined;
}

const FIT_PADDING = 32;

/** Extent of the planned drawing: outermost boxes by their sizes, loose leaves with their labels. */
function planBounds(placed: ReturnType<typeof placeBoxes>): Rect | undefined {
  let out: Rect | undefined;
  for (const node of placed.elements.nodes) {
    if (node.data.box !== undefined) continue;
    const at = placed.positions.get(node.data.id);
    if (at === undefined) continue;
    const hw = (node.data.w ?? LEAF_SIZE + LABEL_MAX_WIDTH) / 2;
    const hh = (node.data.h ?? LEAF_SIZE * 2) / 2;
    const rect = { x1: at.x - hw, y1: at.y - hh, x2: at.x + hw, y2: at.y + hh };
    out = out === undefined ? rect : { x1: Math.min(out.x1, rect.x1), y1: Math.min(out.y1, rect.y1), x2: Math.max(out.x2, rect.x2), y2: Math.max(out.y2, rect.y2) };
  }
  return out;
}

function now(): number {
  return performance.now();
}

/** Owns a Cytoscape instance. */
export class GraphController {
  readonly cy: cytoscape.Core;
  readonly large: boolean;
  private theme: Theme;
  private running = false;
  private animating = false;
  private next: { elements: GraphElements; options: UpdateOptions } | undefined;
  private drawStats: DrawStats = { nodes: 0, edges: 0, hiddenEdges: 0, firstDrawMs: undefined, firstFrameAt: undefined, lastSyncMs: 0, lastLayoutMs: 0, layout: 'domain', draws: 0 };
  private firstRequested: number | undefined;
  private drawn = false;
  private lastElements: GraphElements | undefined;
  /** The layout of the last update: boxes are compound parents for fcose and elk only. */
  private layout: LayoutName = 'domain';

  constructor(container: HTMLElement, theme: Theme, large: boolean, private readonly events: ControllerEvents) {
    this.theme = theme;
    this.large = large;
    this.cy = cytoscape({
      container,
      style: buildStylesheet(theme, { transitions: !large, overview: large }),
      elements: [],
      minZoom: 0.02,
      maxZoom: 4,
      autounselectify: true,
      boxSelectionEnabled: false,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
    });
    this.listen();
  }

  private listen(): void {
    const { cy, events } = this;
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('kind') === 'band') events.onTapBackground();
      else events.onTapNode(node.id());
    });
    cy.on('tap', 'edge', (event) => events.onTapEdge((event.target as cytoscape.EdgeSingular).id()));
    cy.on('tap', (event) => {
      if (event.target === cy) events.onTapBackground();
    });
    cy.on('dbltap', 'node.box', (event) => events.onDoubleTapBox((event.target as cytoscape.NodeSingular).id()));
    cy.on('mouseover', 'node.leaf, node.box, edge', (event) => {
      const ele = event.target as cytoscape.SingularElementReturnValue;
      const at = event.renderedPosition ?? { x: 0, y: 0 };
      events.onHover({ id: ele.id(), group: ele.isNode() ? 'nodes' : 'edges', x: at.x, y: at.y });
    });
    cy.on('mouseout', 'node, edge', () => events.onHover(undefined));
    cy.on('viewport', () => {
      events.onHover(undefined);
      events.onZoom(cy.zoom());
    });
    cy.on('dragfree', 'node.leaf', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      const at = node.position();
      this.afterDrag();
      events.onNodeMoved(node.id(), { x: Math.round(at.x), y: Math.round(at.y) });
    });
  }

  /** After a leaf is dropped: its boxes grow (or shrink) to hold it, and edges bend again. */
  private afterDrag(): void {
    if (this.lastElements === undefined) return;
    this.lastElements = this.draw(placeBoxes(this.lastElements, currentPositions(this.cy)), true);
  }

  /**
   * Syncs elements whose boxes are placed (`placeBoxes`), with edges bent around nodes in the domain
   * layout. New nodes go to their place; existing ones too when `moveExisting` (else the caller
   * animates them). Returns the elements drawn.
   */
  private draw(placed: ReturnType<typeof placeBoxes>, moveExisting: boolean): GraphElements {
    const routed = this.layout === 'domain' ? routeEdges(placed.elements, placed.positions) : placed.elements;
    syncElements(this.cy, routed, { positions: placed.positions, moveExisting, compound: this.layout !== 'domain' });
    return routed;
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.cy.style(buildStylesheet(theme, { transitions: !this.large, overview: this.large }));
  }

  currentTheme(): Theme {
    return this.theme;
  }

  stats(): DrawStats {
    return this.drawStats;
  }

  /** True when the last update is drawn and nothing is moving. */
  settled(): boolean {
    return this.drawn && !this.running && !this.animating && this.next === undefined;
  }

  /** Shows `elements`; latest wins when updates arrive while one is running. */
  update(elements: GraphElements, options: UpdateOptions): void {
    this.firstRequested ??= now();
    if (this.running) {
      const queued = this.next;
      this.next = { elements, options: { ...options, relayout: options.relayout === true || queued?.options.relayout === true } };
      return;
    }
    this.running = true;
    void this.apply(elements, options).finally(() => {
      this.running = false;
      const queued = this.next;
      this.next = undefined;
      if (queued !== undefined) this.update(queued.elements, queued.options);
    });
  }

  private structureChanged(elements: GraphElements): boolean {
    const { cy } = this;
    if (cy.nodes().length !== elements.nodes.length) return true;
    for (const node of elements.nodes) {
      const ele = cy.getElementById(node.data.id);
      if (ele.empty() || ele.data('box') !== node.data.box || ele.data('label') !== node.data.label) return true;
    }
    return false;
  }

  private async apply(elements: GraphElements, options: UpdateOptions): Promise<void> {
    const { cy } = this;
    const started = now();
    const first = cy.nodes().empty();
    const relayout = options.relayout === true && !first;
    let layoutMs = 0;
    let positions: ReadonlyMap<string, Position> | undefined;
    let fresh = first;
    if (first || relayout || this.structureChanged(elements)) {
      const layoutStarted = now();
      const previous = relayout || first ? undefined : currentPositions(cy);
      const result = domainLayout(elements.nodes, { previous, pinned: options.pinned });
      layoutMs = now() - layoutStarted;
      positions = result.positions;
      fresh = fresh || (previous !== undefined && result.fresh);
    }
    const animate = relayout && !this.large && options.layout === 'domain';
    this.layout = options.layout;
    // Unchanged structure: the nodes stay where they are (dragged ones included), boxes fit them.
    const placed = placeBoxes(elements, positions ?? currentPositions(cy));
    // Animated: new nodes appear in place, existing ones glide there below (boxes with them).
    this.lastElements = this.draw(placed, !animate);
    const syncMs = now() - started - layoutMs;
    if (fresh) this.fitPlan(placed);
    if (!this.drawn) await this.firstFrame();
    if (positions !== undefined && animate) {
      await this.animated(() => animatePositions(cy, placed.positions, 220));
      this.fit();
    }
    if (options.layout !== 'domain' && (relayout || first)) {
      layoutMs = await this.animated(() => runEngineLayout(cy, options.layout as 'fcose' | 'elk', !this.large && !first));
      cy.fit(undefined, FIT_PADDING);
    }
    this.drawStats = {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      hiddenEdges: elements.hidden?.total ?? 0,
      firstDrawMs: this.drawStats.firstDrawMs,
      firstFrameAt: this.drawStats.firstFrameAt,
      lastSyncMs: Math.round(syncMs),
      lastLayoutMs: Math.round(layoutMs),
      layout: options.layout,
      draws: this.drawStats.draws + 1,
    };
  }

  /**
   * Fits the view to the planned drawing (the outermost boxes and loose leaves, from the layout's
   * own sizes). Same result as `cy.fit()`, without asking Cytoscape for the bounding box of every
   * element before the first frame: on a large organization that pass alone costs as much as the
   * frame (it computes every style, label size and edge curve, which the frame then checks again).
   */
  private fitPlan(placed: ReturnType<typeof placeBoxes>): void {
    const { cy } = this;
    const bounds = planBounds(placed);
    if (bounds === undefined || this.layout !== 'domain') {
      cy.fit(undefined, FIT_PADDING);
      return;
    }
    const w = Math.max(1, bounds.x2 - bounds.x1);
    const h = Math.max(1, bounds.y2 - bounds.y1);
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min((cy.width() - 2 * FIT_PADDING) / w, (cy.height() - 2 * FIT_PADDING) / h)));
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * (bounds.x1 + w / 2), y: cy.height() / 2 - zoom * (bounds.y1 + h / 2) } });
  }

  private async animated<T>(run: () => Promise<T>): Promise<T> {
    this.animating = true;
    try {
      return await run();
    } finally {
      this.animating = false;
    }
  }

  private firstFrame(): Promise<void> {
    return new Promise((resolve) => {
      this.cy.one('render', () => {
        this.drawn = true;
        const requested = this.firstRequested ?? now();
        const at = now();
        this.drawStats = { ...this.drawStats, firstDrawMs: Math.round(at - requested), firstFrameAt: at };
        resolve();
      });
      // A render is always scheduled after a sync; force one in case nothing changed on screen.
      this.cy.forceRender();
    });
  }

  /** Fits the view to some nodes (all when empty), animated briefly. */
  fit(ids: readonly string[] = [], animate = true): void {
    const { cy } = this;
    let eles = ids.length === 0 ? cy.elements() : cy.collection();
    for (const id of ids) eles = eles.union(cy.getElementById(id));
    if (eles.empty()) return;
    if (!animate || this.large) {
      cy.fit(eles, FIT_PADDING);
      return;
    }
    cy.stop();
    cy.animate({ fit: { eles, padding: FIT_PADDING * 2 }, duration: 220, easing: 'ease-out-cubic' });
  }

  /**
   * Brings a node and what its selection lights up into view, so that its paths are on screen: the
   * view fits them when that keeps labels readable (zoomed in at most to 1.2, out at most to 0.45);
   * when they are further apart (or more than 400 lit nodes), the node is centred as `center` does,
   * since zooming out further would show them as dots.
   */
  frame(id: string, lit: readonly string[]): void {
    const { cy } = this;
    const ele = cy.getElementById(id);
    if (ele.empty()) return;
    if (lit.length > 400) return this.center(id);
    let eles = ele;
    for (const other of lit) {
      const e = cy.getElementById(other);
      // Accounts and OUs are boxes around their members: framing one would frame all of them.
      if (e.nonempty() && !e.isParent()) eles = eles.union(e);
    }
    const box = eles.boundingBox({ includeLabels: true });
    const padding = FIT_PADDING * 2;
    const fits = Math.min((cy.width() - 2 * padding) / Math.max(box.w, 1), (cy.height() - 2 * padding) / Math.max(box.h, 1));
    if (!(fits >= 0.45)) return this.center(id);
    const zoom = Math.min(1.2, fits);
    const pan = { x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * zoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * zoom };
    cy.stop();
    cy.animate({ zoom, pan, duration: this.large ? 0 : 220, easing: 'ease-out-cubic' });
  }

  /** Centres one node, keeping the zoom unless it is too far out to see it. */
  center(id: string): void {
    const { cy } = this;
    const ele = cy.getElementById(id);
    if (ele.empty()) return;
    const zoom = Math.max(cy.zoom(), 0.9);
    cy.stop();
    cy.animate({ center: { eles: ele }, zoom, duration: this.large ? 0 : 220, easing: 'ease-out-cubic' });
  }

  zoomBy(factor: number): void {
    const { cy } = this;
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.stop();
    cy.animate({ zoom: { level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: this.large ? 0 : 160 });
  }

  destroy(): void {
    this.cy.destroy();
  }
}
