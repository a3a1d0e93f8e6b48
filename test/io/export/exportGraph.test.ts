/**
 * Every format over real analyses (the conformance scenarios, analysed with the analysis tests' stand-in
 * engine): each output parses with the strict readers and holds exactly what the graph holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyzeScenario';
import type { AccessGraph } from '../../../src/analysis/types';
import { EXPORT_FORMATS, EXPORT_MEDIA, exportCsv, exportGraph, isExportFormat } from '../../../src/io/export';
import { conformanceScenarios, envFor } from '../../analysis/support/env';
import { MINI_ENGINE } from '../../analysis/support/miniEngine';
import { readCypher } from './cypherCheck';
import { parseCsv } from './rfc4180';
import { childrenNamed, parseXml } from './xmlCheck';

let graphs: [string, AccessGraph][] = [];
beforeAll(async () => {
  const out: [string, AccessGraph][] = [];
  for (const [file, scenario] of conformanceScenarios()) out.push([file, runAnalysis(scenario, await envFor(scenario, MINI_ENGINE)).graph]);
  graphs = out;
}, 60_000);

function actionCount(graph: AccessGraph): number {
  return graph.edges.reduce((n, e) => n + (e.kind === 'effective-access' ? e.grants.reduce((m, g) => m + g.actions.length, 0) : 0), 0);
}

describe('exportGraph over real analyses', () => {
  it('analyses enough to matter', () => {
    expect(graphs.length).toBeGreaterThan(80);
    expect(graphs.reduce((n, [, g]) => n + actionCount(g), 0)).toBeGreaterThan(100);
  });

  it('writes JSON that reads back as the graph', () => {
    for (const [file, graph] of graphs) {
      const report = JSON.parse(exportGraph('json', graph)) as { nodes: unknown; edges: unknown; summary: { actions: { allowed: number; conditional: number } } };
      expect([report.nodes, report.edges], file).toStrictEqual(JSON.parse(JSON.stringify([graph.nodes, graph.edges])));
      expect(report.summary.actions.allowed + report.summary.actions.conditional, file).toBe(actionCount(graph));
    }
  });

  it('writes one CSV row per action and one per finding', () => {
    for (const [file, graph] of graphs) {
      expect(parseCsv(exportGraph('csv', graph)).length - 1, file).toBe(actionCount(graph));
      expect(parseCsv(exportCsv(graph, graph.findings, 'findings')).length - 1, file).toBe(graph.findings.length);
    }
  });

  it('writes well-formed GraphML with every node and edge', () => {
    for (const [file, graph] of graphs) {
      const g = childrenNamed(parseXml(exportGraph('graphml', graph)), 'graph')[0]!;
      expect([childrenNamed(g, 'node').length, childrenNamed(g, 'edge').length], file).toStrictEqual([graph.nodes.length, graph.edges.length]);
    }
  });

  it('writes Cypher with one statement per node, parent link, edge and finding', () => {
    for (const [file, graph] of graphs) {
      const parents = graph.nodes.filter((n) => n.parent !== undefined).length;
      expect(readCypher(exportGraph('cypher', graph)).length, file).toBe(2 + graph.nodes.length + parents + graph.edges.length + graph.findings.length);
    }
  });

  it('names its formats and their media', () => {
    expect([EXPORT_FORMATS, EXPORT_FORMATS.map((f) => EXPORT_MEDIA[f].extension), ['json', 'xml'].map(isExportFormat)]).toStrictEqual([
      ['json', 'csv', 'graphml', 'cypher'],
      ['json', 'csv', 'graphml', 'cypher'],
      [true, false],
    ]);
  });
});
