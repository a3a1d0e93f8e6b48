/**
 * Cypher for Neo4j 5 (`cypher-shell -f graph.cypher`): one statement per line, `MERGE` throughout so that
 * importing twice changes nothing. Every node gets the label `AccessGraphNode` plus one per kind, every
 * edge a relationship type per kind, containment an `IN` relationship, and each finding an
 * `AccessGraphFinding` node `ABOUT` its subject. Strings are escaped (`cypher.ts`).
 */
import type { AccessGraph, EdgeKind, Finding, NodeKind } from '../../analysis/types';
import { cypherMap, cypherString } from './cypher';
import { pathText } from './exportText';
import { edgeAttributes, nodeAttributes, findingsBySubject } from './graphAttributes';

/** The label every exported node carries, with a uniqueness constraint on `id`. */
export const NODE_LABEL = 'AccessGraphNode';
/** The label of finding nodes. */
export const FINDING_LABEL = 'AccessGraphFinding';

/** The label of each node kind. */
export const KIND_LABELS: Readonly<Record<NodeKind, string>> = {
  organization: 'Organization',
  ou: 'OrganizationalUnit',
  account: 'Account',
  user: 'User',
  group: 'Group',
  role: 'Role',
  session: 'Session',
  resource: 'Resource',
  share: 'ResourceShare',
  service: 'ServicePrincipal',
  idp: 'IdentityProvider',
  anonymous: 'Anonymous',
};

/** The relationship type of each edge kind. */
export const RELATIONSHIP_TYPES: Readonly<Record<EdgeKind, string>> = {
  'member-of': 'MEMBER_OF',
  'can-assume': 'CAN_ASSUME',
  grants: 'GRANTS',
  shares: 'SHARES',
  'effective-access': 'CAN_ACCESS',
};

function match(a: string, b: string): string {
  return `MATCH (a:${NODE_LABEL} {id: ${cypherString(a)}}), (b:${NODE_LABEL} {id: ${cypherString(b)}})`;
}

function findingStatement(finding: Finding): string {
  const properties = cypherMap({
    code: finding.code,
    severity: finding.severity,
    subject: finding.subject,
    message: finding.message,
    policy: finding.policy === undefined ? undefined : `${finding.policy.kind} ${finding.policy.name}`,
    statement: finding.statement?.index,
    path: pathText(finding.path) || undefined,
  });
  return `MERGE (f:${FINDING_LABEL} {id: ${cypherString(finding.id)}}) SET f += ${properties} WITH f MATCH (s:${NODE_LABEL} {id: ${cypherString(finding.subject)}}) MERGE (f)-[:ABOUT]->(s);`;
}

/** The graph as Cypher statements, one per line: constraints, nodes, containment, edges, findings. */
export function exportCypher(graph: AccessGraph, findings: readonly Finding[] = graph.findings): string {
  const bySubject = findingsBySubject(findings);
  const lines = [
    `CREATE CONSTRAINT accessgraph_node_id IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE;`,
    `CREATE CONSTRAINT accessgraph_finding_id IF NOT EXISTS FOR (f:${FINDING_LABEL}) REQUIRE f.id IS UNIQUE;`,
    ...graph.nodes.map((node) => {
      const { id, ...rest } = nodeAttributes(node, bySubject.get(node.id) ?? []);
      return `MERGE (n:${NODE_LABEL} {id: ${cypherString(String(id))}}) SET n:${KIND_LABELS[node.kind]}, n += ${cypherMap(rest)};`;
    }),
    ...graph.nodes.flatMap((node) => (node.parent === undefined ? [] : [`${match(node.id, node.parent)} MERGE (a)-[:IN]->(b);`])),
    ...graph.edges.map((edge) => {
      const { id, ...rest } = edgeAttributes(edge);
      return `${match(edge.source, edge.target)} MERGE (a)-[r:${RELATIONSHIP_TYPES[edge.kind]} {id: ${cypherString(String(id))}}]->(b) SET r += ${cypherMap(rest)};`;
    }),
    ...findings.map(findingStatement),
  ];
  return `${lines.join('\n')}\n`;
}
