import { describe, expect, it } from 'vitest';
import { computeHighlight, grantsPassing, levelsPassing, NO_HIGHLIGHT } from '../../src/graph/highlight';
import {
  ALICE,
  APP_ROLE,
  CROSS_ROLE,
  DATA_BUCKET,
  DATA_KEY,
  DEV_ROLE,
  LAMBDA,
  ORDERS_FN,
  ORDERS_QUEUE,
  PARTNER_ROLE,
  READER_ROLE,
  sampleGraph,
  SUBNET,
  WORKLOADS,
  ADMINS,
} from '../../src/graph/fixtures/sampleGraph';
import type { EffectiveAccessEdge } from '../../src/analysis/types';

const graph = sampleGraph();

function sorted(set: ReadonlySet<string>): string[] {
  return [...set].sort();
}

function assume(s: string, t: string): string {
  return `can-assume|${s}|${t}`;
}

function access(s: string, t: string): string {
  return `effective-access|${s}|${t}`;
}

describe('computeHighlight', () => {
  it('lights nothing without a selection', () => {
    expect(computeHighlight(graph, undefined)).toBe(NO_HIGHLIGHT);
    expect(computeHighlight(undefined, ALICE)).toBe(NO_HIGHLIGHT);
  });

  it('lights what a principal reaches, with the role chain and the last hop of each path', () => {
    const h = computeHighlight(graph, ALICE);
    expect(h.mode).toBe('principal');
    expect(h.dims).toBe(true);
    expect(sorted(h.nodes)).toStrictEqual([ALICE, APP_ROLE, READER_ROLE, SUBNET, DATA_KEY, ORDERS_FN, DATA_BUCKET, ORDERS_QUEUE].sort());
    expect(sorted(h.edges)).toStrictEqual(
      [assume(ALICE, APP_ROLE), assume(APP_ROLE, READER_ROLE), access(APP_ROLE, ORDERS_QUEUE), access(ALICE, ORDERS_FN), access(READER_ROLE, DATA_BUCKET), access(READER_ROLE, DATA_KEY), access(APP_ROLE, SUBNET)].sort(),
    );
    expect(sorted(h.conditional)).toStrictEqual([]);
  });

  it('lights every principal that reaches a resource, with their chains; conditional reachers are marked', () => {
    const h = computeHighlight(graph, DATA_BUCKET);
    expect(h.mode).toBe('resource');
    expect(sorted(h.nodes)).toStrictEqual([DATA_BUCKET, READER_ROLE, CROSS_ROLE, APP_ROLE, ALICE, PARTNER_ROLE].sort());
    expect(sorted(h.edges)).toStrictEqual(
      [
        access(READER_ROLE, DATA_BUCKET),
        access(CROSS_ROLE, DATA_BUCKET),
        assume(APP_ROLE, READER_ROLE),
        assume(ALICE, APP_ROLE),
        assume(PARTNER_ROLE, CROSS_ROLE),
        `grants|${DATA_BUCKET}|${READER_ROLE}`,
        `grants|${DATA_BUCKET}|${CROSS_ROLE}`,
      ].sort(),
    );
    expect(sorted(h.conditional)).toStrictEqual([PARTNER_ROLE]);
  });

  it('shows who can assume a selected role directly, but not through a blocked trust', () => {
    const h = computeHighlight(graph, READER_ROLE);
    expect(h.nodes.has(APP_ROLE)).toBe(true);
    expect(h.edges.has(assume(APP_ROLE, READER_ROLE))).toBe(true);
    expect(h.nodes.has(DEV_ROLE)).toBe(false);
    expect(h.edges.has(assume(DEV_ROLE, READER_ROLE))).toBe(false);
  });

  it('narrows to the access levels and action pattern asked for', () => {
    const write = computeHighlight(graph, ALICE, { accessLevels: ['Write'] });
    expect(write.nodes.has(DATA_BUCKET)).toBe(false);
    expect(write.nodes.has(ORDERS_QUEUE)).toBe(true);
    expect(write.nodes.has(DATA_KEY)).toBe(true);
    const sqs = computeHighlight(graph, ALICE, { action: 'SQS:*' });
    expect(sorted(sqs.nodes)).toStrictEqual([ALICE, APP_ROLE, READER_ROLE, ORDERS_QUEUE].sort());
  });

  it('lights an edge and its two ends', () => {
    const id = assume(LAMBDA, APP_ROLE);
    const h = computeHighlight(graph, id);
    expect({ mode: h.mode, nodes: sorted(h.nodes), edges: sorted(h.edges) }).toStrictEqual({ mode: 'edge', nodes: [APP_ROLE, LAMBDA].sort(), edges: [id] });
  });

  it('lights a group with its members; a box selects without dimming', () => {
    expect(sorted(computeHighlight(graph, ADMINS).nodes)).toStrictEqual([ADMINS, ALICE].sort());
    const box = computeHighlight(graph, WORKLOADS);
    expect({ mode: box.mode, dims: box.dims, nodes: sorted(box.nodes) }).toStrictEqual({ mode: 'box', dims: false, nodes: [WORKLOADS] });
  });

  it('keeps an unknown selection without lighting anything', () => {
    const h = computeHighlight(graph, 'arn:aws:iam::000000000000:user/ghost');
    expect({ selected: h.selected, nodes: h.nodes.size, dims: h.dims }).toStrictEqual({ selected: 'arn:aws:iam::000000000000:user/ghost', nodes: 0, dims: false });
  });
});

describe('grantsPassing and levelsPassing', () => {
  const edge = graph.edges.find((e): e is EffectiveAccessEdge => e.id === access(ALICE, ORDERS_FN))!;

  it('keeps every grant without filters', () => {
    expect(grantsPassing(edge, graph.actionLevels, {}).map((g) => g.actions)).toStrictEqual([['lambda:AddPermission', 'lambda:GetFunction', 'lambda:InvokeFunction', 'lambda:TagResource']]);
    expect(levelsPassing(edge, graph.actionLevels, {}).map((l) => l.level)).toStrictEqual(['Read', 'Write', 'Permissions management', 'Tagging']);
  });

  it('keeps only the actions at the chosen levels', () => {
    expect(grantsPassing(edge, graph.actionLevels, { accessLevels: ['Tagging'] }).map((g) => g.actions)).toStrictEqual([['lambda:TagResource']]);
    expect(levelsPassing(edge, graph.actionLevels, { action: 'lambda:Get*' }).map((l) => l.level)).toStrictEqual(['Read']);
  });
});
