import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyzeCommand';
import { parseScenarioText } from '../../src/model/parseScenario';
import type { Scenario } from '../../src/model/types';
import { MINI_ENGINE } from '../analysis/support/miniEngine';

function fixture(name: string): Scenario {
  const { scenario } = parseScenarioText(readFileSync(new URL(`../fixtures/conformance/${name}`, import.meta.url), 'utf8'));
  if (scenario === undefined) throw new Error(name);
  return scenario;
}

async function capture(run: (io: { out(line: string): void }) => Promise<number>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run({ out: (line) => lines.push(line) });
  return { code, lines };
}

describe('accessgraph analyze', () => {
  it('prints a summary with role assumption, reachability and findings', async () => {
    const { code, lines } = await capture((io) => runAnalyze(fixture('T055-third-party-external-id.json'), io, false, MINI_ENGINE));
    expect(code).toBe(0);
    expect(lines[0]).toBe('A third-party trust with sts:ExternalId');
    expect(lines).toContain('  conditional arn:aws:iam::333333333333:user/carol → arn:aws:iam::111111111111:role/target (needs sts:ExternalId)');
    expect(lines).toContain('  arn:aws:iam::333333333333:user/carol: 1 role(s), 0 resource(s)');
    expect(lines.filter((l) => l.includes('external-access'))).toHaveLength(2);
  });

  it('prints the full graph as JSON with --json', async () => {
    const { code, lines } = await capture((io) => runAnalyze(fixture('T055-third-party-external-id.json'), io, true, MINI_ENGINE));
    expect(code).toBe(0);
    const graph = JSON.parse(lines.join('\n')) as { version: number; nodes: unknown[]; edges: { kind: string }[]; findings: unknown[]; reachability: { byPrincipal: unknown[] } };
    expect(graph.version).toBe(1);
    expect(graph.edges.map((e) => e.kind).sort()).toStrictEqual(['can-assume', 'grants']);
    expect(graph.reachability.byPrincipal).toHaveLength(1);
  });
});
