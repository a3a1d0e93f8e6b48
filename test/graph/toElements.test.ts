import { describe, expect, it } from 'vitest';
import { computeHighlight } from '../../src/graph/highlight';
import { OUTSIDE_BAND, SHEAF_AT, toElements } from '../../src/graph/toElements';
import { GraphBuilder } from '../../src/graph/fixtures/GraphBuilder';
import type { GraphElements } from '../../src/graph/toElements';
import { GRAPH_CLASSES } from '../../src/graph/vocabulary';
import { graphPanelStrings } from '../../src/ui/graphPanelStrings';
import { sampleGraph, DATA_BUCKET, PUBLIC_BUCKET, CROSS_ROLE, PARTNER_ROLE, WORKLOADS, DATA, OU_PROD, ROOT } from '../../src/graph/fixtures/sampleGraph';
import { A, ALICE, BUCKET, P, PARTNER_ROLE as TINY_PARTNER, ROLE, tinyGraph } from './tinyGraph';

const tiny = tinyGraph();

function ids(elements: GraphElements): { nodes: string[]; edges: string[] } {
  return { nodes: elements.nodes.map((n) => n.data.id).sort(), edges: elements.edges.map((e) => e.data.id).sort() };
}

describe('toElements', () => {
  it('maps the graph to boxes, leaves and edges with stable ids and classes', () => {
    expect(toElements(tiny)).toStrictEqual({
      nodes: [
        { group: 'nodes', data: { id: OUTSIDE_BAND, label: 'Outside the organization', kind: 'band', type: 'band', tip: 'Outside the organization', minWidth: 178 }, classes: 't-band box external' },
        { group: 'nodes', data: { id: 'r-1', label: 'Organization · o-1', kind: 'organization', type: 'organization', tip: 'r-1', minWidth: 147 }, classes: 't-organization box' },
        { group: 'nodes', data: { id: P, label: `Partner · ${P}`, kind: 'account', type: 'account', tip: P, box: OUTSIDE_BAND, minWidth: 176 }, classes: 't-account box external' },
        { group: 'nodes', data: { id: 'ou-1', label: 'Prod', kind: 'ou', type: 'ou', tip: 'ou-1', box: 'r-1', minWidth: 34 }, classes: 't-ou box' },
        { group: 'nodes', data: { id: A, label: `Apps · ${A}`, kind: 'account', type: 'account', tip: A, box: 'ou-1', minWidth: 153 }, classes: 't-account box' },
        { group: 'nodes', data: { id: TINY_PARTNER, label: 'Partner', kind: 'role', type: 'role', tip: TINY_PARTNER, box: P }, classes: 't-role leaf external' },
        { group: 'nodes', data: { id: ROLE, label: 'App', kind: 'role', type: 'role', tip: ROLE, box: A }, classes: 't-role leaf finding-medium' },
        { group: 'nodes', data: { id: ALICE, label: 'alice', kind: 'user', type: 'user', tip: ALICE, box: A }, classes: 't-user leaf' },
        { group: 'nodes', data: { id: BUCKET, label: 'data', kind: 'resource', type: 'bucket', tip: BUCKET, box: A }, classes: 't-bucket leaf' },
      ],
      edges: [
        {
          group: 'edges',
          data: { id: `can-assume|${ALICE}|${ROLE}`, source: ALICE, target: ROLE, kind: 'can-assume', decision: 'allowed', label: '' },
          classes: 'e-can-assume allowed',
        },
        {
          group: 'edges',
          data: { id: `can-assume|${TINY_PARTNER}|${ROLE}`, source: TINY_PARTNER, target: ROLE, kind: 'can-assume', decision: 'conditional', label: 'needs ExternalId' },
          classes: 'e-can-assume conditional',
        },
      ],
    });
  });

  it('draws the access edges of a crowded end as a sheaf', () => {
    const ADMIN = `arn:aws:iam::${A}:role/Admin`;
    const bucket = (i: number): string => `arn:aws:s3:::b-${String(i).padStart(2, '0')}`;
    const builder = new GraphBuilder().organization('r-1', 'o-1').account(A, 'Apps', 'r-1').principal('role', ADMIN).principal('user', ALICE);
    for (let i = 0; i <= SHEAF_AT; i++) builder.resource(bucket(i), A, ['s3:bucket']).access(ADMIN, bucket(i), [{ action: 's3:GetObject', levels: ['Read'] }]);
    builder.access(ALICE, bucket(0), [{ action: 's3:GetObject', levels: ['Read'] }]);
    const graph = builder.build();
    const sheafOf = (selected: string): Record<string, boolean> =>
      Object.fromEntries(
        toElements(graph, { highlight: computeHighlight(graph, selected) })
          .edges.filter((e) => e.data.kind === 'effective-access')
          .map((e) => [e.data.id, e.classes.split(' ').includes('sheaf')]),
      );
    // SHEAF_AT + 1 edges from the admin role: every one in the sheaf.
    const fromAdmin = sheafOf(ADMIN);
    expect(Object.keys(fromAdmin)).toHaveLength(SHEAF_AT + 1);
    expect(Object.values(fromAdmin).every(Boolean)).toBe(true);
    // Alice's one edge is not crowded; a bucket with two reachers neither.
    expect(sheafOf(ALICE)).toStrictEqual({ [`effective-access|${ALICE}|${bucket(0)}`]: false });
    expect(Object.values(sheafOf(bucket(0)))).toStrictEqual([false, false]);
    // Selecting one edge of the sheaf draws that edge alone, at full weight and with its label.
    const picked = `effective-access|${ADMIN}|${bucket(3)}`;
    expect(sheafOf(picked)).toStrictEqual({ [picked]: false });
    // One fewer edge and there is no sheaf.
    const few = new GraphBuilder().organization('r-1', 'o-1').account(A, 'Apps', 'r-1').principal('role', ADMIN);
    for (let i = 0; i < SHEAF_AT; i++) few.resource(bucket(i), A, ['s3:bucket']).access(ADMIN, bucket(i), [{ action: 's3:GetObject', levels: ['Read'] }]);
    const small = few.build();
    const drawn = toElements(small, { highlight: computeHighlight(small, ADMIN) }).edges.filter((e) => e.data.kind === 'effective-access');
    expect(drawn).toHaveLength(SHEAF_AT);
    expect(drawn.some((e) => e.classes.includes('sheaf'))).toBe(false);
  });

  it('draws effective access only for the selection, and dims the rest', () => {
    const elements = toElements(tiny, { highlight: computeHighlight(tiny, ALICE) });
    expect(elements.edges.map((e) => [e.data.id, e.classes, e.data.label])).toStrictEqual([
      [`can-assume|${ALICE}|${ROLE}`, 'e-can-assume allowed lit', ''],
      [`can-assume|${TINY_PARTNER}|${ROLE}`, 'e-can-assume conditional dim', 'needs ExternalId'],
      [`effective-access|${ROLE}|${BUCKET}`, 'e-effective-access allowed breadth-2 lit', 'Read · Write'],
    ]);
    const classes = Object.fromEntries(elements.nodes.map((n) => [n.data.id, n.classes]));
    expect(classes).toStrictEqual({
      [OUTSIDE_BAND]: 't-band box external dim',
      'r-1': 't-organization box',
      [P]: 't-account box external dim',
      'ou-1': 't-ou box',
      [A]: 't-account box',
      [TINY_PARTNER]: 't-role leaf external dim',
      [ROLE]: 't-role leaf finding-medium lit',
      [ALICE]: 't-user leaf selected lit',
      [BUCKET]: 't-bucket leaf lit',
    });
  });

  it('names access levels on edges in the panel’s language', () => {
    const strings = graphPanelStrings('ja');
    const elements = toElements(tiny, { highlight: computeHighlight(tiny, ALICE), strings });
    expect(elements.edges.find((e) => e.data.kind === 'effective-access')?.data.label).toBe('読み取り · 書き込み');
  });

  it('marks what a resource is reached by only under conditions', () => {
    const elements = toElements(tiny, { highlight: computeHighlight(tiny, BUCKET) });
    expect(elements.nodes.find((n) => n.data.id === TINY_PARTNER)?.classes).toBe('t-role leaf external lit lit-conditional');
    expect(elements.edges.find((e) => e.data.id === `effective-access|${ROLE}|${BUCKET}`)?.classes).toBe('e-effective-access allowed breadth-2 lit');
  });

  it('uses only classes from the vocabulary', () => {
    const sample = sampleGraph();
    const vocabulary = new Set<string>(GRAPH_CLASSES);
    for (const selected of [undefined, DATA_BUCKET, CROSS_ROLE, `can-assume|${PARTNER_ROLE}|${CROSS_ROLE}`]) {
      const elements = toElements(sample, { highlight: computeHighlight(sample, selected), collapsed: new Set([DATA]), focus: [WORKLOADS], searchHits: [PUBLIC_BUCKET] });
      for (const ele of [...elements.nodes, ...elements.edges]) for (const name of ele.classes.split(' ')) expect(vocabulary.has(name), name).toBe(true);
    }
  });

  it('lists outer boxes before what they hold', () => {
    const elements = toElements(sampleGraph());
    const seen = new Set<string>();
    for (const node of elements.nodes) {
      if (node.data.box !== undefined) expect(seen.has(node.data.box), node.data.id).toBe(true);
      seen.add(node.data.id);
    }
  });
});

describe('toElements filters', () => {
  it('keeps only the chosen node types; accounts and what holds them stay, so the organization keeps its shape', () => {
    expect(ids(toElements(tiny, { filters: { types: ['user'] } }))).toStrictEqual({ nodes: ['111111111111', P, OUTSIDE_BAND, ALICE, 'ou-1', 'r-1'].sort(), edges: [] });
  });

  it('keeps only the chosen accounts', () => {
    expect(ids(toElements(tiny, { filters: { accounts: [P] } }))).toStrictEqual({ nodes: [P, OUTSIDE_BAND, TINY_PARTNER].sort(), edges: [] });
  });

  it('keeps external nodes and what touches them', () => {
    expect(ids(toElements(tiny, { filters: { onlyExternal: true } }))).toStrictEqual({
      nodes: ['111111111111', P, OUTSIDE_BAND, TINY_PARTNER, ROLE, 'ou-1', 'r-1'].sort(),
      edges: [`can-assume|${TINY_PARTNER}|${ROLE}`],
    });
  });

  it('keeps the subjects of findings', () => {
    expect(ids(toElements(tiny, { filters: { onlyFindings: true } })).nodes).toStrictEqual(['111111111111', ROLE, 'ou-1', 'r-1'].sort());
  });

  it('draws every grant on demand', () => {
    const sample = sampleGraph();
    const grants = (e: GraphElements) => e.edges.filter((edge) => edge.data.kind === 'grants').length;
    expect(grants(toElements(sample))).toBe(0);
    expect(grants(toElements(sample, { filters: { showGrants: true } }))).toBe(3);
  });

  it('keeps the selection even when a filter would hide it', () => {
    const elements = toElements(tiny, { filters: { types: ['bucket'] }, highlight: computeHighlight(tiny, ALICE) });
    expect(elements.nodes.some((n) => n.data.id === ALICE)).toBe(true);
  });
});

describe('toElements collapsed boxes', () => {
  it('hides the contents, counts them, and draws their edges to the box', () => {
    const sample = sampleGraph();
    const elements = toElements(sample, { collapsed: new Set([DATA]) });
    const box = elements.nodes.find((n) => n.data.id === DATA);
    expect(box?.data.label).toBe(`Data · ${DATA}\n5 inside`);
    expect(box?.classes).toBe('t-account box collapsed');
    expect(elements.nodes.some((n) => n.data.box === DATA)).toBe(false);
    expect(elements.edges.filter((e) => e.classes.includes('aggregate')).map((e) => [e.data.id, e.data.label]).sort()).toStrictEqual([
      [`agg|can-assume|allowed|arn:aws:iam::111111111111:role/AppRole|${DATA}`, ''],
      [`agg|can-assume|conditional|${PARTNER_ROLE}|${DATA}`, ''],
      [`agg|can-assume|blocked|arn:aws:iam::444444444444:role/DevRole|${DATA}`, ''],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });

  it('collapses an OU with everything inside', () => {
    const elements = toElements(sampleGraph(), { collapsed: new Set([OU_PROD]) });
    expect(elements.nodes.filter((n) => n.data.box === OU_PROD)).toStrictEqual([]);
    expect(elements.nodes.find((n) => n.data.id === OU_PROD)?.data.box).toBe(ROOT);
  });
});
