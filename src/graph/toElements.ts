/**
 * AccessGraph + view → Cytoscape element definitions (pure, STYLE.md rule 9). Ids are the graph's
 * own ids (ARNs, account ids, `ou-…`, `r-…`, edge ids), so the sync step can diff by id; every
 * visual difference is a class from `GRAPH_CLASSES`. Filters and collapsed boxes leave elements
 * out; the highlight adds `lit` / `dim` / `selected` classes and the lit `effective-access` edges. A
 * large graph draws trust and grant edges only for the selection (`edgeBudget.ts`).
 */
import type { AccessGraph, EdgeDecision, EdgeKind, GraphEdge, GraphNode, NodeKind } from '../analysis/types';
import type { GraphIndex } from './graphIndex';
import { indexGraph } from './graphIndex';
import type { ActionLevels, Highlight } from './highlight';
import { NO_HIGHLIGHT, levelsPassing } from './highlight';
import { edgeLabel } from './edgeLabels';
import type { GraphClass, NodeType } from './vocabulary';
import { GRAPH_CLASSES, isBoxType, nodeTypeOf, typeClass } from './vocabulary';
import type { GraphFilters, GraphStrings } from './view';
import { DEFAULT_STRINGS, NO_FILTERS } from './view';
import { BOX_TITLE_FONT, boxTitleWidth } from './metrics';
import type { HiddenEdges } from './edgeBudget';
import { NO_HIDDEN_EDGES, isLargeGraph, isSelectionOnlyWhenLarge } from './edgeBudget';

/** Ids of the synthetic bands that hold what sits outside every account. */
export const OUTSIDE_BAND = 'ag:band:outside';
export const SERVICES_BAND = 'ag:band:services';

/** Data of a node element. */
export interface NodeData {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind | 'band';
  readonly type: NodeType;
  /**
   * The box the node is drawn in (a band for what has no account). Boxes are drawn as plain nodes
   * sized by the layout, not as Cytoscape compound parents: compound bookkeeping makes the first draw
   * of a large organization take tens of seconds.
   */
  readonly box?: string;
  /** For boxes, set by `placeBoxes`: the box's size (the stylesheet maps `width`/`height` to them). */
  readonly w?: number;
  readonly h?: number;
  /** For boxes, set by `placeBoxes`: the nesting depth (0 outermost), which orders their drawing. */
  readonly z?: number;
  /** Tooltip text: the full ARN or id. */
  readonly tip: string;
  /** For boxes: the title's width, so a box is never narrower than its title. */
  readonly minWidth?: number;
}

/** Data of an edge element. */
export interface EdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
  readonly decision?: EdgeDecision;
  /** Drawn on the edge; empty for none. */
  readonly label: string;
  /** For an aggregate edge (an end inside a collapsed box): how many edges it stands for. */
  readonly count?: number;
}

export interface NodeElement {
  readonly group: 'nodes';
  readonly data: NodeData;
  /** Space-separated, in `GRAPH_CLASSES` order. */
  readonly classes: string;
}

export interface EdgeElement {
  readonly group: 'edges';
  readonly data: EdgeData;
  readonly classes: string;
}

/** The elements to draw: nodes outer boxes first, then edges. */
export interface GraphElements {
  readonly nodes: readonly NodeElement[];
  readonly edges: readonly EdgeElement[];
  /** Edges left out because the graph is large (absent when none is). */
  readonly hidden?: HiddenEdges;
}

/** The view toElements reads. */
export interface ElementView {
  readonly filters?: GraphFilters;
  /** Box ids drawn collapsed (their contents hidden, their edges drawn to the box). */
  readonly collapsed?: ReadonlySet<string>;
  readonly highlight?: Highlight;
  /** Node ids a lesson step points at. */
  readonly focus?: readonly string[];
  /** Node ids matching the search box. */
  readonly searchHits?: readonly string[];
  readonly strings?: GraphStrings;
}

const CLASS_ORDER = new Map<string, number>(GRAPH_CLASSES.map((name, i) => [name, i]));

function classString(classes: Iterable<GraphClass>): string {
  return [...new Set(classes)].sort((a, b) => (CLASS_ORDER.get(a) ?? 0) - (CLASS_ORDER.get(b) ?? 0)).join(' ');
}

/** The box a node is drawn in. */
function drawnParent(node: GraphNode, index: GraphIndex, hasOrganization: boolean): string | undefined {
  if (node.parent !== undefined && index.nodes.has(node.parent)) return node.parent;
  const external = node.flags.includes('external');
  switch (node.kind) {
    case 'organization':
      return undefined;
    case 'ou':
    case 'account':
      return external || (hasOrganization && node.kind === 'account') ? OUTSIDE_BAND : undefined;
    case 'anonymous':
      return OUTSIDE_BAND;
    case 'service':
    case 'idp':
      return SERVICES_BAND;
    default:
      return external ? OUTSIDE_BAND : SERVICES_BAND;
  }
}

function nodeLabel(node: GraphNode, strings: GraphStrings): string {
  switch (node.kind) {
    case 'account':
      return node.label !== '' && node.label !== node.id ? `${node.label} · ${node.id}` : node.id;
    case 'organization':
      return node.label !== '' && node.label !== node.id ? `${strings.organization} · ${node.label}` : `${strings.organization} · ${node.id}`;
    case 'anonymous':
      return strings.anonymous;
    default:
      return node.label !== '' ? node.label : node.id;
  }
}

function passesLeafFilters(node: GraphNode, type: NodeType, index: GraphIndex, filters: GraphFilters): boolean {
  if (filters.types !== undefined && filters.types.length > 0 && !(filters.types as readonly string[]).includes(type)) return false;
  if (filters.accounts !== undefined && filters.accounts.length > 0 && (node.account === undefined || !filters.accounts.includes(node.account))) {
    // Nodes without an account (services, the public) stay when they touch a kept account's node.
    if (node.account !== undefined) return false;
    const neighbours = index.neighbours.get(node.id) ?? new Set<string>();
    const accounts = filters.accounts;
    if (![...neighbours].some((id) => accounts.includes(index.nodes.get(id)?.account ?? ''))) return false;
  }
  if (filters.onlyExternal === true && !isOutsider(node) && ![...(index.neighbours.get(node.id) ?? [])].some((id) => isOutsider(index.nodes.get(id)))) {
    return false;
  }
  if (filters.onlyFindings === true && !index.findingSeverity.has(node.id)) return false;
  return true;
}

function isOutsider(node: GraphNode | undefined): boolean {
  return node !== undefined && (node.flags.includes('external') || node.kind === 'anonymous');
}

function passesBoxFilters(node: GraphNode, index: GraphIndex, filters: GraphFilters): boolean {
  if (node.kind !== 'account') return !filtering(filters);
  if (filters.accounts !== undefined && filters.accounts.length > 0 && !filters.accounts.includes(node.id)) return false;
  if (filters.onlyExternal === true && !isOutsider(node)) return false;
  if (filters.onlyFindings === true && !index.findingSeverity.has(node.id)) return false;
  return true;
}

function filtering(filters: GraphFilters): boolean {
  return (
    (filters.accounts !== undefined && filters.accounts.length > 0) ||
    (filters.types !== undefined && filters.types.length > 0) ||
    filters.onlyExternal === true ||
    filters.onlyFindings === true
  );
}

interface Placement {
  readonly parent: ReadonlyMap<string, string | undefined>;
  readonly kept: ReadonlySet<string>;
  /** Node id → the id it is drawn as (itself, or its outermost collapsed box). */
  readonly drawnAs: ReadonlyMap<string, string>;
}

function place(graph: AccessGraph, index: GraphIndex, view: ElementView): Placement {
  const filters = view.filters ?? NO_FILTERS;
  const hasOrganization = graph.nodes.some((node) => node.kind === 'organization');
  const parent = new Map<string, string | undefined>();
  for (const node of graph.nodes) parent.set(node.id, drawnParent(node, index, hasOrganization));
  const kept = new Set<string>();
  const keepWithAncestors = (id: string): void => {
    for (let at: string | undefined = id; at !== undefined && !kept.has(at); at = parent.get(at)) kept.add(at);
  };
  for (const node of graph.nodes) {
    const type = nodeTypeOf(node);
    const keep = isBoxType(type) ? passesBoxFilters(node, index, filters) : passesLeafFilters(node, type, index, filters);
    if (keep) keepWithAncestors(node.id);
  }
  const selected = view.highlight?.selected;
  if (selected !== undefined && index.nodes.has(selected)) keepWithAncestors(selected);
  const collapsed = view.collapsed ?? new Set<string>();
  const drawnAs = new Map<string, string>();
  for (const id of kept) {
    let shown = id;
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) if (collapsed.has(at)) shown = at;
    drawnAs.set(id, shown);
  }
  return { parent, kept, drawnAs };
}

function depthOf(id: string, parent: ReadonlyMap<string, string | undefined>): number {
  let depth = 0;
  for (let at = parent.get(id); at !== undefined; at = parent.get(at)) depth++;
  return depth;
}

function bandElement(id: string, title: string, hidden: number, strings: GraphStrings, classes: readonly GraphClass[]): NodeElement {
  const label = hidden > 0 ? `${title}\n${strings.hidden.replace('{n}', String(hidden))}` : title;
  return {
    group: 'nodes',
    data: { id, label, kind: 'band', type: 'band', tip: title, minWidth: boxTitleWidth(title) },
    classes: classString(['box', 't-band', ...classes, ...(hidden > 0 ? (['collapsed'] as const) : [])]),
  };
}

interface NodeStates {
  readonly lit: ReadonlySet<string>;
  readonly litBoxes: ReadonlySet<string>;
  readonly highlight: Highlight;
  readonly focus: ReadonlySet<string>;
  readonly hits: ReadonlySet<string>;
}

function stateClasses(id: string, box: boolean, states: NodeStates): GraphClass[] {
  const out: GraphClass[] = [];
  const { highlight } = states;
  if (highlight.selected === id) out.push('selected');
  if (highlight.dims) {
    if (states.lit.has(id)) out.push('lit');
    else if (!(box && states.litBoxes.has(id))) out.push('dim');
    if (highlight.conditional.has(id) && highlight.selected !== id) out.push('lit-conditional');
  }
  if (states.focus.has(id)) out.push('focus');
  if (states.hits.has(id)) out.push('search-hit');
  return out;
}

function nodeElement(node: GraphNode, placement: Placement, index: GraphIndex, view: ElementView, states: NodeStates, hidden: number): NodeElement {
  const strings = view.strings ?? DEFAULT_STRINGS;
  const type = nodeTypeOf(node);
  const box = isBoxType(type);
  const collapsed = box && hidden > 0;
  const classes: GraphClass[] = [box ? 'box' : 'leaf', typeClass(type), ...stateClasses(node.id, box, states)];
  if (node.flags.includes('external')) classes.push('external');
  if (node.kind === 'anonymous') classes.push('public');
  if (node.flags.includes('management-account')) classes.push('management');
  if (node.flags.includes('undeclared')) classes.push('undeclared');
  if (node.flags.includes('service-linked')) classes.push('service-linked');
  if (collapsed) classes.push('collapsed');
  const severity = index.findingSeverity.get(node.id);
  if (severity === 'high' || severity === 'medium' || severity === 'low') classes.push(`finding-${severity}`);
  let label = nodeLabel(node, strings);
  if (collapsed) label = `${label}\n${strings.hidden.replace('{n}', String(hidden))}`;
  const parent = placement.parent.get(node.id);
  const data: NodeData = {
    id: node.id,
    label,
    kind: node.kind,
    type,
    tip: node.id,
    ...(parent !== undefined ? { box: parent } : {}),
    ...(box ? { minWidth: boxTitleWidth(nodeLabel(node, strings), type === 'organization' ? BOX_TITLE_FONT + 1 : BOX_TITLE_FONT) } : {}),
  };
  return { group: 'nodes', data, classes: classString(classes) };
}

function edgeClasses(edge: GraphEdge, highlight: Highlight, filters: GraphFilters, actionLevels: ActionLevels): GraphClass[] {
  const classes: GraphClass[] = [`e-${edge.kind}`];
  switch (edge.kind) {
    case 'can-assume':
      classes.push(edge.decision);
      if (edge.chained) classes.push('chained');
      break;
    case 'effective-access': {
      classes.push(edge.decision);
      const breadth = Math.min(4, Math.max(1, levelsPassing(edge, actionLevels, filters).length));
      classes.push(`breadth-${breadth}` as GraphClass);
      break;
    }
    case 'shares':
      if (edge.status !== 'active') classes.push('share-inactive');
      break;
    case 'grants':
      if (!edge.constrained && edge.source !== edge.target) classes.push('unconstrained');
      break;
    case 'member-of':
      break;
  }
  if (highlight.selected === edge.id) classes.push('selected');
  if (highlight.dims) classes.push(highlight.edges.has(edge.id) ? 'lit' : 'dim');
  return classes;
}

function drawsEdge(edge: GraphEdge, highlight: Highlight, filters: GraphFilters): boolean {
  switch (edge.kind) {
    case 'effective-access':
      return highlight.edges.has(edge.id);
    case 'grants':
      return filters.showGrants === true || highlight.edges.has(edge.id);
    default:
      return true;
  }
}

interface PlacedEdge {
  readonly edge: GraphEdge;
  readonly source: string;
  readonly target: string;
}

/** Edges whose ends are drawn (an edge folded inside one collapsed box is not), with those ends. */
function placedEdges(graph: AccessGraph, placement: Placement): PlacedEdge[] {
  const out: PlacedEdge[] = [];
  for (const edge of graph.edges) {
    const source = placement.drawnAs.get(edge.source);
    const target = placement.drawnAs.get(edge.target);
    if (source === undefined || target === undefined) continue;
    if ((source !== edge.source || target !== edge.target) && source === target) continue;
    out.push({ edge, source, target });
  }
  return out;
}

/**
 * The edges to draw, and those a large graph leaves out (`edgeBudget.ts`): whether the graph is large
 * depends on its resting picture only, so selecting never changes what the rest of the graph shows.
 */
function visibleEdges(placed: readonly PlacedEdge[], nodeCount: number, highlight: Highlight, filters: GraphFilters): { drawn: PlacedEdge[]; hidden: HiddenEdges } {
  const resting = placed.filter(({ edge }) => drawsEdge(edge, NO_HIGHLIGHT, filters));
  const large = isLargeGraph(nodeCount, resting.length);
  const byKind = { ...NO_HIDDEN_EDGES.byKind };
  const drawn: PlacedEdge[] = [];
  for (const item of placed) {
    const { edge } = item;
    if (!drawsEdge(edge, highlight, filters)) continue;
    if (large && isSelectionOnlyWhenLarge(edge.kind) && !highlight.edges.has(edge.id)) {
      byKind[edge.kind]++;
      continue;
    }
    drawn.push(item);
  }
  return { drawn, hidden: { total: byKind['can-assume'] + byKind.grants, byKind } };
}

/**
 * Above this many drawn access edges at one end (a principal reaching hundreds of resources, a bucket
 * reached by hundreds of principals), that end's access edges are drawn as a sheaf: thin, without glow
 * or labels, so the fan reads as one bundle instead of a solid mass; the inspector lists them.
 */
export const SHEAF_AT = 24;

/** The access edges drawn in a sheaf: those with an end that more than `SHEAF_AT` drawn access edges share. */
function sheafEdges(drawn: readonly PlacedEdge[]): Set<string> {
  const perEnd = new Map<string, number>();
  const access = drawn.filter(({ edge, source, target }) => edge.kind === 'effective-access' && source === edge.source && target === edge.target);
  for (const { edge } of access) {
    perEnd.set(`s|${edge.source}`, (perEnd.get(`s|${edge.source}`) ?? 0) + 1);
    perEnd.set(`t|${edge.target}`, (perEnd.get(`t|${edge.target}`) ?? 0) + 1);
  }
  const crowded = (key: string): boolean => (perEnd.get(key) ?? 0) > SHEAF_AT;
  return new Set(access.filter(({ edge }) => crowded(`s|${edge.source}`) || crowded(`t|${edge.target}`)).map(({ edge }) => edge.id));
}

function edgeElements(graph: AccessGraph, drawn: readonly PlacedEdge[], view: ElementView, highlight: Highlight): EdgeElement[] {
  const filters = view.filters ?? NO_FILTERS;
  const strings = view.strings ?? DEFAULT_STRINGS;
  const out: EdgeElement[] = [];
  const aggregates = new Map<string, { data: EdgeData; classes: GraphClass[]; count: number }>();
  const sheaf = sheafEdges(drawn);
  for (const { edge, source, target } of drawn) {
    const decision = 'decision' in edge ? edge.decision : undefined;
    const classes = edgeClasses(edge, highlight, filters, graph.actionLevels);
    if (sheaf.has(edge.id)) classes.push('sheaf');
    if (source === edge.source && target === edge.target) {
      const label = edgeLabel(edge, strings, filters, graph.actionLevels);
      const data: EdgeData = { id: edge.id, source, target, kind: edge.kind, ...(decision !== undefined ? { decision } : {}), label };
      out.push({ group: 'edges', data, classes: classString(classes) });
      continue;
    }
    const id = `agg|${edge.kind}|${decision ?? ''}|${source}|${target}`;
    const known = aggregates.get(id);
    if (known !== undefined) {
      known.count++;
      if (classes.includes('lit')) known.classes = known.classes.filter((name) => name !== 'dim').concat('lit');
      continue;
    }
    const kept = classes.filter((name) => name !== 'selected' && name !== 'chained');
    aggregates.set(id, { data: { id, source, target, kind: edge.kind, ...(decision !== undefined ? { decision } : {}), label: '' }, classes: [...kept, 'aggregate'], count: 1 });
  }
  for (const { data, classes, count } of aggregates.values()) {
    const lit = classes.includes('lit');
    const unique = classes.filter((name) => !(lit && name === 'dim'));
    out.push({ group: 'edges', data: { ...data, count, label: count > 1 ? `×${count}` : '' }, classes: classString(unique) });
  }
  return out;
}

/** Maps an access graph and the view to the elements Cytoscape draws. */
export function toElements(graph: AccessGraph, view: ElementView = {}): GraphElements {
  const index = indexGraph(graph);
  const strings = view.strings ?? DEFAULT_STRINGS;
  const highlight = view.highlight ?? NO_HIGHLIGHT;
  const placement = place(graph, index, view);
  const lit = new Set<string>();
  for (const id of highlight.nodes) {
    const shown = placement.drawnAs.get(id);
    if (shown !== undefined) lit.add(shown);
  }
  const litBoxes = new Set<string>();
  for (const id of lit) for (let at = placement.parent.get(id); at !== undefined; at = placement.parent.get(at)) litBoxes.add(at);
  const states: NodeStates = { lit, litBoxes, highlight, focus: new Set(view.focus ?? []), hits: new Set(view.searchHits ?? []) };
  const hiddenCount = new Map<string, number>();
  for (const [id, shown] of placement.drawnAs) if (shown !== id) hiddenCount.set(shown, (hiddenCount.get(shown) ?? 0) + 1);

  const drawn = graph.nodes.filter((node) => placement.drawnAs.get(node.id) === node.id);
  const usedBands = new Set<string>();
  for (const node of drawn) {
    const parent = placement.parent.get(node.id);
    if (parent === OUTSIDE_BAND || parent === SERVICES_BAND) usedBands.add(parent);
  }
  for (const shown of placement.drawnAs.values()) if (shown === OUTSIDE_BAND || shown === SERVICES_BAND) usedBands.add(shown);
  const nodes: NodeElement[] = [];
  for (const [band, title] of [
    [OUTSIDE_BAND, strings.outside],
    [SERVICES_BAND, strings.services],
  ] as const) {
    if (!usedBands.has(band)) continue;
    const hidden = hiddenCount.get(band) ?? 0;
    const classes = stateClasses(band, true, states);
    nodes.push(bandElement(band, title, hidden, strings, band === OUTSIDE_BAND ? [...classes, 'external'] : classes));
  }
  const withDepth = drawn.map((node) => ({ node, depth: depthOf(node.id, placement.parent) }));
  withDepth.sort((a, b) => a.depth - b.depth);
  for (const { node } of withDepth) nodes.push(nodeElement(node, placement, index, view, states, hiddenCount.get(node.id) ?? 0));
  const { drawn: drawnEdges, hidden } = visibleEdges(placedEdges(graph, placement), nodes.length, highlight, view.filters ?? NO_FILTERS);
  const edges = edgeElements(graph, drawnEdges, view, highlight);
  return hidden.total > 0 ? { nodes, edges, hidden } : { nodes, edges };
}
