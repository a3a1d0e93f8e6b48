/**
 * GraphML (http://graphml.graphdrawing.org/) for yEd, Gephi, NetworkX and Cytoscape desktop: one node per
 * graph node and one edge per graph edge, with typed `<data>` attributes (`graphAttributes.ts`; lists are
 * joined with `; `). GraphML ids must be XML name tokens, which ARNs are not, so elements are numbered
 * (`n0`, `e0`) and the real id is the `id` attribute.
 */
import type { AccessGraph, Finding } from '../../analysis/types';
import { LIST_SEPARATOR } from './exportText';
import { EDGE_ATTRIBUTES, edgeAttributes, findingsBySubject, nodeAttributes, NODE_ATTRIBUTES, type AttributeType, type AttributeValue } from './graphAttributes';
import { escapeXml } from './xml';

/** The GraphML `attr.type` of each attribute type. */
const GRAPHML_TYPES: Readonly<Record<AttributeType, string>> = { string: 'string', boolean: 'boolean', int: 'int', list: 'string' };

type Attributes = readonly (readonly [string, AttributeType])[];

function keyElements(prefix: string, target: 'node' | 'edge', attributes: Attributes): string[] {
  return attributes.map(([name, type], i) => `  <key id="${prefix}${i}" for="${target}" attr.name="${name}" attr.type="${GRAPHML_TYPES[type]}"/>`);
}

function text(value: AttributeValue): string {
  if (value === undefined) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : value.join(LIST_SEPARATOR);
}

function dataElements(prefix: string, attributes: Attributes, values: Partial<Record<string, AttributeValue>>): string {
  return attributes
    .map(([name], i) => ({ key: `${prefix}${i}`, value: text(values[name]) }))
    .filter(({ value }) => value !== '')
    .map(({ key, value }) => `<data key="${key}">${escapeXml(value)}</data>`)
    .join('');
}

/** The graph as a GraphML document (UTF-8, directed), with findings summarised on their subject nodes. */
export function exportGraphml(graph: AccessGraph, findings: readonly Finding[] = graph.findings): string {
  const bySubject = findingsBySubject(findings);
  const numbers = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const edges = graph.edges.flatMap((edge, i) => {
    const source = numbers.get(edge.source);
    const target = numbers.get(edge.target);
    // Analysis draws edges only between its own nodes; a hand-made graph that does not still yields valid GraphML.
    if (source === undefined || target === undefined) return [];
    return [`    <edge id="e${i}" source="${source}" target="${target}">${dataElements('ke', EDGE_ATTRIBUTES, edgeAttributes(edge))}</edge>`];
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyElements('kn', 'node', NODE_ATTRIBUTES),
    ...keyElements('ke', 'edge', EDGE_ATTRIBUTES),
    '  <graph id="accessgraph" edgedefault="directed">',
    ...graph.nodes.map((node, i) => `    <node id="n${i}">${dataElements('kn', NODE_ATTRIBUTES, nodeAttributes(node, bySubject.get(node.id) ?? []))}</node>`),
    ...edges,
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}
