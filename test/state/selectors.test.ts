import { describe, expect, it } from 'vitest';
import type { AccessGraph } from '../../src/analysis/types';
import {
  ALICE,
  APP_ROLE,
  DATA,
  DATA_BUCKET,
  DATA_KEY,
  MGMT,
  ORDERS_FN,
  ORDERS_QUEUE,
  PARTNER_ROLE,
  READER_ROLE,
  ROOT,
  sampleGraph,
  SUBNET,
  WORKLOADS,
  CROSS_ROLE,
  PUBLIC_BUCKET,
} from '../../src/graph/fixtures/sampleGraph';
import {
  effectiveAccessOf,
  explorerTree,
  findingsAbout,
  reachersOf,
  type TreeItem,
} from '../../src/state/selectors';

function shape(items: readonly TreeItem[]): unknown[] {
  return items.map((item) =>
    item.children.length === 0 ? item.node.id : { [item.node.id]: shape(item.children) },
  );
}

describe('selectors', () => {
  const graph: AccessGraph = sampleGraph();

  it('lists what a principal reaches by account and resource, with the roles it goes through', () => {
    const rows = effectiveAccessOf(graph, ALICE);
    expect(
      rows.map((r) => [r.accountLabel, r.label, r.decision, r.levels.map((l) => l.level), r.via]),
    ).toStrictEqual([
      ['Data', '1111aaaa-2222-3333-4444-555555555555', 'allowed', ['Write'], [APP_ROLE, READER_ROLE]],
      ['Data', 'prod-data', 'allowed', ['List', 'Read'], [APP_ROLE, READER_ROLE]],
      ['Management', 'subnet-0a1b2c3d', 'allowed', ['Write'], [APP_ROLE]],
      ['Workloads', 'orders', 'allowed', ['Read', 'Write'], [APP_ROLE]],
      ['Workloads', 'process-orders', 'allowed', ['Read', 'Write', 'Permissions management', 'Tagging'], []],
    ]);
    expect(rows.map((r) => r.resource).sort()).toStrictEqual(
      [DATA_BUCKET, DATA_KEY, ORDERS_FN, ORDERS_QUEUE, SUBNET].sort(),
    );
    expect(effectiveAccessOf(graph, ALICE)).toBe(rows);
    expect(effectiveAccessOf(graph, 'nobody')).toStrictEqual([]);
  });

  it('lists who reaches a resource, allowed before conditional', () => {
    const rows = reachersOf(graph, DATA_BUCKET);
    expect(rows.map((r) => [r.principal, r.decision, r.via])).toStrictEqual([
      [CROSS_ROLE, 'allowed', []],
      [READER_ROLE, 'allowed', []],
      [ALICE, 'allowed', [APP_ROLE, READER_ROLE]],
      [APP_ROLE, 'allowed', [READER_ROLE]],
      [PARTNER_ROLE, 'conditional', [CROSS_ROLE]],
    ]);
    expect(rows.at(-1)?.conditions.map((c) => c.condition.key)).toStrictEqual(['sts:ExternalId']);
  });

  it('builds the Explorer tree from the organization down, with what sits outside after it', () => {
    const tree = explorerTree(graph);
    expect(explorerTree(graph)).toBe(tree);
    const top = tree.map((item) => item.node.id);
    expect(top[0]).toBe(ROOT);
    const root = shape(tree)[0] as Record<string, unknown[]>;
    const ous = root[ROOT]!;
    expect(
      ous.map((entry) => (typeof entry === 'string' ? entry : Object.keys(entry as object)[0])),
    ).toStrictEqual(['ou-a1b2-dev00001', 'ou-a1b2-prod0001', MGMT]);
    const workloads = tree[0]!.children
      .find((c) => c.node.id === 'ou-a1b2-prod0001')!
      .children.find((c) => c.node.id === WORKLOADS)!;
    expect(workloads.children.map((c) => c.node.kind)).toStrictEqual([
      'user',
      'group',
      'role',
      'role',
      'idp',
      'resource',
      'resource',
      'resource',
    ]);
    expect(workloads.children.find((c) => c.node.id === PUBLIC_BUCKET)?.findings).toBe(1);
    expect(tree.some((item) => item.node.id === DATA)).toBe(false);
  });

  it('finds the findings about a subject', () => {
    expect(findingsAbout(graph, PUBLIC_BUCKET).map((f) => f.code)).toStrictEqual(['public-access']);
    expect(findingsAbout(graph, ALICE)).toStrictEqual([]);
  });
});
