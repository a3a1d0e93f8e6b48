/**
 * Runs a scenario's assertions through `runCheck` (src/cli/checkCommand.ts) — the code behind
 * `accessgraph check` — with the analysis layer's hooks for role-chain and finding assertions. Until
 * `runCheck` and the engine exist, `loadChecker` returns `undefined` and the engine-backed lesson tests
 * are skipped, not faked.
 */
import { existsSync } from 'node:fs';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { checkFindingAssertion, checkReachAssertion } from '../../src/analysis/assertions';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { prepareNodeEnv } from '../../src/cli/analyzeCommand';
import type { FindingAssertion, ReachAssertion, Scenario } from '../../src/model/types';

/** What one check run reported. */
export interface CheckOutcome {
  readonly passed: number;
  readonly failed: number;
  /** Everything `runCheck` printed (one line per failing assertion). */
  readonly lines: readonly string[];
}

/** Checks one scenario's assertions. */
export type Checker = (scenario: Scenario) => Promise<CheckOutcome>;

const CHECK_COMMAND = new URL('../../src/cli/checkCommand.ts', import.meta.url);

/** The checker, or `undefined` while `runCheck` or the engine has not landed. */
export async function loadChecker(): Promise<Checker | undefined> {
  const engine: unknown = DEFAULT_ENGINE;
  if (engine === undefined || !existsSync(CHECK_COMMAND)) return undefined;
  const module: unknown = await import(/* @vite-ignore */ CHECK_COMMAND.href);
  const runCheck: unknown = typeof module === 'object' && module !== null && 'runCheck' in module ? module.runCheck : undefined;
  if (typeof runCheck !== 'function') return undefined;
  return async (scenario) => {
    const graph = runAnalysis(scenario, await prepareNodeEnv([scenario])).graph;
    const hooks = {
      checkReachAssertion: (a: ReachAssertion, compiled: unknown, s: Scenario) => {
        const check = checkReachAssertion(DEFAULT_ENGINE, compiled, s, a);
        return { passed: check.passed, actual: check.actual, detail: check.path.join(' → ') };
      },
      checkFindingAssertion: (a: FindingAssertion) => checkFindingAssertion(graph, a),
    };
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const result: unknown = Reflect.apply(runCheck, undefined, [scenario, 'lesson.json', io, hooks]);
    if (typeof result !== 'object' || result === null || !('passed' in result) || !('failed' in result)) throw new Error('invariant: runCheck returns { passed, failed }');
    const { passed, failed } = result;
    if (typeof passed !== 'number' || typeof failed !== 'number') throw new Error('invariant: runCheck returns numeric counts');
    return { passed, failed, lines };
  };
}
