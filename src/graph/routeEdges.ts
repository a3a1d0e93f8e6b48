/**
 * Edge routing (pure): an edge whose straight line would run through another node, or a box's title,
 * bends around it.
 * Candidates are tried in order — straight, a small bend either side, a wide bend either side — and
 * the first that touches nothing wins (else the one that costs least: a node counts twice a title). The result is a
 * class (`bend-1`, `bend-1n`, `bend-2`, `bend-2n`), so the stylesheet draws the curve.
 */
import type { Position, Rect } from './layout';
import { BOX_TITLE_FONT, BOX_TITLE_INSET_X, BOX_TITLE_INSET_Y, LABEL_GAP, LABEL_HEIGHT, LEAF_SIZE, TITLE_LINE, leafLabelWidth } from './metrics';
import type { EdgeElement, GraphElements, NodeElement } from './toElements';
import type { GraphClass } from './vocabulary';
import { isBoxType } from './vocabulary';

/** Control-point distance of each bend class (Cytoscape `control-point-distances`, perpendicular). */
export const BENDS = [
  ['bend-1', 64],
  ['bend-1n', -64],
  ['bend-2', 128],
  ['bend-2n', -128],
] as const satisfies readonly (readonly [GraphClass, number])[];

const BEND_CLASSES = new Set<string>(BENDS.map(([name]) => name));
const CELL = 96;
const SAMPLES = 14;
const MARGIN = 3;
const NONE: readonly Obstacle[] = [];

interface Obstacle {
  readonly id: string;
  readonly rect: Rect;
  /** What crossing it costs: running under a node hides the edge, over a title only blurs it. */
  readonly weight: number;
}

const NODE_WEIGHT = 2;
const TITLE_WEIGHT = 1;

function obstacleRect(node: NodeElement, at: Position): Rect {
  const half = Math.max(LEAF_SIZE, leafLabelWidth(node.data.label)) / 2;
  return { x1: at.x - half - MARGIN, y1: at.y - LEAF_SIZE / 2 - MARGIN, x2: at.x + half + MARGIN, y2: at.y + LEAF_SIZE / 2 + LABEL_GAP + LABEL_HEIGHT + MARGIN };
}

/** A cell's key as a number (a string key per sample was most of the routing time at 5,000 nodes). */
function cellKey(cx: number, cy: number): number {
  return cx * 0x200000 + cy;
}

/** A box's title, inside its top-left corner (edges cross the box, not its name). */
function titleRect(node: NodeElement, at: Position, w: number, h: number): Rect {
  const x1 = at.x - w / 2;
  const y1 = at.y - h / 2;
  const lines = node.data.label.split('\n').length;
  return { x1: x1 + BOX_TITLE_INSET_X - MARGIN, y1: y1 + BOX_TITLE_INSET_Y - MARGIN, x2: x1 + BOX_TITLE_INSET_X + (node.data.minWidth ?? 0) + MARGIN, y2: y1 + BOX_TITLE_INSET_Y + BOX_TITLE_FONT + (lines - 1) * TITLE_LINE + MARGIN };
}

class SpatialHash {
  private readonly cells = new Map<number, Obstacle[]>();

  add(obstacle: Obstacle): void {
    const { rect } = obstacle;
    for (let cx = Math.floor(rect.x1 / CELL); cx <= Math.floor(rect.x2 / CELL); cx++) {
      for (let cy = Math.floor(rect.y1 / CELL); cy <= Math.floor(rect.y2 / CELL); cy++) {
        const key = cellKey(cx, cy);
        const list = this.cells.get(key);
        if (list === undefined) this.cells.set(key, [obstacle]);
        else list.push(obstacle);
      }
    }
  }

  at(x: number, y: number): readonly Obstacle[] {
    return this.cells.get(cellKey(Math.floor(x / CELL), Math.floor(y / CELL))) ?? NONE;
  }
}

/**
 * What the obstacles a quadratic curve from `s` to `t` (control distance `d`) runs through cost
 * together (their weights), counting no further than `limit`.
 */
function hits(s: Position, t: Position, d: number, hash: SpatialHash, ends: ReadonlySet<string>, limit: number): number {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  // Cytoscape's perpendicular: (-dy, dx) / length, from the source towards the target.
  const c = { x: (s.x + t.x) / 2 + (-dy / length) * d, y: (s.y + t.y) / 2 + (dx / length) * d };
  const out = new Set<string>();
  let cost = 0;
  for (let i = 1; i < SAMPLES; i++) {
    const u = i / SAMPLES;
    const x = (1 - u) * (1 - u) * s.x + 2 * (1 - u) * u * c.x + u * u * t.x;
    const y = (1 - u) * (1 - u) * s.y + 2 * (1 - u) * u * c.y + u * u * t.y;
    for (const obstacle of hash.at(x, y)) {
      if (ends.has(obstacle.id)) continue;
      const r = obstacle.rect;
      if (x >= r.x1 && x <= r.x2 && y >= r.y1 && y <= r.y2 && !out.has(obstacle.id)) {
        out.add(obstacle.id);
        cost += obstacle.weight;
        if (cost >= limit) return cost;
      }
    }
  }
  return cost;
}

function withBend(edge: EdgeElement, bend: GraphClass | undefined): EdgeElement {
  const kept = edge.classes.split(' ').filter((name) => name !== '' && !BEND_CLASSES.has(name));
  const classes = bend === undefined ? kept : [...kept, bend];
  const joined = classes.join(' ');
  return joined === edge.classes ? edge : { ...edge, classes: joined };
}

/** The elements with a bend class on every edge that would otherwise cross a node. */
export function routeEdges(elements: GraphElements, positions: ReadonlyMap<string, Position>): GraphElements {
  const hash = new SpatialHash();
  const byId = new Map<string, NodeElement>();
  for (const node of elements.nodes) {
    byId.set(node.data.id, node);
    const at = positions.get(node.data.id);
    if (at === undefined) continue;
    if (!isBoxType(node.data.type)) hash.add({ id: node.data.id, rect: obstacleRect(node, at), weight: NODE_WEIGHT });
    else if (node.data.w !== undefined && node.data.h !== undefined) hash.add({ id: node.data.id, rect: titleRect(node, at, node.data.w, node.data.h), weight: TITLE_WEIGHT });
  }
  const edges = elements.edges.map((edge) => {
    const s = positions.get(edge.data.source);
    const t = positions.get(edge.data.target);
    const source = byId.get(edge.data.source);
    const target = byId.get(edge.data.target);
    if (s === undefined || t === undefined || source === undefined || target === undefined || edge.data.source === edge.data.target) return withBend(edge, undefined);
    if (isBoxType(source.data.type) || isBoxType(target.data.type)) return withBend(edge, undefined);
    const ends = new Set([edge.data.source, edge.data.target]);
    let best: GraphClass | undefined;
    let fewest = hits(s, t, 0, hash, ends, Infinity);
    for (const [name, distance] of BENDS) {
      if (fewest === 0) break;
      const count = hits(s, t, distance, hash, ends, fewest);
      if (count < fewest) {
        fewest = count;
        best = name;
      }
    }
    return withBend(edge, best);
  });
  return { nodes: elements.nodes, edges };
}
