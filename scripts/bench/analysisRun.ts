/**
 * One analysis bench run in its own process (so that its peak RSS is its own): builds the bench org of
 * a size, prepares the Node environment (catalog services, managed policies; not timed), times one full
 * analysis and, with `--incremental`, five successive one-policy edits recomputed incrementally (each
 * parsed from the previous text, as the app's worker parses it), the same five from fresh parses
 * (`freshParseIncrementalMs`), then five edits the way the app's worker and page see them (`editMs`).
 * Prints one JSON line: `{ ms, cpuMs, incrementalMs?, incrementalCpuMs?, firstIncrementalMs?,
 * firstIncrementalCpuMs?, freshParseIncrementalMs?, editMs?, peakMB, edges, evaluations }` (CPU time is the figure to compare on a loaded
 * machine).
 *
 * `node --import tsx scripts/bench/analysisRun.ts <S|M|L> [--incremental]`
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { createCatalog } from '../../src/catalog/Catalog';
import { createManagedPolicyStore } from '../../src/catalog/managedPolicies';
import { createNodeCatalogSource } from '../../src/cli/nodeCatalogSource';
import { createNodeManagedPolicySource } from '../../src/cli/nodeManagedPolicySource';
import { createDispatcherState, handleRequest } from '../../src/worker/dispatch';
import { createGraphDecoder, createGraphEncoder } from '../../src/worker/graphWire';
import { PROTOCOL_VERSION } from '../../src/worker/protocol';
import { runAnalysis, type AnalysisEnv, type AnalysisSnapshot } from '../../src/analysis/analyzeScenario';
import { prepareNodeEnv } from '../../src/cli/analyzeCommand';
import { parseScenarioTextFrom } from '../../src/model/incrementalParse';
import { parseScenarioValue } from '../../src/model/parseScenario';
import type { Scenario } from '../../src/model/types';
import { analysisOrg, ANALYSIS_SIZES, editedOrg, type AnalysisSize } from './analysisOrg';

function parse(value: unknown): Scenario {
  const { scenario, diagnostics } = parseScenarioValue(value);
  if (scenario === undefined)
    throw new Error(
      `bench org does not parse: ${diagnostics.find((d) => d.severity === 'error')?.message ?? ''}`,
    );
  return scenario;
}

/** CPU time of the whole process (every thread, so GC and compiler threads count) since `start`. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * What a user waits for after an edit in the app, short of drawing: the worker's dispatcher receives the
 * whole text, parses it from the previous text, lints, analyses incrementally; the result is encoded for
 * the wire, structured-cloned (as `postMessage` does) and decoded by the page. Median of five edits after
 * one untimed full analysis.
 */
async function editThroughWorker(value: unknown, editedValue: unknown): Promise<number> {
  const catalog = createCatalog(createNodeCatalogSource());
  const state = createDispatcherState({
    engine: DEFAULT_ENGINE,
    catalog: () => Promise.resolve(catalog),
    managedPolicies: createManagedPolicyStore(createNodeManagedPolicySource()),
    yieldControl: () => Promise.resolve(),
    now: () => performance.now(),
  });
  const encode = createGraphEncoder();
  const decode = createGraphDecoder();
  const texts = [JSON.stringify(value, null, 2), JSON.stringify(editedValue, null, 2)];
  const walls: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    let graph: unknown;
    await handleRequest(
      state,
      { v: PROTOCOL_VERSION, id: i + 1, type: 'analyze', text: texts[i % 2] },
      (response) => {
        if (response.type === 'result')
          graph = (decode(structuredClone(encode(response))) as { result: { graph?: unknown } }).result.graph;
      },
    );
    if (graph === undefined) throw new Error('bench org: the worker returned no graph');
    if (i > 0) walls.push(Math.round((performance.now() - t) * 10) / 10);
  }
  return median(walls);
}

/** Timed one-policy edits, each analysed from the previous snapshot: wall and CPU milliseconds of each. */
function timeEdits(
  env: AnalysisEnv,
  start: AnalysisSnapshot,
  count: number,
  next: (i: number) => Scenario,
): { walls: number[]; cpus: number[]; evaluations: number; last: AnalysisSnapshot } {
  const walls: number[] = [];
  const cpus: number[] = [];
  let evaluations = 0;
  let previous = start;
  for (let i = 0; i < count; i++) {
    const scenario = next(i);
    const t = performance.now();
    const c = process.cpuUsage();
    const snapshot = runAnalysis(scenario, env, previous);
    walls.push(Math.round((performance.now() - t) * 10) / 10);
    cpus.push(cpuMsSince(c));
    if (i === 0) evaluations = snapshot.graph.stats.evaluations;
    previous = snapshot;
  }
  return { walls, cpus, evaluations, last: previous };
}

async function main(): Promise<void> {
  const size = process.argv[2];
  if (size === undefined || !(size in ANALYSIS_SIZES))
    throw new Error(`usage: analysisRun.ts <${Object.keys(ANALYSIS_SIZES).join('|')}> [--incremental]`);
  const incremental = process.argv.includes('--incremental');
  const value = analysisOrg(size as AnalysisSize);
  const editedValue = editedOrg(value);
  // With edits to follow, the scenario is parsed from its text, as the app's worker parses it
  // (dispatch.ts), so that each edit can be parsed from the previous text; otherwise from the value.
  const texts = [JSON.stringify(value, null, 2), JSON.stringify(editedValue, null, 2)] as const;
  let text = incremental ? parseScenarioTextFrom(undefined, texts[0]) : undefined;
  const before = text?.result.scenario ?? parse(value);
  const after = parse(editedValue);
  const env = await prepareNodeEnv([before, after]);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const snapshot = runAnalysis(before, env);
  const ms = performance.now() - start;
  const figures: Record<string, number> = {
    ms: Math.round(ms),
    cpuMs: cpuMsSince(cpu),
    edges: snapshot.graph.edges.length,
    evaluations: snapshot.graph.stats.evaluations,
  };
  if (text !== undefined) {
    // Five successive one-policy edits (the edit, then undoing it, and so on), each from the previous
    // snapshot, as a user editing in the app makes them. The first runs code the full analysis never ran
    // (not yet optimised by the JIT) and collects the full run's garbage, so it is reported on its own;
    // the headline figure is the median of the five. Parsing is not timed; each edit is parsed from the
    // previous text's parse, as in the app, so only the edited document is new and the rest of the
    // scenario is the previous parse's objects.
    const app = timeEdits(env, snapshot, 5, (i) => {
      text = parseScenarioTextFrom(text, texts[(i + 1) % 2] as string);
      return text.result.scenario as Scenario;
    });
    figures.incrementalEvaluations = app.evaluations;
    figures.firstIncrementalMs = app.walls[0] as number;
    figures.firstIncrementalCpuMs = app.cpus[0] as number;
    figures.incrementalMs = median(app.walls);
    figures.incrementalCpuMs = median(app.cpus);
    // The same edits each from a fresh parse, which shares no object with the previous scenario (a
    // reload, the command line): the edit is then found by comparing the two scenarios in full.
    const fresh = timeEdits(env, app.last, 5, (i) => parse(i % 2 === 0 ? value : editedValue));
    figures.freshParseIncrementalMs = median(fresh.walls);
    figures.editMs = await editThroughWorker(value, editedValue);
  }
  // maxRSS is in kilobytes: the process's peak resident set, heap and everything else.
  figures.peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
