/**
 * `accessgraph analyze <scenario.json> [--json]`: the access graph, findings and reachability, as a
 * human summary or as the full `AccessGraph` JSON. Also prepares analysis environments for the other
 * commands that analyse (`diff`).
 */
import { runAnalysis, type AnalysisEnv } from '../analysis/analyzeScenario';
import { DEFAULT_ENGINE } from '../analysis/defaultEngine';
import type { AnalysisEngine } from '../analysis/engineApi';
import { parseManagedDocuments, scenarioRequirements } from '../analysis/requirements';
import type { AccessGraph, GraphNode, LevelSummary } from '../analysis/types';
import { createCatalog, type Catalog } from '../catalog/Catalog';
import { createManagedPolicyStore } from '../catalog/managedPolicies';
import type { Scenario } from '../model/types';
import { writeJson } from './jsonLines';
import { createNodeCatalogSource } from './nodeCatalogSource';
import { createNodeManagedPolicySource } from './nodeManagedPolicySource';

/** Where a command writes its output. */
export interface CommandOutput {
  out(line: string): void;
}

let catalog: Promise<Catalog> | undefined;

/**
 * An analysis environment for `scenarios` in Node: the installed iam-data (only the services the scenarios
 * need) and the AWS managed policies they attach, with the given engine (the real one by default).
 */
export async function prepareNodeEnv(scenarios: readonly Scenario[], engine: AnalysisEngine = DEFAULT_ENGINE): Promise<AnalysisEnv> {
  catalog ??= createCatalog(createNodeCatalogSource());
  const c = await catalog;
  const needs = scenarios.map(scenarioRequirements);
  await c.loadServices(needs.flatMap((n) => n.services));
  const arns = needs.flatMap((n) => n.managedPolicies);
  const rawManaged = arns.length === 0 ? new Map<string, unknown>() : await createManagedPolicyStore(createNodeManagedPolicySource()).load(arns);
  return { engine, catalog: c, rawManaged, awsManaged: parseManagedDocuments(rawManaged) };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function label(nodes: ReadonlyMap<string, GraphNode>, id: string): string {
  return nodes.get(id)?.label ?? id;
}

/** Access per level as `Read 3/20, List 1+2?/4`: allowed, then conditional (`?`), of the level's actions. */
export function levelsText(levels: readonly LevelSummary[]): string {
  return levels.map((l) => `${l.level} ${l.allowed}${l.conditional > 0 ? `+${l.conditional}?` : ''}/${l.total}`).join(', ');
}

/** The human summary of a graph, one line per entry. */
export function summarizeGraph(graph: AccessGraph, title: string): string[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const lines = [`${title}`, `nodes: ${graph.nodes.length} (${countBy(graph.nodes, (n) => n.kind)})`, `edges: ${graph.edges.length} (${countBy(graph.edges, (e) => e.kind)})`];
  const assume = graph.edges.filter((e) => e.kind === 'can-assume');
  if (assume.length > 0) {
    lines.push('', 'role assumption:');
    for (const e of assume) {
      const conditions = e.conditions.map((c) => c.condition.key).join(', ');
      const why = e.decision === 'blocked' ? ` (blocked: ${e.blockedBy?.reason ?? 'denied'})` : conditions === '' ? '' : ` (needs ${conditions})`;
      lines.push(`  ${e.decision.padEnd(11)} ${e.source} → ${e.target}${e.chained ? ' [chained]' : ''}${why}`);
    }
  }
  if (graph.reachability.byPrincipal.length > 0) {
    lines.push('', 'reachability:');
    for (const entry of graph.reachability.byPrincipal) {
      lines.push(`  ${entry.principal}: ${entry.roles.length} role(s), ${entry.resources.length} resource(s)`);
      for (const r of entry.resources) {
        lines.push(`    ${r.decision === 'allowed' ? '✓' : '?'} ${label(nodes, r.resource)}: ${levelsText(r.levels)}`);
      }
    }
  }
  lines.push('', `findings: ${graph.findings.length}`);
  for (const f of graph.findings) lines.push(`  ${f.severity.padEnd(6)} ${f.code}: ${f.message}`);
  return lines;
}

/** Runs `analyze`; resolves to the exit code (0: the analysis ran). `engine` is for tests. */
export async function runAnalyze(scenario: Scenario, io: CommandOutput, json: boolean, engine: AnalysisEngine = DEFAULT_ENGINE): Promise<number> {
  const env = await prepareNodeEnv([scenario], engine);
  const { graph } = runAnalysis(scenario, env);
  // In lines: a dense organization's graph is longer than the longest string V8 can build.
  if (json) writeJson(graph, (text) => io.out(text));
  else summarizeGraph(graph, scenario.title).forEach((line) => io.out(line));
  return 0;
}
