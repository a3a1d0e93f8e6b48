/**
 * The analysis benchmark: full analysis of the bench org (`analysisOrg.ts`) at sizes S, M and L, the
 * incremental recompute of M after a one-policy edit (the median of five successive edits, and the first
 * on its own; each edit parsed from the previous text as the app does, and again from fresh parses:
 * `analysis.M.freshParseIncrementalMs`), an edit as the app's worker and page see it (`analysis.M.editMs`: text in, graph out,
 * through the wire encoding and a structured clone), and the peak memory of L. Each size runs in a child
 * process (`analysisRun.ts`), so that every figure starts from a cold heap and L's peak RSS is measured
 * by the operating system rather than estimated. A run that exceeds its time limit is reported as
 * `analysis.<size>.timedOut: 1` with `ms` the limit.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnalysisSize } from './analysisOrg';

/** Options of the analysis benchmark. */
export interface AnalysisBenchOptions {
  readonly sizes?: readonly AnalysisSize[];
  /** Per-size time limit in milliseconds (`ANALYSIS_BENCH_TIMEOUT_MS`, default 10 minutes). */
  readonly timeoutMs?: number;
}

const RUNNER = fileURLToPath(new URL('./analysisRun.ts', import.meta.url));

function runSize(
  size: AnalysisSize,
  incremental: boolean,
  timeoutMs: number,
): Record<string, number> | undefined {
  const args = [
    '--max-old-space-size=4096',
    '--import',
    'tsx',
    RUNNER,
    size,
    ...(incremental ? ['--incremental'] : []),
  ];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 20,
  });
  if (child.error !== undefined || child.signal !== null) return undefined;
  if (child.status !== 0) throw new Error(`analysis bench ${size} failed: ${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error(`analysis bench ${size}: unexpected output ${line}`);
  return Object.fromEntries(
    Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/** Runs the analysis benchmark and returns its figures. */
export async function benchAnalysis(options: AnalysisBenchOptions = {}): Promise<Record<string, number>> {
  await Promise.resolve();
  const timeoutMs = options.timeoutMs ?? Number(process.env.ANALYSIS_BENCH_TIMEOUT_MS ?? 600_000);
  const out: Record<string, number> = {};
  for (const size of options.sizes ?? (['S', 'M', 'L'] as const)) {
    const figures = runSize(size, size === 'M', timeoutMs);
    if (figures === undefined) {
      out[`analysis.${size}.ms`] = timeoutMs;
      out[`analysis.${size}.timedOut`] = 1;
      continue;
    }
    out[`analysis.${size}.ms`] = figures.ms ?? 0;
    out[`analysis.${size}.cpuMs`] = figures.cpuMs ?? 0;
    out[`analysis.${size}.edges`] = figures.edges ?? 0;
    out[`analysis.${size}.evaluations`] = figures.evaluations ?? 0;
    if (size === 'M' && figures.incrementalMs !== undefined)
      out['analysis.M.incrementalMs'] = figures.incrementalMs;
    if (size === 'M' && figures.incrementalCpuMs !== undefined)
      out['analysis.M.incrementalCpuMs'] = figures.incrementalCpuMs;
    if (size === 'M' && figures.firstIncrementalMs !== undefined)
      out['analysis.M.firstIncrementalMs'] = figures.firstIncrementalMs;
    if (size === 'M' && figures.firstIncrementalCpuMs !== undefined)
      out['analysis.M.firstIncrementalCpuMs'] = figures.firstIncrementalCpuMs;
    if (size === 'M' && figures.freshParseIncrementalMs !== undefined)
      out['analysis.M.freshParseIncrementalMs'] = figures.freshParseIncrementalMs;
    if (size === 'M' && figures.editMs !== undefined) out['analysis.M.editMs'] = figures.editMs;
    if (size === 'L') out['analysis.L.peakMB'] = figures.peakMB ?? 0;
  }
  return out;
}
