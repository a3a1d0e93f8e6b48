/**
 * The domain layout (pure, deterministic): boxes placed by the organization tree, leaves in a grid
 * inside their box, one row block per category (principals, resources, shares). Positions are
 * planned with the same metrics the stylesheet draws with. Boxes are plain nodes: `placeBoxes` sizes
 * and places them around what they hold, so the drawing is exactly the plan.
 *
 * Stability: given the previous positions, every node that had one keeps it; a new leaf takes the
 * first free cell of its box's grid, a new box goes to the right of its siblings, and only boxes
 * that would then overlap move, each as a whole. Scenario `layout` positions (pinned) win.
 */
import type { GraphElements, NodeElement } from './toElements';
import { isBoxType } from './vocabulary';
import type { NodeType } from './vocabulary';
import {
  BOX_GAP,
  BOX_PADDING,
  BOX_TITLE_HEIGHT,
  CELL_HEIGHT,
  CELL_WIDTH,
  EMPTY_BOX_HEIGHT,
  EMPTY_BOX_WIDTH,
  LABEL_GAP,
  LABEL_HEIGHT,
  LEAF_SIZE,
  TITLE_LINE,
  leafLabelWidth,
} from './metrics';

/** A point in model coordinates. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle. */
export interface Rect {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** What the layout computes. */
export interface LayoutResult {
  /** Centres of leaves and of childless boxes (`placeBoxes` derives the other boxes from them). */
  readonly positions: ReadonlyMap<string, Position>;
  /** Outer rectangle of every box, its title included. */
  readonly boxes: ReadonlyMap<string, Rect>;
  /** False when previous positions were kept (an edit); true for a layout from scratch. */
  readonly fresh: boolean;
}

export interface LayoutOptions {
  /** Positions from the last layout: nodes that keep their id keep their place. */
  readonly previous?: ReadonlyMap<string, Position> | undefined;
  /** Positions fixed by the scenario's `layout` (leaf centres; for a box, its centre). */
  readonly pinned?: Readonly<Record<string, Position>> | undefined;
}

const ASPECT = 1.7;
/** Above this many boxes in one container, packing goes row by row (linear time). */
const SKYLINE_LIMIT = 60;
const CATEGORY: Readonly<Record<NodeType, number>> = {
  organization: 0,
  ou: 0,
  account: 0,
  band: 0,
  user: 0,
  group: 0,
  role: 0,
  session: 0,
  idp: 0,
  service: 0,
  anonymous: 0,
  bucket: 1,
  'kms-key': 1,
  queue: 1,
  topic: 1,
  function: 1,
  secret: 1,
  repository: 1,
  subnet: 1,
  'transit-gateway': 1,
  table: 1,
  resource: 1,
  share: 2,
};
const TYPE_ORDER: readonly NodeType[] = ['user', 'group', 'role', 'session', 'idp', 'service', 'anonymous', 'bucket', 'kms-key', 'secret', 'table', 'queue', 'topic', 'function', 'repository', 'subnet', 'transit-gateway', 'resource', 'share', 'ou', 'account', 'band', 'organization'];
const TOP_ORDER: readonly NodeType[] = ['organization', 'ou', 'account', 'band'];


interface Tree {
  readonly byId: ReadonlyMap<string, NodeElement>;
  readonly children: ReadonlyMap<string | undefined, readonly NodeElement[]>;
}

const lowered = new WeakMap<NodeElement, string>();

function sortKey(node: NodeElement): string {
  let key = lowered.get(node);
  if (key === undefined) {
    key = node.data.label.toLowerCase();
    lowered.set(node, key);
  }
  return key;
}

function compareLabels(a: NodeElement, b: NodeElement): number {
  const la = sortKey(a);
  const lb = sortKey(b);
  if (la !== lb) return la < lb ? -1 : 1;
  return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
}

function compareChildren(a: NodeElement, b: NodeElement, top: boolean): number {
  const order = top ? TOP_ORDER : TYPE_ORDER;
  const ta = order.indexOf(a.data.type);
  const tb = order.indexOf(b.data.type);
  if (ta !== tb) return ta - tb;
  // Bands in a fixed order: outside the organization first, then services.
  if (a.data.type === 'band') return a.data.id < b.data.id ? -1 : 1;
  return compareLabels(a, b);
}

function buildTree(nodes: readonly NodeElement[]): Tree {
  const byId = new Map(nodes.map((node) => [node.data.id, node]));
  const children = new Map<string | undefined, NodeElement[]>();
  for (const node of nodes) {
    const parent = node.data.box !== undefined && byId.has(node.data.box) ? node.data.box : undefined;
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [node]);
    else list.push(node);
  }
  for (const [parent, list] of children) list.sort((a, b) => compareChildren(a, b, parent === undefined));
  return { byId, children };
}

function isBox(node: NodeElement): boolean {
  return isBoxType(node.data.type);
}

/** Height of a box's title row (inside the box, above its padding). */
function titleHeight(node: NodeElement): number {
  return BOX_TITLE_HEIGHT + (node.data.label.split('\n').length - 1) * TITLE_LINE;
}

/** Size of a box drawn without children (empty, or collapsed). */
function childlessSize(node: NodeElement): { readonly w: number; readonly h: number } {
  return { w: Math.max(EMPTY_BOX_WIDTH, (node.data.minWidth ?? 0) + 2 * BOX_PADDING), h: titleHeight(node) + EMPTY_BOX_HEIGHT };
}

/** A box's rectangle around its content: padding on every side, the title row on top. */
function boxAround(node: NodeElement, content: Rect): Rect {
  const innerW = Math.max(content.x2 - content.x1, node.data.minWidth ?? 0);
  return { x1: content.x1 - BOX_PADDING, y1: content.y1 - BOX_PADDING - titleHeight(node), x2: content.x1 + innerW + BOX_PADDING, y2: content.y2 + BOX_PADDING };
}

/** Extent of a leaf around its centre, its label included. */
function leafRect(node: NodeElement, at: Position): Rect {
  const half = Math.max(LEAF_SIZE, leafLabelWidth(node.data.label)) / 2;
  return { x1: at.x - half, y1: at.y - LEAF_SIZE / 2, x2: at.x + half, y2: at.y + LEAF_SIZE / 2 + LABEL_GAP + LABEL_HEIGHT };
}

function union(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x1);
    y1 = Math.min(y1, r.y1);
    x2 = Math.max(x2, r.x2);
    y2 = Math.max(y2, r.y2);
  }
  return { x1, y1, x2, y2 };
}

/** A laid-out subtree: its size and the centres of its positioned nodes, relative to its top-left. */
interface Block {
  readonly w: number;
  readonly h: number;
  readonly items: readonly (readonly [string, Position])[];
}

function gridColumns(count: number): number {
  return Math.max(1, Math.min(8, Math.ceil(Math.sqrt(count * 1.5))));
}

/** Leaves in rows: each category starts a new row. Centres relative to the grid's top-left cell. */
function gridCells(leaves: readonly NodeElement[]): (readonly [NodeElement, number, number])[] {
  const cols = gridColumns(leaves.length);
  const cells: (readonly [NodeElement, number, number])[] = [];
  let row = -1;
  let col = cols;
  let category = -1;
  for (const leaf of leaves) {
    const c = CATEGORY[leaf.data.type];
    if (col >= cols || c !== category) {
      row++;
      col = 0;
      category = c;
    }
    cells.push([leaf, col, row]);
    col++;
  }
  return cells;
}

type Packed = { placed: (readonly [Block, number, number])[]; w: number; h: number };

/** Row-by-row packing: linear, for containers with many boxes. */
function shelfPack(blocks: readonly Block[], limit: number): Packed {
  const placed: (readonly [Block, number, number])[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let w = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.w > limit) {
      y += rowHeight + BOX_GAP;
      x = 0;
      rowHeight = 0;
    }
    placed.push([block, x, y]);
    w = Math.max(w, x + block.w);
    x += block.w + BOX_GAP;
    rowHeight = Math.max(rowHeight, block.h);
  }
  return { placed, w, h: y + rowHeight };
}

/** Bottom-left packing: each box goes as high as it fits, then as far left (compact, quadratic). */
function skylinePack(blocks: readonly Block[], limit: number): Packed {
  const placed: (readonly [Block, number, number])[] = [];
  let w = 0;
  let h = 0;
  for (const block of blocks) {
    const candidates = [0, ...placed.map(([b, x]) => x + b.w + BOX_GAP)].filter((x) => x === 0 || x + block.w <= limit);
    let best: [number, number] | undefined;
    for (const x of candidates) {
      let y = 0;
      for (const [b, bx, by] of placed) if (bx < x + block.w + BOX_GAP && x < bx + b.w + BOX_GAP) y = Math.max(y, by + b.h + BOX_GAP);
      if (best === undefined || y < best[1] || (y === best[1] && x < best[0])) best = [x, y];
    }
    const [x, y] = best ?? [0, 0];
    placed.push([block, x, y]);
    w = Math.max(w, x + block.w);
    h = Math.max(h, y + block.h);
  }
  return { placed, w, h };
}

function pack(blocks: readonly Block[], minWidth: number): Packed {
  const area = blocks.reduce((sum, b) => sum + (b.w + BOX_GAP) * (b.h + BOX_GAP), 0);
  const widest = blocks.reduce((max, b) => Math.max(max, b.w), 0);
  const limit = Math.max(widest, minWidth, Math.sqrt(area * ASPECT));
  return blocks.length <= SKYLINE_LIMIT ? skylinePack(blocks, limit) : shelfPack(blocks, limit);
}

function layoutSubtree(node: NodeElement, tree: Tree): Block {
  const kids = tree.children.get(node.data.id) ?? [];
  if (kids.length === 0) {
    const { w, h } = childlessSize(node);
    return { w, h, items: [[node.data.id, { x: w / 2, y: h / 2 }]] };
  }
  const leaves = kids.filter((kid) => !isBox(kid));
  const boxes = kids.filter(isBox);
  const items: [string, Position][] = [];
  const rects: Rect[] = [];
  for (const [leaf, col, row] of gridCells(leaves)) {
    const at = { x: col * CELL_WIDTH + CELL_WIDTH / 2, y: row * CELL_HEIGHT + LEAF_SIZE / 2 };
    items.push([leaf.data.id, at]);
    rects.push(leafRect(leaf, at));
  }
  const leafArea = union(rects);
  const top = leafArea === undefined ? 0 : leafArea.y2 + BOX_GAP;
  const left = leafArea?.x1 ?? 0;
  const packed = pack(
    boxes.map((box) => layoutSubtree(box, tree)),
    leafArea === undefined ? 0 : leafArea.x2 - leafArea.x1,
  );
  for (const [block, bx, by] of packed.placed) {
    for (const [id, at] of block.items) items.push([id, { x: left + bx + at.x, y: top + by + at.y }]);
    rects.push({ x1: left + bx, y1: top + by, x2: left + bx + block.w, y2: top + by + block.h });
  }
  const outer = boxAround(node, union(rects) ?? { x1: 0, y1: 0, x2: 0, y2: 0 });
  return { w: outer.x2 - outer.x1, h: outer.y2 - outer.y1, items: items.map(([id, at]) => [id, { x: at.x - outer.x1, y: at.y - outer.y1 }] as const) };
}

/** The organization and listed accounts on the left, the bands stacked in a column on their right. */
function layoutTop(tree: Tree): Map<string, Position> {
  const roots = tree.children.get(undefined) ?? [];
  const positions = new Map<string, Position>();
  const main = roots.filter((root) => isBox(root) && root.data.type !== 'band');
  const side = roots.filter((root) => root.data.type === 'band');
  const looseLeaves = roots.filter((root) => !isBox(root));
  const packed = pack(
    main.map((root) => layoutSubtree(root, tree)),
    0,
  );
  const place = (block: Block, x: number, y: number): void => {
    for (const [id, at] of block.items) positions.set(id, { x: x + at.x, y: y + at.y });
  };
  for (const [block, bx, by] of packed.placed) place(block, bx, by);
  let y = 0;
  const x = packed.w > 0 ? packed.w + BOX_GAP * 2 : 0;
  for (const band of side) {
    const block = layoutSubtree(band, tree);
    place(block, x, y);
    y += block.h + BOX_GAP;
  }
  for (const [leaf, col, row] of gridCells(looseLeaves)) {
    positions.set(leaf.data.id, { x: col * CELL_WIDTH + CELL_WIDTH / 2, y: Math.max(packed.h, y) + BOX_GAP + row * CELL_HEIGHT + LEAF_SIZE / 2 });
  }
  return positions;
}

/** Rectangles of every node (boxes from their contents, as Cytoscape sizes them), titles included. */
export function measureBoxes(nodes: readonly NodeElement[], positions: ReadonlyMap<string, Position>): Map<string, Rect> {
  return measureTree(buildTree(nodes), positions);
}

function measureTree(tree: Tree, positions: ReadonlyMap<string, Position>): Map<string, Rect> {
  const rects = new Map<string, Rect>();
  const visit = (node: NodeElement): Rect | undefined => {
    const kids = tree.children.get(node.data.id) ?? [];
    let rect: Rect | undefined;
    if (!isBox(node)) {
      const at = positions.get(node.data.id);
      rect = at === undefined ? undefined : leafRect(node, at);
    } else if (kids.length === 0) {
      const at = positions.get(node.data.id);
      const { w, h } = childlessSize(node);
      rect = at === undefined ? undefined : { x1: at.x - w / 2, y1: at.y - h / 2, x2: at.x + w / 2, y2: at.y + h / 2 };
    } else {
      const content = union(kids.map(visit).filter((r): r is Rect => r !== undefined));
      rect = content === undefined ? undefined : boxAround(node, content);
    }
    if (rect !== undefined) rects.set(node.data.id, rect);
    return rect;
  };
  for (const root of tree.children.get(undefined) ?? []) visit(root);
  return rects;
}

/**
 * Gives every box its place and size from the positions of what it holds (boxes are plain nodes:
 * Cytoscape does not size them). Returns the elements with `w`/`h` and the nesting depth `z` (the
 * drawing order) on boxes, and the positions completed with every box's centre.
 */
export function placeBoxes(elements: GraphElements, positions: ReadonlyMap<string, Position>): { readonly elements: GraphElements; readonly positions: ReadonlyMap<string, Position> } {
  const tree = buildTree(elements.nodes);
  const rects = measureTree(tree, positions);
  const all = new Map(positions);
  const depth = new Map<string, number>();
  const nodes = elements.nodes.map((node) => {
    if (!isBox(node)) return node;
    const outer = node.data.box === undefined ? undefined : depth.get(node.data.box);
    const z = outer === undefined ? 0 : outer + 1;
    depth.set(node.data.id, z);
    const rect = rects.get(node.data.id);
    if (rect === undefined) return node.data.z === z ? node : { ...node, data: { ...node.data, z } };
    all.set(node.data.id, { x: (rect.x1 + rect.x2) / 2, y: (rect.y1 + rect.y2) / 2 });
    const w = Math.round(rect.x2 - rect.x1);
    const h = Math.round(rect.y2 - rect.y1);
    if (node.data.w === w && node.data.h === h && node.data.z === z) return node;
    return { ...node, data: { ...node.data, w, h, z } };
  });
  return { elements: { nodes, edges: elements.edges }, positions: all };
}

function positionedIds(node: NodeElement, tree: Tree): string[] {
  const kids = tree.children.get(node.data.id) ?? [];
  if (kids.length === 0) return [node.data.id];
  return kids.flatMap((kid) => positionedIds(kid, tree));
}

function translate(ids: readonly string[], positions: Map<string, Position>, dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return;
  for (const id of ids) {
    const at = positions.get(id);
    if (at !== undefined) positions.set(id, { x: at.x + dx, y: at.y + dy });
  }
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/** Moves sibling boxes apart (each as a whole), deepest containers first. */
function resolveOverlaps(tree: Tree, positions: Map<string, Position>, dirty: ReadonlySet<string | undefined>): void {
  const depth = new Map<string | undefined, number>();
  const order: (string | undefined)[] = [];
  const walk = (id: string | undefined, d: number): void => {
    depth.set(id, d);
    order.push(id);
    for (const kid of tree.children.get(id) ?? []) if (isBox(kid)) walk(kid.data.id, d + 1);
  };
  walk(undefined, 0);
  order.sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0));
  for (const container of order) {
    const siblings = (tree.children.get(container) ?? []).filter(isBox);
    if (siblings.length < 2 || !dirty.has(container)) continue;
    for (let pass = 0; pass < siblings.length + 2; pass++) {
      const rects = measureTree(tree, positions);
      const sorted = [...siblings].sort((a, b) => {
        const ra = rects.get(a.data.id);
        const rb = rects.get(b.data.id);
        return (ra?.y1 ?? 0) - (rb?.y1 ?? 0) || (ra?.x1 ?? 0) - (rb?.x1 ?? 0);
      });
      let moved = false;
      for (let i = 0; i < sorted.length && !moved; i++) {
        for (let j = i + 1; j < sorted.length && !moved; j++) {
          const a = rects.get(sorted[i]?.data.id ?? '');
          const b = rects.get(sorted[j]?.data.id ?? '');
          const node = sorted[j];
          if (a === undefined || b === undefined || node === undefined || !overlaps(a, b, BOX_GAP - 1)) continue;
          const right = a.x2 + BOX_GAP - b.x1;
          const down = a.y2 + BOX_GAP - b.y1;
          translate(positionedIds(node, tree), positions, right <= down ? right : 0, right <= down ? 0 : down);
          moved = true;
        }
      }
      if (!moved) break;
    }
  }
}

function cellOf(at: Position, origin: Position): [number, number] {
  return [Math.round((at.x - origin.x) / CELL_WIDTH), Math.round((at.y - origin.y) / CELL_HEIGHT)];
}

/** Places a new leaf in the first free cell of the grid its known siblings form. */
function placeInGrid(leaf: NodeElement, siblings: readonly Position[], positions: Map<string, Position>): void {
  const origin = { x: Math.min(...siblings.map((p) => p.x)), y: Math.min(...siblings.map((p) => p.y)) };
  const taken = new Set(siblings.map((p) => cellOf(p, origin).join(',')));
  const cols = Math.max(gridColumns(siblings.length + 1), ...siblings.map((p) => cellOf(p, origin)[0] + 1));
  for (let row = 0; ; row++) {
    for (let col = 0; col < cols; col++) {
      if (taken.has(`${col},${row}`)) continue;
      positions.set(leaf.data.id, { x: origin.x + col * CELL_WIDTH, y: origin.y + row * CELL_HEIGHT });
      return;
    }
  }
}

function incremental(tree: Tree, fresh: ReadonlyMap<string, Position>, previous: ReadonlyMap<string, Position>): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const id of fresh.keys()) {
    const known = previous.get(id);
    if (known !== undefined) positions.set(id, known);
  }
  const hasKnown = (node: NodeElement): boolean => positionedIds(node, tree).some((id) => positions.has(id));
  const freshRects = measureTree(tree, fresh);
  const dirty = new Set<string | undefined>();
  const placeNew = (node: NodeElement, parent: string | undefined): void => {
    for (let at: string | undefined = parent; ; at = tree.byId.get(at)?.data.box) {
      dirty.add(at);
      if (at === undefined) break;
    }
    const siblings = (tree.children.get(parent) ?? []).filter((kid) => kid !== node && hasKnown(kid));
    if (!isBox(node)) {
      const leafSiblings = siblings.filter((kid) => !isBox(kid)).map((kid) => positions.get(kid.data.id));
      const known = leafSiblings.filter((p): p is Position => p !== undefined);
      if (known.length > 0) return placeInGrid(node, known, positions);
    }
    // A new subtree keeps its fresh shape and goes to the right of its known siblings.
    const ids = positionedIds(node, tree);
    const rect = freshRects.get(node.data.id);
    const current = measureTree(tree, positions);
    const area = union(siblings.map((kid) => current.get(kid.data.id)).filter((r): r is Rect => r !== undefined));
    if (rect === undefined) return;
    const x = area === undefined ? rect.x1 : area.x2 + BOX_GAP;
    const y = area === undefined ? rect.y1 : area.y1;
    for (const id of ids) {
      const at = fresh.get(id);
      if (at !== undefined) positions.set(id, { x: at.x - rect.x1 + x, y: at.y - rect.y1 + y });
    }
  };
  const visit = (parent: string | undefined): void => {
    for (const kid of tree.children.get(parent) ?? []) {
      if (!hasKnown(kid)) placeNew(kid, parent);
      else if (isBox(kid)) visit(kid.data.id);
    }
  };
  visit(undefined);
  resolveOverlaps(tree, positions, dirty);
  return positions;
}

function applyPinned(tree: Tree, positions: Map<string, Position>, pinned: Readonly<Record<string, Position>>): void {
  const boxes = [...tree.byId.values()].filter((node) => isBox(node) && pinned[node.data.id] !== undefined && (tree.children.get(node.data.id) ?? []).length > 0);
  for (const box of boxes) {
    const rect = measureTree(tree, positions).get(box.data.id);
    const target = pinned[box.data.id];
    if (rect === undefined || target === undefined) continue;
    translate(positionedIds(box, tree), positions, target.x - (rect.x1 + rect.x2) / 2, target.y - (rect.y1 + rect.y2) / 2);
  }
  for (const id of positions.keys()) {
    const target = pinned[id];
    if (target !== undefined) positions.set(id, { x: target.x, y: target.y });
  }
}

function rounded(positions: ReadonlyMap<string, Position>): Map<string, Position> {
  return new Map([...positions].map(([id, at]) => [id, { x: Math.round(at.x), y: Math.round(at.y) }]));
}

/**
 * Lays out the node elements. Without `previous` (or when fewer than half of the nodes have a
 * previous position: another scenario), the layout is fresh and depends only on the nodes.
 */
export function domainLayout(nodes: readonly NodeElement[], options: LayoutOptions = {}): LayoutResult {
  const tree = buildTree(nodes);
  const fresh = layoutTop(tree);
  let positions: Map<string, Position> = fresh;
  let isFresh = true;
  const previous = options.previous;
  if (previous !== undefined && previous.size > 0) {
    let known = 0;
    for (const id of fresh.keys()) if (previous.has(id)) known++;
    if (known * 2 >= fresh.size) {
      positions = incremental(tree, fresh, previous);
      isFresh = false;
    }
  }
  if (options.pinned !== undefined) applyPinned(tree, positions, options.pinned);
  const final = rounded(positions);
  return { positions: final, boxes: measureTree(tree, final), fresh: isFresh };
}
