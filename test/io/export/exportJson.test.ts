import { describe, expect, it } from 'vitest';
import { buildReport, exportJson, REPORT_FORMAT } from '../../../src/io/export/exportJson';
import { GRAPH } from './fixtureGraph';

describe('exportJson', () => {
  it('wraps the graph in a versioned report with a summary', () => {
    const report: unknown = JSON.parse(exportJson(GRAPH, GRAPH.findings, { title: 'Fixture', generatedAt: '2026-01-02T03:04:05Z' }));
    expect(report).toStrictEqual({
      format: REPORT_FORMAT,
      graphVersion: 1,
      title: 'Fixture',
      generatedAt: '2026-01-02T03:04:05Z',
      summary: {
        nodes: { organization: 1, ou: 1, account: 2, user: 1, group: 1, role: 3, session: 0, resource: 1, share: 1, service: 0, idp: 0, anonymous: 0 },
        edges: { 'member-of': 1, 'can-assume': 2, grants: 1, shares: 1, 'effective-access': 2 },
        findings: { high: 2, medium: 1, low: 0, info: 0 },
        actions: { allowed: 3, conditional: 1 },
      },
      // The graph's own records, as JSON writes them (undefined fields left out).
      ...(JSON.parse(JSON.stringify({ nodes: GRAPH.nodes, edges: GRAPH.edges, findings: GRAPH.findings, reachability: GRAPH.reachability, actionLevels: GRAPH.actionLevels, stats: GRAPH.stats })) as object),
    });
  });

  it('reports only the findings given and leaves out what the caller did not give', () => {
    const report = buildReport(GRAPH, GRAPH.findings.slice(2));
    expect([Object.keys(report), report.findings.map((f) => f.code), report.summary.findings]).toStrictEqual([
      ['format', 'graphVersion', 'summary', 'nodes', 'edges', 'findings', 'reachability', 'actionLevels', 'stats'],
      ['external-access'],
      { high: 0, medium: 1, low: 0, info: 0 },
    ]);
  });

  it('is deterministic text with a final newline', () => {
    const text = exportJson(GRAPH);
    expect([text === exportJson(GRAPH), text.endsWith('}\n'), text.startsWith('{\n  "format": "accessgraph-report/v1",\n  "graphVersion": 1,\n')]).toStrictEqual([true, true, true]);
  });
});
