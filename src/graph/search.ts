/**
 * Search by name or ARN (pure): exact label matches first, then label prefixes, then anything whose
 * label or id contains the query. Case-insensitive; boxes match too (account names and ids).
 */
import type { AccessGraph, GraphNode } from '../analysis/types';
import type { NodeType } from './vocabulary';
import { nodeTypeOf } from './vocabulary';

/** One search hit. */
export interface SearchHit {
  readonly id: string;
  readonly label: string;
  readonly kind: GraphNode['kind'];
  /** The visual type (its icon). */
  readonly type: NodeType;
  readonly account: string | undefined;
}

function rank(node: GraphNode, query: string): number {
  const label = node.label.toLowerCase();
  const id = node.id.toLowerCase();
  if (label === query || id === query) return 0;
  if (label.startsWith(query)) return 1;
  if (label.includes(query)) return 2;
  if (id.includes(query)) return 3;
  return -1;
}

/** Nodes matching `query`, best first, at most `limit`. */
export function searchNodes(graph: AccessGraph | undefined, query: string, limit = 50): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (graph === undefined || q === '') return [];
  const hits: { node: GraphNode; rank: number }[] = [];
  for (const node of graph.nodes) {
    const r = rank(node, q);
    if (r >= 0) hits.push({ node, rank: r });
  }
  hits.sort((a, b) => a.rank - b.rank || a.node.label.length - b.node.label.length || (a.node.id < b.node.id ? -1 : 1));
  return hits.slice(0, limit).map(({ node }) => ({ id: node.id, label: node.label, kind: node.kind, type: nodeTypeOf(node), account: node.account }));
}
