/**
 * Brings a Cytoscape instance to a set of element definitions by id, in one `cy.batch()`: adds what
 * is new, regroups nodes whose box changed, removes what is gone, and updates only the data and
 * classes that differ (STYLE.md rule 9: never replace every element on each change).
 *
 * Boxes are plain nodes (their size is data, from `placeBoxes`): `data.box` says which box holds a
 * node, and Cytoscape knows nothing of it. Only when `compound` is set (the fcose and elk layouts,
 * which need the grouping) does `data.box` become a Cytoscape `parent`.
 */
import type cytoscape from 'cytoscape';
import type { Position } from './layout';
import type { EdgeElement, GraphElements, NodeElement } from './toElements';
import { isBoxType } from './vocabulary';

/** What one sync changed (for tests and the bench). */
export interface SyncStats {
  readonly added: number;
  readonly removed: number;
  readonly updated: number;
  readonly moved: number;
}

export interface SyncOptions {
  /** Centres for nodes that need one (new nodes; existing ones too when `moveExisting`). */
  readonly positions?: ReadonlyMap<string, Position> | undefined;
  /** Also move existing nodes to `positions` (instant; animate with `animatePositions` instead). */
  readonly moveExisting?: boolean;
  /** Make every `data.box` a Cytoscape compound parent (for fcose and elk); plain boxes otherwise. */
  readonly compound?: boolean;
}

// `parent` is Cytoscape's own grouping: it changes only through `move`, never as plain data.
const STRUCTURAL = new Set(['id', 'source', 'target', 'parent']);

/** Updates the data of an element to `wanted`; returns true when something changed. */
function syncData(ele: cytoscape.SingularElementReturnValue, wanted: object): boolean {
  const current = ele.data() as Record<string, unknown>;
  const next = wanted as Record<string, unknown>;
  let changed = false;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (STRUCTURAL.has(key) || current[key] === value) continue;
    patch[key] = value;
    changed = true;
  }
  if (changed) ele.data(patch);
  const stale = Object.keys(current).filter((key) => !STRUCTURAL.has(key) && !(key in next));
  if (stale.length > 0) {
    ele.removeData(stale.join(' '));
    changed = true;
  }
  return changed;
}

function syncClasses(ele: cytoscape.SingularElementReturnValue, classes: string): boolean {
  if (ele.classes().join(' ') === classes) return false;
  ele.classes(classes);
  return true;
}

function nodeDefinition(node: NodeElement, positions: ReadonlyMap<string, Position> | undefined, compound: boolean): cytoscape.ElementDefinition {
  const at = positions?.get(node.data.id);
  const parent = compound && node.data.box !== undefined ? { parent: node.data.box } : {};
  // A plain box is not dragged (it would leave what it holds behind): dragging one pans instead.
  // A compound parent drags along what it holds.
  const fixed = isBoxType(node.data.type) && !compound;
  return {
    group: 'nodes',
    data: { ...node.data, ...parent },
    classes: node.classes,
    grabbable: !fixed,
    pannable: fixed,
    ...(at !== undefined ? { position: { x: at.x, y: at.y } } : {}),
  };
}

/**
 * Regroups existing nodes whose Cytoscape parent is not the wanted one, one `move` per new parent;
 * boxes become draggable as compound parents, and pan the view as plain boxes.
 */
function regroup(cy: cytoscape.Core, elements: GraphElements, compound: boolean): number {
  const byParent = new Map<string | null, cytoscape.CollectionReturnValue>();
  for (const node of elements.nodes) {
    const ele = cy.getElementById(node.data.id);
    if (ele.empty() || !ele.isNode()) continue;
    if (isBoxType(node.data.type) && ele.grabbable() !== compound) {
      if (compound) ele.grabify().unpanify();
      else ele.ungrabify().panify();
    }
    const wanted = compound && node.data.box !== undefined && cy.getElementById(node.data.box).nonempty() ? node.data.box : null;
    const current = (ele.data('parent') as string | undefined) ?? null;
    if (wanted === current) continue;
    const group = byParent.get(wanted);
    if (group === undefined) byParent.set(wanted, cy.collection(ele));
    else group.merge(ele);
  }
  let moved = 0;
  for (const [parent, nodes] of byParent) {
    nodes.nodes().move({ parent });
    moved += nodes.length;
  }
  return moved;
}

function edgeDefinition(edge: EdgeElement): cytoscape.ElementDefinition {
  return { group: 'edges', data: { ...edge.data }, classes: edge.classes };
}

/** Makes `cy` show exactly `elements`. */
export function syncElements(cy: cytoscape.Core, elements: GraphElements, options: SyncOptions = {}): SyncStats {
  let added = 0;
  let removed = 0;
  let updated = 0;
  let moved = 0;
  cy.batch(() => {
    const wanted = new Set<string>();
    for (const node of elements.nodes) wanted.add(node.data.id);
    for (const edge of elements.edges) wanted.add(edge.data.id);

    // Nodes first (outer boxes come before what they hold in `elements.nodes`), so edges find their ends.
    const compound = options.compound === true;
    const newNodes: cytoscape.ElementDefinition[] = [];
    for (const node of elements.nodes) {
      const ele = cy.getElementById(node.data.id);
      if (ele.empty() || !ele.isNode()) {
        newNodes.push(nodeDefinition(node, options.positions, compound));
        continue;
      }
      const dataChanged = syncData(ele, node.data);
      if (syncClasses(ele, node.classes) || dataChanged) updated++;
    }
    if (newNodes.length > 0) added += cy.add(newNodes).length;
    // After the additions (a node may move into a new box), before the removals (removing a compound
    // parent removes what it still holds).
    moved = regroup(cy, elements, compound);

    // Gone: edges first, then nodes whose children have all moved out or gone too.
    const stale = cy.elements().filter((ele) => !wanted.has(ele.id()));
    removed = stale.length;
    stale.edges().remove();
    stale.nodes().remove();

    const newEdges: cytoscape.ElementDefinition[] = [];
    for (const edge of elements.edges) {
      const ele = cy.getElementById(edge.data.id);
      if (ele.nonempty() && ele.isEdge() && (ele.source().id() !== edge.data.source || ele.target().id() !== edge.data.target)) ele.remove();
      const current = cy.getElementById(edge.data.id);
      if (current.empty()) {
        newEdges.push(edgeDefinition(edge));
        continue;
      }
      const dataChanged = syncData(current, edge.data);
      if (syncClasses(current, edge.classes) || dataChanged) updated++;
    }
    if (newEdges.length > 0) added += cy.add(newEdges).length;

    if (options.moveExisting === true && options.positions !== undefined) {
      for (const [id, at] of options.positions) {
        const ele = cy.getElementById(id);
        if (ele.empty() || !ele.isNode() || ele.isParent()) continue;
        const now = ele.position();
        if (Math.abs(now.x - at.x) > 0.5 || Math.abs(now.y - at.y) > 0.5) ele.position({ x: at.x, y: at.y });
      }
    }
  });
  return { added, removed, updated, moved };
}

/** Ids of the nodes that hold other nodes (by `data.box`, whether or not they are compound parents). */
function containers(cy: cytoscape.Core): Set<string> {
  const out = new Set<string>();
  cy.nodes().forEach((node) => {
    const box = node.data('box') as string | undefined;
    if (box !== undefined) out.add(box);
  });
  return out;
}

/**
 * Current centres of every node that holds nothing: leaves, empty and collapsed boxes (what the
 * layout keeps; `placeBoxes` derives the other boxes from them).
 */
export function currentPositions(cy: cytoscape.Core): Map<string, Position> {
  const holders = containers(cy);
  const out = new Map<string, Position>();
  cy.nodes().forEach((node) => {
    if (holders.has(node.id()) || node.isParent()) return;
    const at = node.position();
    out.set(node.id(), { x: at.x, y: at.y });
  });
  return out;
}

/**
 * Moves nodes to `positions`, animated when `duration` > 0 (UI.md: ≤ 250 ms). Plain boxes move with
 * the rest (their centres are in `positions`); compound parents follow their children.
 */
export function animatePositions(cy: cytoscape.Core, positions: ReadonlyMap<string, Position>, duration: number): Promise<void> {
  const nodes = cy.nodes().filter((node) => !node.isParent() && positions.has(node.id()));
  if (duration <= 0) {
    cy.batch(() => {
      nodes.forEach((node) => {
        const at = positions.get(node.id());
        if (at !== undefined) node.position({ x: at.x, y: at.y });
      });
    });
    return Promise.resolve();
  }
  const map: Record<string, Position> = {};
  nodes.forEach((node) => {
    map[node.id()] = positions.get(node.id()) ?? node.position();
  });
  const options: cytoscape.PresetLayoutOptions = { name: 'preset', positions: map, animate: true, animationDuration: Math.min(duration, 250), animationEasing: 'ease-out-cubic', fit: false };
  const layout = nodes.layout(options);
  const done = layout.promiseOn('layoutstop').then(() => undefined);
  layout.run();
  return done;
}
