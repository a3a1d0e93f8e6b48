/**
 * Lookup tables over one `AccessGraph`, built once per graph object and shared by the element
 * mapping, the highlight and the search (the graph is immutable, so a WeakMap cache is safe).
 */
import type {
  AccessGraph,
  CanAssumeEdge,
  EffectiveAccessEdge,
  FindingSeverity,
  GraphEdge,
  GraphNode,
  PrincipalReach,
  ResourceReach,
} from '../analysis/types';
import { FINDING_SEVERITIES } from '../analysis/types';

/** Lookup tables over one graph. */
export interface GraphIndex {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: ReadonlyMap<string, GraphEdge>;
  /** `source|target` → the can-assume edge. */
  readonly assume: ReadonlyMap<string, CanAssumeEdge>;
  /** `source|target` → the effective-access edge. */
  readonly access: ReadonlyMap<string, EffectiveAccessEdge>;
  /** Node id → child node ids, in graph order. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly byPrincipal: ReadonlyMap<string, PrincipalReach>;
  readonly byResource: ReadonlyMap<string, ResourceReach>;
  /** Subject → its most severe finding. */
  readonly findingSeverity: ReadonlyMap<string, FindingSeverity>;
  /** Node id → ids of nodes it shares a drawn edge with (not effective-access). */
  readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
}

const cache = new WeakMap<AccessGraph, GraphIndex>();

/** A `source|target` key. */
export function pairKey(source: string, target: string): string {
  return `${source}|${target}`;
}

function addNeighbour(map: Map<string, Set<string>>, a: string, b: string): void {
  let set = map.get(a);
  if (set === undefined) map.set(a, (set = new Set()));
  set.add(b);
}

function buildIndex(graph: AccessGraph): GraphIndex {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges = new Map(graph.edges.map((edge) => [edge.id, edge]));
  const assume = new Map<string, CanAssumeEdge>();
  const access = new Map<string, EffectiveAccessEdge>();
  const neighbours = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (edge.kind === 'can-assume') assume.set(pairKey(edge.source, edge.target), edge);
    if (edge.kind === 'effective-access') access.set(pairKey(edge.source, edge.target), edge);
    else {
      addNeighbour(neighbours, edge.source, edge.target);
      addNeighbour(neighbours, edge.target, edge.source);
    }
  }
  const children = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (node.parent === undefined) continue;
    const list = children.get(node.parent);
    if (list === undefined) children.set(node.parent, [node.id]);
    else list.push(node.id);
  }
  const findingSeverity = new Map<string, FindingSeverity>();
  for (const finding of graph.findings) {
    const known = findingSeverity.get(finding.subject);
    if (known === undefined || FINDING_SEVERITIES.indexOf(finding.severity) < FINDING_SEVERITIES.indexOf(known)) {
      findingSeverity.set(finding.subject, finding.severity);
    }
  }
  return {
    nodes,
    edges,
    assume,
    access,
    children,
    byPrincipal: new Map(graph.reachability.byPrincipal.map((reach) => [reach.principal, reach])),
    byResource: new Map(graph.reachability.byResource.map((reach) => [reach.resource, reach])),
    findingSeverity,
    neighbours,
  };
}

/** The index of a graph (cached per graph object). */
export function indexGraph(graph: AccessGraph): GraphIndex {
  let index = cache.get(graph);
  if (index === undefined) {
    index = buildIndex(graph);
    cache.set(graph, index);
  }
  return index;
}
