/**
 * Runs a scenario's assertions through `runCheck` (src/cli/checkCommand.ts) — the same code as
 * `accessgraph check` — once it and the engine exist. Until then `loadChecker` returns `undefined` and
 * the engine-backed lesson tests are skipped, not faked.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import type { Scenario } from '../../src/model/types';

/** What one check run reported. */
export interface CheckOutcome {
  readonly passed: number;
  readonly failed: number;
  /** Everything `runCheck` printed (failure lines name the failing assertion). */
  readonly lines: readonly string[];
}

/** Checks one scenario's assertions. */
export type Checker = (scenario: Scenario) => CheckOutcome;

const CHECK_COMMAND = new URL('../../src/cli/checkCommand.ts', import.meta.url);

/** The checker, or `undefined` while `runCheck` or the engine has not landed. */
export async function loadChecker(): Promise<Checker | undefined> {
  if (DEFAULT_ENGINE === undefined || !existsSync(CHECK_COMMAND)) return undefined;
  const module: unknown = await import(/* @vite-ignore */ CHECK_COMMAND.href);
  const runCheck: unknown = typeof module === 'object' && module !== null && 'runCheck' in module ? module.runCheck : undefined;
  if (typeof runCheck !== 'function') return undefined;
  return (scenario) => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const result: unknown = Reflect.apply(runCheck, undefined, [scenario, 'lesson.json', io]);
    if (typeof result !== 'object' || result === null || !('passed' in result) || !('failed' in result)) throw new Error('invariant: runCheck returns { passed, failed }');
    const { passed, failed } = result;
    if (typeof passed !== 'number' || typeof failed !== 'number') throw new Error('invariant: runCheck returns numeric counts');
    return { passed, failed, lines };
  };
}
