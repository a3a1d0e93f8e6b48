/**
 * Indexes of one access graph, built once per graph object (graphs are immutable values) so that
 * selectors answer in constant time and return the same objects for the same graph.
 */
import type {
  AccessGraph,
  Finding,
  GraphEdge,
  GraphNode,
  PrincipalReach,
  ResourceReach,
} from '../analysis/types';

/** Lookups over one graph. */
export interface GraphLookup {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: ReadonlyMap<string, GraphEdge>;
  /** Child nodes by parent id (`undefined`: top level), in graph order. */
  readonly children: ReadonlyMap<string | undefined, readonly GraphNode[]>;
  readonly byPrincipal: ReadonlyMap<string, PrincipalReach>;
  readonly byResource: ReadonlyMap<string, ResourceReach>;
  readonly findingsBySubject: ReadonlyMap<string, readonly Finding[]>;
}

const cache = new WeakMap<AccessGraph, GraphLookup>();

function group<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

/** The lookups of `graph` (cached). */
export function lookupOf(graph: AccessGraph): GraphLookup {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;
  const lookup: GraphLookup = {
    nodes: new Map(graph.nodes.map((n) => [n.id, n])),
    edges: new Map(graph.edges.map((e) => [e.id, e])),
    children: group(graph.nodes, (n) => n.parent),
    byPrincipal: new Map(graph.reachability.byPrincipal.map((r) => [r.principal, r])),
    byResource: new Map(graph.reachability.byResource.map((r) => [r.resource, r])),
    findingsBySubject: group(graph.findings, (f) => f.subject),
  };
  cache.set(graph, lookup);
  return lookup;
}

/** Memoizes `compute(graph, key)` per graph and key, so equal questions get the same answer object. */
export function memoPerGraph<T>(
  compute: (graph: AccessGraph, key: string) => T,
): (graph: AccessGraph, key: string) => T {
  const results = new WeakMap<AccessGraph, Map<string, T>>();
  return (graph, key) => {
    let perGraph = results.get(graph);
    if (perGraph === undefined) {
      perGraph = new Map();
      results.set(graph, perGraph);
    }
    if (perGraph.has(key)) return perGraph.get(key) as T;
    const value = compute(graph, key);
    perGraph.set(key, value);
    return value;
  };
}

/**
 * How many resources `principal` reaches, also in a graph sent without its reachability
 * (`AccessGraph.omitted`, whose counts stand in for it).
 */
export function reachedCount(graph: AccessGraph, principal: string): number {
  return (
    graph.omitted?.resourcesByPrincipal[principal] ??
    lookupOf(graph).byPrincipal.get(principal)?.resources.length ??
    0
  );
}

/** How many principals reach `resource`, also in a graph sent without its reachability. */
export function reacherCount(graph: AccessGraph, resource: string): number {
  return (
    graph.omitted?.principalsByResource[resource] ??
    lookupOf(graph).byResource.get(resource)?.principals.length ??
    0
  );
}

/**
 * True while the shown graph, sent without its effective access (`AccessGraph.omitted`), does not hold
 * the part of `id` yet although its counts say it reaches or is reached: the page has asked the worker
 * for it. What it reaches is then unknown, not nothing.
 */
export function partPending(graph: AccessGraph, id: string): boolean {
  const omitted = graph.omitted;
  if (omitted === undefined) return false;
  if ((omitted.resourcesByPrincipal[id] ?? 0) === 0 && (omitted.principalsByResource[id] ?? 0) === 0)
    return false;
  const lookup = lookupOf(graph);
  return !lookup.byPrincipal.has(id) && !lookup.byResource.has(id);
}

/** Principals that reach anything, with how many resources each reaches. */
export function reachCounts(graph: AccessGraph): [principal: string, resources: number][] {
  if (graph.omitted !== undefined) return Object.entries(graph.omitted.resourcesByPrincipal);
  return graph.reachability.byPrincipal.map((entry) => [entry.principal, entry.resources.length]);
}
