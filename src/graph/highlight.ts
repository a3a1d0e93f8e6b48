/**
 * What lights up for a selection (pure). A principal lights what it reaches, with the role chains
 * it goes through; a resource lights every principal that reaches it, with their chains; an edge
 * lights itself and its ends. Computed from the analysis's reachability, never re-evaluated here.
 */
import type { AccessGrant, EffectiveAccessEdge, LevelSummary, ReachPath } from '../analysis/types';
import type { AccessGraph } from '../analysis/types';
import type { AccessLevel } from '../catalog/vocabulary';
import type { GraphIndex } from './graphIndex';
import { indexGraph, pairKey } from './graphIndex';
import type { GraphFilters } from './view';
import { matchesActionPattern } from './view';

/** What the selection is, and so how the graph responds to it. */
export const HIGHLIGHT_MODES = ['none', 'principal', 'resource', 'group', 'share', 'box', 'edge'] as const;
/** One highlight mode. */
export type HighlightMode = (typeof HIGHLIGHT_MODES)[number];

/** The lit part of the graph. */
export interface Highlight {
  readonly mode: HighlightMode;
  /** The selected node or edge id (also when it is not in the graph: then nothing is lit). */
  readonly selected: string | undefined;
  /** Lit node ids, the selected node included. */
  readonly nodes: ReadonlySet<string>;
  /** Lit edge ids (graph edge ids). `effective-access` edges are drawn only when lit. */
  readonly edges: ReadonlySet<string>;
  /** Lit nodes reached (or reaching) only under conditions. */
  readonly conditional: ReadonlySet<string>;
  /** True when everything that is not lit dims. */
  readonly dims: boolean;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Nothing selected. */
export const NO_HIGHLIGHT: Highlight = { mode: 'none', selected: undefined, nodes: EMPTY, edges: EMPTY, conditional: EMPTY, dims: false };

type AccessFilters = Pick<GraphFilters, 'accessLevels' | 'action'>;

function narrows(filters: AccessFilters): boolean {
  return (filters.accessLevels !== undefined && filters.accessLevels.length > 0) || (filters.action !== undefined && filters.action.trim() !== '');
}

/** The access levels of each action, as the graph lists them. */
export type ActionLevels = Readonly<Record<string, readonly AccessLevel[]>>;

/** A grant of an effective-access edge, narrowed to the actions that pass the filters. */
export interface PassingGrant {
  readonly grant: AccessGrant;
  readonly actions: readonly string[];
}

/** The grants of an effective-access edge whose actions pass the access-level and action filters. */
export function grantsPassing(edge: EffectiveAccessEdge, actionLevels: ActionLevels, filters: AccessFilters): readonly PassingGrant[] {
  if (!narrows(filters)) return edge.grants.map((grant) => ({ grant, actions: grant.actions }));
  const levels = filters.accessLevels !== undefined && filters.accessLevels.length > 0 ? filters.accessLevels : undefined;
  const pattern = filters.action !== undefined && filters.action.trim() !== '' ? filters.action : undefined;
  const out: PassingGrant[] = [];
  for (const grant of edge.grants) {
    const actions = grant.actions.filter(
      (action) => (levels === undefined || (actionLevels[action] ?? []).some((level) => levels.includes(level))) && (pattern === undefined || matchesActionPattern(pattern, action)),
    );
    if (actions.length > 0) out.push({ grant, actions });
  }
  return out;
}

/** Access levels of an edge that pass the filters (for thickness): levels with an action left. */
export function levelsPassing(edge: EffectiveAccessEdge, actionLevels: ActionLevels, filters: AccessFilters): readonly LevelSummary[] {
  if (!narrows(filters)) return edge.levels;
  const kept = new Set(grantsPassing(edge, actionLevels, filters).flatMap(({ actions }) => actions.flatMap((action) => actionLevels[action] ?? [])));
  return edge.levels.filter((summary) => kept.has(summary.level));
}

class Lit {
  readonly nodes = new Set<string>();
  readonly edges = new Set<string>();
  readonly conditional = new Set<string>();

  path(path: ReachPath): void {
    for (const hop of path.hops) {
      this.nodes.add(hop.from);
      this.nodes.add(hop.to);
      this.edges.add(hop.edge);
    }
  }

  result(mode: HighlightMode, selected: string, dims = true): Highlight {
    if (mode !== 'edge') this.nodes.add(selected);
    return { mode, selected, nodes: this.nodes, edges: this.edges, conditional: this.conditional, dims };
  }
}

function principalHighlight(index: GraphIndex, levels: ActionLevels, id: string, filters: AccessFilters): Highlight {
  const lit = new Lit();
  const reach = index.byPrincipal.get(id);
  const rolePaths = new Map<string, ReachPath>();
  for (const role of reach?.roles ?? []) {
    rolePaths.set(role.role, role.path);
    lit.nodes.add(role.role);
    lit.path(role.path);
    if (role.path.decision === 'conditional') lit.conditional.add(role.role);
  }
  for (const reached of reach?.resources ?? []) {
    const edge = index.edges.get(reached.edge);
    const grants = edge?.kind === 'effective-access' ? grantsPassing(edge, levels, filters) : [];
    if (edge !== undefined && grants.length === 0) continue;
    lit.nodes.add(reached.resource);
    if (!grants.some(({ grant }) => grant.decision === 'allowed')) lit.conditional.add(reached.resource);
    const finals = new Set(grants.map(({ grant }) => grant.via?.at(-1)));
    if (finals.size === 0) finals.add(undefined);
    for (const role of finals) {
      const final = role === undefined ? undefined : index.access.get(pairKey(role, reached.resource));
      lit.edges.add(final?.id ?? reached.edge);
      if (role !== undefined) {
        lit.nodes.add(role);
        const path = rolePaths.get(role);
        if (path !== undefined) lit.path(path);
      }
    }
  }
  // A role also shows who can assume it directly: "who can become this role".
  if (index.nodes.get(id)?.kind === 'role') {
    for (const edge of index.assume.values()) {
      if (edge.target !== id || edge.decision === 'blocked') continue;
      lit.nodes.add(edge.source);
      lit.edges.add(edge.id);
    }
  }
  grantsTouching(index, id, lit);
  return lit.result('principal', id);
}

function resourceHighlight(index: GraphIndex, levels: ActionLevels, id: string, filters: AccessFilters): Highlight {
  const lit = new Lit();
  for (const reacher of index.byResource.get(id)?.principals ?? []) {
    const edge = index.edges.get(reacher.edge);
    const grants = edge?.kind === 'effective-access' ? grantsPassing(edge, levels, filters) : [];
    if (edge !== undefined && grants.length === 0) continue;
    lit.nodes.add(reacher.principal);
    if (reacher.decision === 'conditional') lit.conditional.add(reacher.principal);
    const chain = [reacher.principal, ...reacher.via];
    for (let i = 0; i + 1 < chain.length; i++) {
      const hop = index.assume.get(pairKey(chain[i] ?? '', chain[i + 1] ?? ''));
      if (hop !== undefined) lit.edges.add(hop.id);
      lit.nodes.add(chain[i + 1] ?? '');
    }
    const last = chain.at(-1) ?? reacher.principal;
    lit.edges.add(index.access.get(pairKey(last, id))?.id ?? reacher.edge);
  }
  grantsTouching(index, id, lit);
  for (const edge of index.edges.values()) {
    if (edge.kind === 'shares' && (edge.source === id || edge.target === id)) {
      lit.edges.add(edge.id);
      lit.nodes.add(edge.source);
      lit.nodes.add(edge.target);
    }
  }
  return lit.result('resource', id);
}

function grantsTouching(index: GraphIndex, id: string, lit: Lit): void {
  for (const edge of index.edges.values()) {
    if (edge.kind !== 'grants' || (edge.source !== id && edge.target !== id)) continue;
    lit.edges.add(edge.id);
    lit.nodes.add(edge.source);
    lit.nodes.add(edge.target);
  }
}

function neighbourHighlight(index: GraphIndex, id: string, mode: 'group' | 'share', kind: 'member-of' | 'shares'): Highlight {
  const lit = new Lit();
  for (const edge of index.edges.values()) {
    if (edge.kind !== kind || (edge.source !== id && edge.target !== id)) continue;
    lit.edges.add(edge.id);
    lit.nodes.add(edge.source);
    lit.nodes.add(edge.target);
  }
  return lit.result(mode, id);
}

/**
 * The highlight for a selected node or edge id. `filters.accessLevels` and `filters.action` narrow
 * the access that lights up; other filters are applied when drawing.
 */
export function computeHighlight(graph: AccessGraph | undefined, selected: string | undefined, filters: AccessFilters = {}): Highlight {
  if (graph === undefined || selected === undefined) return NO_HIGHLIGHT;
  const index = indexGraph(graph);
  const edge = index.edges.get(selected);
  if (edge !== undefined) {
    const lit = new Lit();
    lit.edges.add(edge.id);
    lit.nodes.add(edge.source);
    lit.nodes.add(edge.target);
    return lit.result('edge', selected);
  }
  const node = index.nodes.get(selected);
  if (node === undefined) return { ...NO_HIGHLIGHT, selected };
  switch (node.kind) {
    case 'user':
    case 'role':
    case 'session':
    case 'service':
    case 'idp':
    case 'anonymous':
      return principalHighlight(index, graph.actionLevels, selected, filters);
    case 'resource':
      return resourceHighlight(index, graph.actionLevels, selected, filters);
    case 'group':
      return neighbourHighlight(index, selected, 'group', 'member-of');
    case 'share':
      return neighbourHighlight(index, selected, 'share', 'shares');
    case 'organization':
    case 'ou':
    case 'account':
      return new Lit().result('box', selected, false);
  }
}
