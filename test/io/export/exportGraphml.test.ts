import { describe, expect, it } from 'vitest';
import { exportGraphml } from '../../../src/io/export/exportGraphml';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from '../../../src/io/export/graphAttributes';
import { escapeXml } from '../../../src/io/export/xml';
import { ALICE, BUCKET, DEPLOY, GRAPH, HOSTILE, ODD, PARTNER } from './fixtureGraph';
import { childrenNamed, parseXml, textOf, type XmlElement } from './xmlCheck';

/** Each node or edge as `{ attribute: value }`, through the document's own `<key>` declarations. */
function records(doc: XmlElement, element: 'node' | 'edge'): Record<string, string>[] {
  const names = new Map(childrenNamed(doc, 'key').map((key) => [key.attributes.id ?? '', key.attributes['attr.name'] ?? '']));
  const graph = childrenNamed(doc, 'graph')[0];
  return childrenNamed(graph!, element).map((item) => {
    const out: Record<string, string> = element === 'edge' ? { '@source': item.attributes.source ?? '', '@target': item.attributes.target ?? '' } : {};
    for (const data of childrenNamed(item, 'data')) out[names.get(data.attributes.key ?? '') ?? '?'] = textOf(data);
    return out;
  });
}

describe('escapeXml', () => {
  it('escapes markup, keeps CR with a reference and replaces characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\r\n\t\u0001\uFFFE\uD800𝄞`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#13;\n\t\uFFFD\uFFFD\uFFFD𝄞');
  });
});

describe('exportGraphml', () => {
  const text = exportGraphml(GRAPH);
  const doc = parseXml(text);

  it('is a well-formed GraphML document that declares every attribute with its type', () => {
    expect([doc.name, doc.attributes.xmlns, childrenNamed(doc, 'graph')[0]?.attributes]).toStrictEqual(['graphml', 'http://graphml.graphdrawing.org/xmlns', { id: 'accessgraph', edgedefault: 'directed' }]);
    const keys = childrenNamed(doc, 'key').map((k) => `${k.attributes.for}:${k.attributes['attr.name']}:${k.attributes['attr.type']}`);
    expect(keys).toStrictEqual([
      ...NODE_ATTRIBUTES.map(([name, type]) => `node:${name}:${type === 'list' ? 'string' : type}`),
      ...EDGE_ATTRIBUTES.map(([name, type]) => `edge:${name}:${type === 'list' ? 'string' : type}`),
    ]);
  });

  it('carries hostile names through unchanged', () => {
    const nodes = records(doc, 'node');
    const odd = ODD.replace('\u0001', '\uFFFD');
    expect(nodes.find((n) => n.id === odd)).toStrictEqual({
      id: odd,
      kind: 'role',
      // The one character XML cannot hold (U+0001) is replaced; everything else survives.
      label: HOSTILE.replace('\u0001', '\uFFFD'),
      parent: '111111111111',
      account: '111111111111',
      partition: 'aws',
      external: 'false',
      path: `$.nodes[${JSON.stringify(ODD)}]`,
      findings: 'missing-external-id',
      findingCount: '1',
      worstSeverity: 'high',
    });
  });

  it('numbers nodes and points edges at the numbers, with typed edge attributes', () => {
    const nodes = records(doc, 'node');
    const number = (id: string): string => `n${nodes.findIndex((n) => n.id === id)}`;
    const edges = records(doc, 'edge');
    expect(edges.length).toBe(GRAPH.edges.length);
    expect(edges[1]).toStrictEqual({
      '@source': number(PARTNER),
      '@target': number(DEPLOY),
      id: `can-assume|${PARTNER}|${DEPLOY}`,
      kind: 'can-assume',
      decision: 'conditional',
      action: 'sts:AssumeRole',
      chained: 'false',
      conditions: `needs StringEquals sts:ExternalId ${JSON.stringify([HOSTILE, 'plain'])}`.replace('\u0001', '\uFFFD'),
      statements: `trust policy of ${DEPLOY} statement 1`,
    });
    expect(edges[2]).toStrictEqual({
      '@source': number(ALICE),
      '@target': number(BUCKET),
      id: `effective-access|${ALICE}|${BUCKET}`,
      kind: 'effective-access',
      decision: 'allowed',
      actions: 's3:GetObject; s3:ListBucket; s3:PutObject',
      allowedActions: 's3:GetObject; s3:ListBucket; s3:PutObject',
      levels: 'List 1/3; Read 1/40; Write 1/30',
      indirect: 'false',
    });
  });

  it('is deterministic', () => {
    expect(exportGraphml(GRAPH)).toBe(text);
  });
});
