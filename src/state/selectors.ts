/**
 * Derived data (STYLE.md rule 8): what the panels show, computed from the state and cached per graph
 * so a selector returns the same object until its inputs change.
 */
import type {
  AccessGraph,
  ActionAccess,
  EdgeCondition,
  Finding,
  GraphEdge,
  GraphNode,
  LevelSummary,
  NodeKind,
} from '../analysis/types';
import { countChangedAccessEdges, diffAccess } from '../analysis/diff';
import type { AccessChangeKind, AccessDiff } from '../analysis/diffTypes';
import { expandActions } from '../analysis/grants';
import type { AppState } from './AppState';
import { lookupOf, memoPerGraph } from './graphLookup';
import { policyTabsFor, type PolicyTab } from './policyTabs';
import { tolerantValue } from './scenarioEdits';

/** The graph on screen (the last good one). */
export function selectGraph(state: AppState): AccessGraph | undefined {
  return state.analysis.graph;
}

/** The selected node, when the selection is a node of the graph on screen. */
export function selectSelectedNode(state: AppState): GraphNode | undefined {
  const { graph } = state.analysis;
  const id = state.selection.id;
  return graph === undefined || id === undefined ? undefined : lookupOf(graph).nodes.get(id);
}

/** The selected edge, when the selection is an edge. */
export function selectSelectedEdge(state: AppState): GraphEdge | undefined {
  const { graph } = state.analysis;
  const id = state.selection.id;
  return graph === undefined || id === undefined ? undefined : lookupOf(graph).edges.get(id);
}

/** True while the editor text has a blocking error and the graph shows an older scenario. */
export function selectShowingLastValid(state: AppState): boolean {
  return state.analysis.stale && state.analysis.graph !== undefined;
}

/** One resource a principal reaches. */
export interface AccessRow {
  readonly edge: string;
  readonly resource: string;
  readonly label: string;
  readonly account: string | undefined;
  readonly accountLabel: string;
  readonly decision: 'allowed' | 'conditional';
  readonly levels: readonly LevelSummary[];
  readonly actions: readonly ActionAccess[];
  /** Roles assumed on the way, over all actions, in first-seen order (empty: own permissions only). */
  readonly via: readonly string[];
}

function accountLabel(graph: AccessGraph, account: string | undefined): string {
  if (account === undefined) return '';
  return lookupOf(graph).nodes.get(account)?.label ?? account;
}

/** What a principal reaches, sorted by account then resource. */
export const effectiveAccessOf = memoPerGraph((graph, principal): readonly AccessRow[] => {
  const lookup = lookupOf(graph);
  const reach = lookup.byPrincipal.get(principal);
  const rows = (reach?.resources ?? []).map((reached): AccessRow => {
    const node = lookup.nodes.get(reached.resource);
    const edge = lookup.edges.get(reached.edge);
    const actions = edge?.kind === 'effective-access' ? expandActions(edge, graph.actionLevels) : [];
    const via = [
      ...new Set(edge?.kind === 'effective-access' ? edge.grants.flatMap((g) => g.via ?? []) : []),
    ];
    return {
      edge: reached.edge,
      resource: reached.resource,
      label: node?.label ?? reached.resource,
      account: node?.account,
      accountLabel: accountLabel(graph, node?.account),
      decision: reached.decision,
      levels: reached.levels,
      actions,
      via,
    };
  });
  return rows.sort((a, b) => a.accountLabel.localeCompare(b.accountLabel) || a.label.localeCompare(b.label));
});

/** One principal that reaches a resource. */
export interface ReacherRow {
  readonly principal: string;
  readonly label: string;
  readonly kind: NodeKind | undefined;
  readonly account: string | undefined;
  readonly accountLabel: string;
  readonly edge: string;
  readonly decision: 'allowed' | 'conditional';
  readonly via: readonly string[];
  readonly conditions: readonly EdgeCondition[];
  readonly levels: readonly LevelSummary[];
}

/** Who reaches a resource, allowed first, then by account and name. */
export const reachersOf = memoPerGraph((graph, resource): readonly ReacherRow[] => {
  const lookup = lookupOf(graph);
  const rows = (lookup.byResource.get(resource)?.principals ?? []).map((r): ReacherRow => {
    const node = lookup.nodes.get(r.principal);
    return {
      principal: r.principal,
      label: node?.label ?? r.principal,
      kind: node?.kind,
      account: node?.account,
      accountLabel: accountLabel(graph, node?.account),
      edge: r.edge,
      decision: r.decision,
      via: r.via,
      conditions: r.conditions,
      levels: r.levels,
    };
  });
  return rows.sort(
    (a, b) =>
      (a.decision === b.decision ? 0 : a.decision === 'allowed' ? -1 : 1) ||
      a.accountLabel.localeCompare(b.accountLabel) ||
      a.label.localeCompare(b.label),
  );
});

/** The findings about one subject. */
export const findingsAbout = memoPerGraph(
  (graph, subject): readonly Finding[] => lookupOf(graph).findingsBySubject.get(subject) ?? [],
);

/** One entry of the Explorer tree. */
export interface TreeItem {
  readonly node: GraphNode;
  readonly children: readonly TreeItem[];
  /** Findings about this node. */
  readonly findings: number;
}

const KIND_ORDER: readonly NodeKind[] = [
  'organization',
  'ou',
  'account',
  'user',
  'group',
  'role',
  'session',
  'service',
  'idp',
  'anonymous',
  'resource',
  'share',
];

function byKindThenLabel(a: GraphNode, b: GraphNode): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.label.localeCompare(b.label);
}

const treeCache = new WeakMap<AccessGraph, readonly TreeItem[]>();

/** The Explorer's tree: organization → OUs → accounts → principals, resources and shares; then what sits outside. */
export function explorerTree(graph: AccessGraph): readonly TreeItem[] {
  const cached = treeCache.get(graph);
  if (cached !== undefined) return cached;
  const lookup = lookupOf(graph);
  function item(node: GraphNode, depth: number): TreeItem {
    const kids = depth > 16 ? [] : [...(lookup.children.get(node.id) ?? [])].sort(byKindThenLabel);
    return {
      node,
      children: kids.map((k) => item(k, depth + 1)),
      findings: lookup.findingsBySubject.get(node.id)?.length ?? 0,
    };
  }
  const roots = [...(lookup.children.get(undefined) ?? [])].sort(byKindThenLabel);
  const tree = roots.map((n) => item(n, 0));
  treeCache.set(graph, tree);
  return tree;
}

let tabsCache:
  | { graph: AccessGraph | undefined; id: string | undefined; text: string; tabs: readonly PolicyTab[] }
  | undefined;

/**
 * The focused editor tabs for the selected node (policies that concern it), located in the current
 * text. While the user types, the tabs are kept until the next graph (re-reading the text on every
 * keystroke would cost a parse each time).
 */
export function selectPolicyTabs(state: AppState): readonly PolicyTab[] {
  const { graph } = state.analysis;
  const id = state.selection.id;
  const text = state.document.text;
  const sameText = tabsCache?.text === text || state.document.origin === 'typing';
  if (tabsCache !== undefined && tabsCache.graph === graph && tabsCache.id === id && sameText)
    return tabsCache.tabs;
  const node = graph === undefined || id === undefined ? undefined : lookupOf(graph).nodes.get(id);
  const tabs = node === undefined ? [] : policyTabsFor(tolerantValue(text), node);
  tabsCache = { graph, id, text, tabs };
  return tabs;
}

let titleCache: { key: string; title: string } | undefined;

/**
 * The scenario's title. While the user types, it is re-read once per analysis rather than on every
 * keystroke (it costs a parse of the whole text).
 */
export function selectTitle(state: AppState): string {
  const { document } = state;
  const key =
    document.origin === 'typing' && titleCache !== undefined
      ? `analysis:${document.diagnosticsRevision ?? -1}`
      : document.text;
  if (titleCache?.key === key) return titleCache.title;
  const value = tolerantValue(document.text);
  const raw =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).title : undefined;
  const title = typeof raw === 'string' ? raw : '';
  titleCache = { key, title };
  return title;
}

/** What the scenario's access became since the baseline (`AnalysisState.baseline`). */
export type AccessChanges =
  /** No graph yet, or no baseline. */
  | { readonly kind: 'none' }
  /** One of the two graphs came without its effective access (too large to copy): not compared. */
  | { readonly kind: 'untracked' }
  | { readonly kind: 'diff'; readonly diff: AccessDiff; readonly count: number }
  /** More access edges differ than the page lists (their actions are not expanded). */
  | { readonly kind: 'many'; readonly edges: number };

/**
 * Access edges the page expands into a list of changes. Expanding costs about 0.2 ms per edge on the
 * main thread (an SCP edit can change every edge of a graph of up to 25,000): beyond this the panel
 * gives the count and points to the CLI's diff.
 */
export const LISTED_CHANGE_EDGES = 400;

/**
 * Added, removed and changed, counting role assumptions with the access: the numbers the panel's summary
 * and the top bar's chip show (a trust edit changes no access, only who can assume the role).
 */
export function changeTotals(diff: AccessDiff): Readonly<Record<AccessChangeKind, number>> {
  const totals = { ...diff.summary };
  for (const change of diff.assume) totals[change.change] += 1;
  return totals;
}

const NO_CHANGES: AccessChanges = { kind: 'none' };
const UNTRACKED: AccessChanges = { kind: 'untracked' };
const changesCache = new WeakMap<AccessGraph, WeakMap<AccessGraph, AccessChanges>>();

/**
 * The access added, removed and changed since the baseline, and the role assumptions gained or lost;
 * `count` is both together. Cached per pair of graphs (the page's graphs share their unchanged edges,
 * so the diff expands only the edges an edit touched).
 */
export function selectAccessChanges(state: AppState): AccessChanges {
  const { baseline, graph } = state.analysis;
  if (baseline === undefined || graph === undefined) return NO_CHANGES;
  if (baseline.omitted !== undefined || graph.omitted !== undefined) return UNTRACKED;
  let perBaseline = changesCache.get(baseline);
  if (perBaseline === undefined) changesCache.set(baseline, (perBaseline = new WeakMap()));
  let changes = perBaseline.get(graph);
  if (changes === undefined) {
    const edges = countChangedAccessEdges(baseline, graph);
    if (edges > LISTED_CHANGE_EDGES) changes = { kind: 'many', edges };
    else {
      const diff = diffAccess(baseline, graph);
      changes = { kind: 'diff', diff, count: diff.access.length + diff.assume.length };
    }
    perBaseline.set(graph, changes);
  }
  return changes;
}
