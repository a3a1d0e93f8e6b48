import { describe, expect, it } from 'vitest';
import { countChangedAccessEdges } from '../../src/analysis/diff';
import type { AccessGraph } from '../../src/analysis/types';
import type { AppState } from '../../src/state/AppState';
import type { AccessDiff } from '../../src/analysis/diffTypes';
import { changeTotals, LISTED_CHANGE_EDGES, selectAccessChanges } from '../../src/state/selectors';

/** A graph of `n` access edges, each one action; `flipped` of them conditional instead of allowed. */
function graph(n: number, flipped = 0): AccessGraph {
  const edges = Array.from({ length: n }, (_, i) => ({
    id: `effective-access|arn:aws:iam::111111111111:role/r${i}|arn:aws:s3:::b`,
    kind: 'effective-access',
    source: `arn:aws:iam::111111111111:role/r${i}`,
    target: 'arn:aws:s3:::b',
    decision: i < flipped ? 'conditional' : 'allowed',
    grants: [
      {
        actions: ['s3:ListBucket'],
        resource: undefined,
        decision: i < flipped ? 'conditional' : 'allowed',
        statements: [],
        conditions: [],
        via: undefined,
      },
    ],
  }));
  return {
    nodes: [],
    edges,
    findings: [],
    actionLevels: { 's3:ListBucket': ['List'] },
    omitted: undefined,
  } as unknown as AccessGraph;
}

function state(baseline: AccessGraph, shown: AccessGraph): AppState {
  return { analysis: { baseline, graph: shown } } as unknown as AppState;
}

describe('access changes on the page', () => {
  it('counts the access edges that differ without expanding them', () => {
    expect(countChangedAccessEdges(graph(50), graph(50))).toBe(0);
    expect(countChangedAccessEdges(graph(50), graph(50, 7))).toBe(7);
    expect(countChangedAccessEdges(graph(50), graph(45))).toBe(5);
  });

  it('lists the changes up to the limit of edges, and gives the count beyond it', () => {
    const before = graph(LISTED_CHANGE_EDGES + 1);
    const listed = selectAccessChanges(state(before, graph(LISTED_CHANGE_EDGES + 1, LISTED_CHANGE_EDGES)));
    expect(listed.kind === 'diff' ? [listed.count, listed.diff.summary] : listed).toStrictEqual([
      LISTED_CHANGE_EDGES,
      { added: 0, removed: 0, changed: LISTED_CHANGE_EDGES },
    ]);
    expect(
      selectAccessChanges(state(before, graph(LISTED_CHANGE_EDGES + 1, LISTED_CHANGE_EDGES + 1))),
    ).toStrictEqual({ kind: 'many', edges: LISTED_CHANGE_EDGES + 1 });
    expect(
      selectAccessChanges(state(before, { ...before, omitted: {} } as unknown as AccessGraph)),
    ).toStrictEqual({ kind: 'untracked' });
  });
  it('counts role assumptions gained and lost with the access in the totals the panel and chip show', () => {
    const diff = {
      access: [],
      assume: [
        { change: 'added', principal: 'a', role: 'r', before: undefined, after: 'allowed' },
        { change: 'changed', principal: 'b', role: 'r', before: 'allowed', after: 'conditional' },
      ],
      summary: { added: 2, removed: 1, changed: 0 },
    } as unknown as AccessDiff;
    expect(changeTotals(diff)).toStrictEqual({ added: 3, removed: 1, changed: 1 });
    expect(diff.summary).toStrictEqual({ added: 2, removed: 1, changed: 0 });
  });
});
