/**
 * Byte-identity guard for analysis optimisations: hashes of the graph JSON (evaluation counters zeroed)
 * of the bench org for the full analysis, the incremental recompute after one edit, and the full
 * analysis of the edited org, with the CPU time of each. Not part of `npm run bench`.
 *
 * `node --import tsx scripts/bench/analysisHash.ts <S|M|L>`
 */
import { createHash } from 'node:crypto';
import { runAnalysis, type AnalysisSnapshot } from '../../src/analysis/analyzeScenario';
import { prepareNodeEnv } from '../../src/cli/analyzeCommand';
import { parseScenarioValue } from '../../src/model/parseScenario';
import type { Scenario } from '../../src/model/types';
import { analysisOrg, ANALYSIS_SIZES, editedOrg, type AnalysisSize } from './analysisOrg';

function parse(value: unknown): Scenario {
  const { scenario } = parseScenarioValue(value);
  if (scenario === undefined) throw new Error('bench org does not parse');
  return scenario;
}

function digest(snapshot: AnalysisSnapshot): string {
  const stats = { ...snapshot.graph.stats, evaluations: 0, naiveEvaluations: 0, reused: 0 };
  return createHash('sha256').update(JSON.stringify({ ...snapshot.graph, stats })).digest('hex').slice(0, 16);
}

function cpuMs<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return [value, Math.round((used.user + used.system) / 1000)];
}

async function main(): Promise<void> {
  const size = process.argv[2];
  if (size === undefined || !(size in ANALYSIS_SIZES)) throw new Error('usage: analysisHash.ts <S|M|L>');
  const value = analysisOrg(size as AnalysisSize);
  const before = parse(value);
  const after = parse(editedOrg(value));
  const env = await prepareNodeEnv([before, after]);
  const [full, fullMs] = cpuMs(() => runAnalysis(before, env));
  const [incremental, incMs] = cpuMs(() => runAnalysis(after, env, full));
  const [edited, editedMs] = cpuMs(() => runAnalysis(after, env));
  const out = { size, full: digest(full), incremental: digest(incremental), edited: digest(edited), fullCpuMs: fullMs, incrementalCpuMs: incMs, editedCpuMs: editedMs, incEvaluations: incremental.graph.stats.evaluations };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
