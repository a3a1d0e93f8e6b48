/**
 * The Cytoscape stylesheet, built from the design tokens for one theme. Every rule selects on a
 * class from `GRAPH_CLASSES`; colours keep one meaning each and are paired with a shape or a line
 * pattern (UI.md "Meaning of colour"): allowed solid green, conditional dashed amber with its
 * condition, blocked red with a bar, external a purple ring, shares dotted teal, selection the accent.
 */
import type cytoscape from 'cytoscape';
import type { Theme, Tokens } from './tokens';
import { TOKENS } from './tokens';
import { badgeUri, iconUri } from './icons';
import { BENDS } from './routeEdges';
import type { LeafType } from './vocabulary';
import { LEAF_TYPES, PRINCIPAL_TYPES } from './vocabulary';
import {
  BOX_PADDING,
  BOX_TITLE_FONT,
  BOX_TITLE_INSET_X,
  BOX_TITLE_INSET_Y,
  LABEL_FONT,
  LABEL_GAP,
  LABEL_MAX_WIDTH,
  LABEL_MIN_ZOOM,
  LEAF_SIZE,
  TITLE_LINE,
} from './metrics';

/** The system UI font stack (UI.md: one UI font, nothing loaded from elsewhere). */
export const GRAPH_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/** Options that change with the size of the graph. */
export interface StyleOptions {
  /** Short style transitions (dimming, highlight); off for large graphs where they would cost frames. */
  readonly transitions: boolean;
  /**
   * A large graph, seen mostly from far out: the selection's edges (the only trust and access edges
   * it draws, `edgeBudget.ts`) are drawn wider so its paths still read at the zoom that fits it all.
   */
  readonly overview?: boolean;
}

type Block = cytoscape.StylesheetStyle;

/**
 * Drawing order (`z-index-compare: manual`, so nodes do not all go above edges): boxes at their
 * nesting depth (`data.z`, 0 for the outermost, from `placeBoxes`), then edges, then leaves, so an
 * edge is never hidden under a box and never drawn over a node. Compound parents (fcose and elk
 * only) add Cytoscape's own depth ordering on top, which keeps the same order.
 *
 * Properties equal to Cytoscape's defaults are left out: each one set costs a style pass per
 * element, which is most of the first draw of a large organization.
 */
const Z = { edge: 100, access: 105, litEdge: 110, selectedEdge: 120, leaf: 200 } as const;

const SHAPES: Readonly<Record<LeafType, cytoscape.Css.NodeShape>> = {
  user: 'ellipse',
  group: 'ellipse',
  role: 'round-hexagon',
  session: 'ellipse',
  service: 'round-octagon',
  idp: 'round-diamond',
  anonymous: 'ellipse',
  bucket: 'round-rectangle',
  'kms-key': 'round-rectangle',
  queue: 'round-rectangle',
  topic: 'round-rectangle',
  function: 'round-rectangle',
  secret: 'round-rectangle',
  repository: 'round-rectangle',
  subnet: 'round-rectangle',
  'transit-gateway': 'round-rectangle',
  table: 'round-rectangle',
  resource: 'round-rectangle',
  share: 'round-diamond',
};

/** The colour of a leaf type's icon in one theme. */
export function iconColour(type: LeafType, t: Tokens): string {
  if (type === 'share') return t.share;
  if (type === 'anonymous') return t.external;
  if (type === 'service' || type === 'idp') return t.service;
  return (PRINCIPAL_TYPES as readonly string[]).includes(type) ? t.principal : t.resource;
}

/** A box's nesting depth, its place in the drawing order among boxes. */
function boxDepth(ele: cytoscape.NodeSingular): number {
  const z = ele.data('z') as number | undefined;
  return z ?? 0;
}

function leafBlocks(t: Tokens): Block[] {
  const blocks: Block[] = [];
  const badges = {
    high: badgeUri('high', t.denied, t.panel),
    medium: badgeUri('medium', t.conditional, t.panel),
    low: badgeUri('low', t.textFaint, t.panel),
  } as const;
  for (const type of LEAF_TYPES) {
    const icon = iconUri(type, iconColour(type, t));
    blocks.push({ selector: `node.t-${type}`, style: { shape: SHAPES[type], 'background-image': icon } });
    for (const severity of ['low', 'medium', 'high'] as const) {
      blocks.push({
        selector: `node.t-${type}.finding-${severity}`,
        style: {
          'background-image': [icon, badges[severity]],
          'background-width': ['60%', '46%'],
          'background-height': ['60%', '46%'],
          'background-position-x': ['50%', '128%'],
          'background-position-y': ['50%', '-22%'],
          'background-clip': ['node', 'none'],
          'bounds-expansion': 6,
        },
      });
    }
  }
  return blocks;
}

function nodeBlocks(t: Tokens, options: StyleOptions): Block[] {
  const transition = options.transitions ? { 'transition-property': 'opacity, border-color, border-width, underlay-opacity', 'transition-duration': 150 } : {};
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': GRAPH_FONT,
        'font-size': LABEL_FONT,
        color: t.text,
        'min-zoomed-font-size': Math.round(LABEL_FONT * LABEL_MIN_ZOOM),
        // Nodes only: with edges left at `auto` (0, like `manual`) everything compares by z-index.
        'z-index-compare': 'manual',
        ...transition,
      },
    },
    {
      selector: 'node.leaf',
      style: {
        width: LEAF_SIZE,
        height: LEAF_SIZE,
        'background-color': t.nodeFill,
        'border-width': 1.5,
        'border-color': t.nodeBorder,
        'background-width': '60%',
        'background-height': '60%',
        'text-valign': 'bottom',
        'text-margin-y': LABEL_GAP,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        'text-background-color': t.accountFill,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'z-index': Z.leaf,
      },
    },
    ...leafBlocks(t),
    { selector: 'node.t-session', style: { 'border-style': 'dashed' } },
    { selector: 'node.t-share', style: { 'background-color': t.shareSoft, 'border-color': t.share, 'border-style': 'dotted', 'border-width': 2 } },
    { selector: 'node.undeclared', style: { 'border-style': 'dashed' } },
    { selector: 'node.leaf.external', style: { 'border-color': t.external, 'outline-width': 2.5, 'outline-color': t.external, 'outline-offset': 2, 'outline-opacity': 0.9 } },
    { selector: 'node.public', style: { 'background-color': t.externalSoft } },
    {
      // A plain node sized by the layout (`placeBoxes`), drawn below edges and leaves; its title sits
      // inside the top-left corner, in the row `boxAround` reserves above the padding.
      selector: 'node.box',
      style: {
        shape: 'round-rectangle',
        'corner-radius': '10px',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': t.accountFill,
        'border-width': 1,
        'border-color': t.accountBorder,
        'font-size': BOX_TITLE_FONT,
        'font-weight': 600,
        color: t.textMuted,
        'text-valign': 'top-inside',
        'text-halign': 'left-inside',
        'text-margin-x': BOX_TITLE_INSET_X,
        'text-margin-y': BOX_TITLE_INSET_Y,
        'text-wrap': 'wrap',
        'line-height': TITLE_LINE / BOX_TITLE_FONT,
        'min-zoomed-font-size': 5,
        'z-index': boxDepth,
      },
    },
    {
      // Grouped for fcose and elk (`sync` with `compound`): Cytoscape sizes the box around what it
      // holds, so the title goes above it.
      selector: 'node.box:parent',
      style: {
        padding: `${BOX_PADDING}px`,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-x': 0,
        'text-margin-y': -4,
        'compound-sizing-wrt-labels': 'include',
      },
    },
    { selector: 'node.t-organization', style: { 'background-color': t.orgFill, 'border-color': t.borderStrong, 'corner-radius': '14px', 'font-size': BOX_TITLE_FONT + 1, color: t.text } },
    { selector: 'node.t-ou', style: { 'background-color': t.ouFill, 'border-color': t.borderStrong, 'corner-radius': '12px' } },
    { selector: 'node.t-account', style: { color: t.text } },
    { selector: 'node.t-account.management', style: { 'border-width': 1.5, 'border-color': t.borderStrong } },
    { selector: 'node.t-band', style: { 'background-color': t.bg, 'background-opacity': 0.6, 'border-style': 'dashed', 'border-color': t.borderStrong } },
    { selector: 'node.t-band.external', style: { color: t.external } },
    { selector: 'node.box.external', style: { 'border-color': t.external, 'border-width': 1.5, 'background-color': t.externalSoft, 'background-opacity': 0.5 } },
    { selector: 'node.box.collapsed', style: { 'border-style': 'dashed', 'border-width': 1.5 } },
  ];
}

function edgeBlocks(t: Tokens): Block[] {
  return [
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': 'bezier',
        'line-color': t.edge,
        'target-arrow-color': t.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.85,
        label: 'data(label)',
        'font-family': GRAPH_FONT,
        'font-size': 10,
        color: t.textMuted,
        'min-zoomed-font-size': 6,
        'text-background-color': t.panel,
        'text-background-opacity': 0.92,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'z-index': Z.edge,
      },
    },
    { selector: 'edge.e-member-of', style: { width: 1, 'line-color': t.borderStrong, 'target-arrow-shape': 'none', 'line-style': 'solid' } },
    { selector: 'edge.e-can-assume.allowed', style: { 'line-color': t.allowed, 'target-arrow-color': t.allowed } },
    {
      selector: 'edge.e-can-assume.conditional',
      style: { 'line-color': t.conditional, 'target-arrow-color': t.conditional, 'line-style': 'dashed', 'line-dash-pattern': [6, 4], color: t.conditional, 'font-weight': 600 },
    },
    {
      selector: 'edge.e-can-assume.blocked',
      style: { 'line-color': t.denied, 'target-arrow-color': t.denied, 'target-arrow-shape': 'tee', 'arrow-scale': 1.3, color: t.denied, 'font-weight': 600 },
    },
    { selector: 'edge.e-grants', style: { width: 1, 'line-color': t.textFaint, 'target-arrow-color': t.textFaint, 'target-arrow-shape': 'vee', 'arrow-scale': 0.7 } },
    { selector: 'edge.e-grants.unconstrained', style: { 'line-color': t.external, 'target-arrow-color': t.external } },
    { selector: 'edge.e-shares', style: { width: 1.8, 'line-color': t.share, 'target-arrow-color': t.share, 'line-style': 'dotted', 'target-arrow-shape': 'vee', color: t.share } },
    { selector: 'edge.e-shares.share-inactive', style: { 'line-opacity': 0.5, 'target-arrow-shape': 'none' } },
    { selector: 'edge.e-effective-access', style: { 'arrow-scale': 0.8, 'z-index': Z.access, 'font-size': 9.5 } },
    { selector: 'edge.e-effective-access.allowed', style: { 'line-color': t.allowed, 'target-arrow-color': t.allowed, color: t.allowed } },
    {
      selector: 'edge.e-effective-access.conditional',
      style: { 'line-color': t.conditional, 'target-arrow-color': t.conditional, 'line-style': 'dashed', 'line-dash-pattern': [6, 4], color: t.conditional },
    },
    { selector: 'edge.breadth-1', style: { width: 1.6 } },
    { selector: 'edge.breadth-2', style: { width: 2.6 } },
    { selector: 'edge.breadth-3', style: { width: 3.6 } },
    { selector: 'edge.breadth-4', style: { width: 4.8 } },
    { selector: 'edge.aggregate', style: { width: 2.4, 'font-weight': 600 } },
    ...BENDS.map(([name, distance]): Block => ({ selector: `edge.${name}`, style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': distance, 'control-point-weights': 0.5 } })),
  ];
}

function stateBlocks(t: Tokens): Block[] {
  return [
    { selector: 'node.leaf.dim', style: { opacity: 0.25 } },
    { selector: 'node.box.dim', style: { 'border-opacity': 0.35, 'text-opacity': 0.4, 'background-opacity': 0.55 } },
    { selector: 'edge.dim', style: { opacity: 0.18 } },
    { selector: 'node.leaf.lit', style: { 'border-color': t.accent, 'border-width': 2.2, 'underlay-color': t.accent, 'underlay-opacity': 0.16, 'underlay-padding': 6, 'underlay-shape': 'ellipse' } },
    { selector: 'node.leaf.lit-conditional', style: { 'border-style': 'dashed', 'border-color': t.conditional } },
    { selector: 'node.box.lit', style: { 'border-color': t.accent, 'border-width': 2 } },
    { selector: 'edge.lit', style: { 'underlay-color': t.accent, 'underlay-opacity': 0.2, 'underlay-padding': 4, 'z-index': Z.litEdge } },
    { selector: 'node.focus', style: { 'underlay-color': t.accent, 'underlay-opacity': 0.12, 'underlay-padding': 10 } },
    { selector: 'node.search-hit', style: { 'border-color': t.accent, 'border-width': 2.5 } },
    {
      selector: 'node.leaf.selected',
      style: { 'border-color': t.accent, 'border-width': 3, 'underlay-color': t.accent, 'underlay-opacity': 0.3, 'underlay-padding': 8, 'font-weight': 700, color: t.accent },
    },
    { selector: 'node.box.selected', style: { 'border-color': t.accent, 'border-width': 2.5, color: t.accent } },
    { selector: 'edge.selected', style: { 'underlay-color': t.accent, 'underlay-opacity': 0.38, 'underlay-padding': 5, 'z-index': Z.selectedEdge } },
    { selector: 'node:active', style: { 'overlay-opacity': 0.08, 'overlay-color': t.accent, 'overlay-padding': 5 } },
    { selector: 'edge:active', style: { 'overlay-opacity': 0.08, 'overlay-color': t.accent, 'overlay-padding': 4 } },
  ];
}

function overviewBlocks(): Block[] {
  return [
    { selector: 'edge.lit', style: { width: 4, 'arrow-scale': 0.7, 'underlay-padding': 6 } },
    { selector: 'edge.lit.breadth-3', style: { width: 5.5 } },
    { selector: 'edge.lit.breadth-4', style: { width: 7 } },
    { selector: 'edge.selected', style: { width: 5 } },
  ];
}

/** The whole stylesheet for one theme. */
export function buildStylesheet(theme: Theme, options: StyleOptions = { transitions: true }): cytoscape.StylesheetStyle[] {
  const t = TOKENS[theme];
  return [
    {
      selector: 'core',
      style: {
        'selection-box-color': t.accent,
        'selection-box-border-color': t.accent,
        'selection-box-border-width': 1,
        'selection-box-opacity': 0.15,
        'active-bg-color': t.accent,
        'active-bg-opacity': 0.1,
        'active-bg-size': 18,
        'outside-texture-bg-color': t.bg,
        'outside-texture-bg-opacity': 1,
      },
    },
    ...nodeBlocks(t, options),
    ...edgeBlocks(t),
    ...stateBlocks(t),
    ...(options.overview === true ? overviewBlocks() : []),
    // Last, so that it wins over the lit and overview widths.
    { selector: 'edge.sheaf', style: { width: 1.1, 'arrow-scale': 0.5, 'line-opacity': 0.7, 'underlay-opacity': 0, 'line-dash-pattern': [4, 3], label: '' } },
  ];
}
