/**
 * A graph without its effective access, for a page that cannot hold it. A dense organization has
 * millions of effective-access edges (the synthetic M org: 2,607,907, 2.2 GB once serialized, more
 * than `postMessage` can copy), while the page draws effective access only for the selection. So the
 * worker sends the graph without effective-access edges and reachability (`omitAccess`), and the page
 * asks for the part of them one selected node needs (`neighbourhood`) and puts it back
 * (`withNeighbourhood`). For that node, the result lights up and lists exactly what the whole graph
 * would (a test checks every node of the S org).
 */
import { compareStrings } from './order';
import type { Neighbourhood, PrincipalReach, ResourceReach } from './reachTypes';
import type { AccessGraph, EffectiveAccessEdge, GraphEdge } from './types';

/** The graph without effective-access edges and reachability, with the counts the page shows instead. */
export function omitAccess(graph: AccessGraph): AccessGraph {
  const resourcesByPrincipal: Record<string, number> = {};
  for (const entry of graph.reachability.byPrincipal)
    resourcesByPrincipal[entry.principal] = entry.resources.length;
  const principalsByResource: Record<string, number> = {};
  for (const entry of graph.reachability.byResource)
    principalsByResource[entry.resource] = entry.principals.length;
  const edges = graph.edges.filter((edge) => edge.kind !== 'effective-access');
  return {
    ...graph,
    edges,
    reachability: { byPrincipal: [], byResource: [] },
    omitted: { edges: graph.edges.length - edges.length, resourcesByPrincipal, principalsByResource },
  };
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
