/**
 * A graph without its effective access, for a page that cannot hold it. A dense organization has
 * millions of effective-access edges (the synthetic M org: 2,607,907, 2.2 GB once serialized, more
 * than `postMessage` can copy), while the page draws effective access only for the selection. So the
 * worker sends the graph without effective-access edges and reachability (`omitAccess`), and the page
 * asks for the part of them one selected node needs (`neighbourhood`) and puts it back
 * (`withNeighbourhood`). For that node, the result lights up and lists exactly what the whole graph
 * would (a test checks every node of the S org).
 */
import { compareStrings, lowerBoundBy } from './order';
import type { Neighbourhood, PrincipalReach, ResourceReach } from './reachTypes';
import type { AccessGraph, EffectiveAccessEdge, GraphEdge, OmittedAccess } from './types';

/**
 * Where the effective-access edges are in a graph's edge list, `[start, end)`: one run, found by binary
 * search, since the list is sorted by id and an edge id begins with its kind (`staticEdges.ts`).
 */
export function accessRange(edges: readonly GraphEdge[]): readonly [number, number] {
  const start = lowerBoundBy(edges, 'effective-access|', idOf);
  // '}' follows '|': every id from the prefix up to this key begins with the prefix.
  return [start, lowerBoundBy(edges, 'effective-access}', idOf, start)];
}

function idOf(edge: GraphEdge): string {
  return edge.id;
}

/** Whether `after` has the same entries as `before`, in order, by name and count. */
function sameCounts<T>(
  before: readonly T[],
  after: readonly T[],
  name: (entry: T) => string,
  count: (entry: T) => number,
): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const x = before[i] as T;
    const y = after[i] as T;
    if (x !== y && (name(x) !== name(y) || count(x) !== count(y))) return false;
  }
  return true;
}

/** Whether each principal and each resource, in the same order, reaches as many as in `before`. */
function sameReachCounts(before: AccessGraph['reachability'], after: AccessGraph['reachability']): boolean {
  return (
    sameCounts<PrincipalReach>(
      before.byPrincipal,
      after.byPrincipal,
      (e) => e.principal,
      (e) => e.resources.length,
    ) &&
    sameCounts<ResourceReach>(
      before.byResource,
      after.byResource,
      (e) => e.resource,
      (e) => e.principals.length,
    )
  );
}

/**
 * The graph without effective-access edges and reachability, with the counts the page shows instead.
 * After an edit, pass the previous graph and what this made of it: when no count changed, the counts
 * are that result's own object (the wire then sends them as unchanged). The entries an incremental
 * analysis did not touch are the previous graph's objects, so the comparison reads only the others.
 */
export function omitAccess(
  graph: AccessGraph,
  previous?: { readonly graph: AccessGraph; readonly omitted: OmittedAccess },
): AccessGraph {
  const [start, end] = accessRange(graph.edges);
  // Copied in two runs (native slices): the edges themselves are not read.
  const edges = graph.edges.slice(0, start).concat(graph.edges.slice(end));
  let omitted: OmittedAccess;
  if (
    previous !== undefined &&
    previous.omitted.edges === end - start &&
    sameReachCounts(previous.graph.reachability, graph.reachability)
  )
    omitted = previous.omitted;
  else {
    const resourcesByPrincipal: Record<string, number> = {};
    for (const entry of graph.reachability.byPrincipal)
      resourcesByPrincipal[entry.principal] = entry.resources.length;
    const principalsByResource: Record<string, number> = {};
    for (const entry of graph.reachability.byResource)
      principalsByResource[entry.resource] = entry.principals.length;
    omitted = { edges: end - start, resourcesByPrincipal, principalsByResource };
  }
  return { ...graph, edges, reachability: { byPrincipal: [], byResource: [] }, omitted };
}

interface ReachMaps {
  readonly byPrincipal: ReadonlyMap<string, PrincipalReach>;
  readonly byResource: ReadonlyMap<string, ResourceReach>;
}

const reachMaps = new WeakMap<AccessGraph, ReachMaps>();

function reachMapsOf(graph: AccessGraph): ReachMaps {
  let maps = reachMaps.get(graph);
  if (maps === undefined) {
    maps = {
      byPrincipal: new Map(graph.reachability.byPrincipal.map((entry) => [entry.principal, entry])),
      byResource: new Map(graph.reachability.byResource.map((entry) => [entry.resource, entry])),
    };
    reachMaps.set(graph, maps);
  }
  return maps;
}

/**
 * What the page needs of `node` from the whole `graph`: its reach both ways, its own effective-access
 * edges and, for each path through roles, the last role's edge to the resource (the hop the highlight
 * draws).
 */
export function neighbourhood(
  graph: AccessGraph,
  edgesById: ReadonlyMap<string, GraphEdge>,
  node: string,
): Neighbourhood {
  const { byPrincipal, byResource } = reachMapsOf(graph);
  const principal = byPrincipal.get(node);
  const resource = byResource.get(node);
  const edges = new Map<string, EffectiveAccessEdge>();
  const add = (id: string): EffectiveAccessEdge | undefined => {
    const edge = edgesById.get(id);
    if (edge?.kind !== 'effective-access') return undefined;
    edges.set(id, edge);
    return edge;
  };
  for (const reached of principal?.resources ?? []) {
    const edge = add(reached.edge);
    for (const grant of edge?.grants ?? []) {
      const last = grant.via?.at(-1);
      if (last !== undefined) add(`effective-access|${last}|${reached.resource}`);
    }
  }
  for (const reacher of resource?.principals ?? []) {
    add(reacher.edge);
    const last = reacher.via.at(-1);
    if (last !== undefined) add(`effective-access|${last}|${node}`);
  }
  const sorted = [...edges.values()].sort((a, b) => compareStrings(a.id, b.id));
  return { node, principal, resource, edges: sorted };
}

/** `graph` (sent by `omitAccess`) with the neighbourhood of one node put back. */
export function withNeighbourhood(graph: AccessGraph, part: Neighbourhood): AccessGraph {
  const edges: GraphEdge[] = [];
  let i = 0;
  for (const edge of graph.edges) {
    while (i < part.edges.length && compareStrings((part.edges[i] as GraphEdge).id, edge.id) < 0)
      edges.push(part.edges[i++] as GraphEdge);
    edges.push(edge);
  }
  while (i < part.edges.length) edges.push(part.edges[i++] as GraphEdge);
  return {
    ...graph,
    edges,
    reachability: {
      byPrincipal: part.principal === undefined ? [] : [part.principal],
      byResource: part.resource === undefined ? [] : [part.resource],
    },
  };
}
