/**
 * `accessgraph check <scenario.json>…`: runs every assertion of a scenario. Request assertions are decided
 * here with the exact engine; role-chain (`via: role-chain`) and finding assertions are decided by the
 * analysis layer through the `checkReachAssertion` / `checkFindingAssertion` hooks. Without a hook such an
 * assertion counts as a failure ("not supported by this build"), never as a pass.
 */
import { evaluate, type CompiledScenario } from '../engine/index';
import { formatJsonPath } from '../model/ids';
import type { FindingAssertion, ReachAssertion, RequestAssertion, Scenario } from '../model/types';
import { conditionText, statementText } from './explainText';
import { compileForCli } from './evaluateCommand';

/** The verdict of one assertion checked by the analysis layer. */
export interface AssertionCheck {
  readonly passed: boolean;
  /** The actual outcome (`Reachable`, `Absent`, …). */
  readonly actual: string;
  /** Extra words for a failure line (the path found, …). */
  readonly detail?: string;
}

/** Extension points the analysis layer provides. */
export interface CheckHooks {
  readonly checkReachAssertion?: (assertion: ReachAssertion, compiled: CompiledScenario, scenario: Scenario) => AssertionCheck;
  readonly checkFindingAssertion?: (assertion: FindingAssertion, compiled: CompiledScenario, scenario: Scenario) => AssertionCheck;
}

/** Where the command writes. */
export interface CheckOutput {
  out(line: string): void;
}

/** Counts of one scenario's assertions. */
export interface CheckResult {
  readonly passed: number;
  readonly failed: number;
}

function matches(expect: RequestAssertion['expect'], decision: string): boolean {
  return expect === decision || (expect === 'Deny' && decision !== 'Allow');
}

function requestFailure(compiled: CompiledScenario, a: RequestAssertion): string | undefined {
  const result = evaluate(compiled, { principal: a.principal, action: a.action, resource: a.resource, context: a.context, ...(a.parameters === undefined ? {} : { parameters: a.parameters }) });
  if (matches(a.expect, result.decision)) return undefined;
  const e = result.explanation;
  const why = e.invalid !== undefined ? `${e.reason}: ${e.invalid}` : e.reason;
  const deciding = e.deciding.length > 0 ? `; deciding ${e.deciding.map(statementText).join(', ')}` : '';
  const needs = (e.needs ?? []).length > 0 ? `; needs ${(e.needs ?? []).map(conditionText).join(', ')}` : '';
  const level = e.steps.find((s) => s.step === e.step)?.level;
  return `expected ${a.expect}, got ${result.decision} (${why} at ${e.step}${level === undefined ? '' : ` level ${level}`}${deciding}${needs}${e.impliedAction === undefined ? '' : `; implied action ${e.impliedAction}`})`;
}

/** Runs every assertion of `scenario` (read from `file`), printing one line per failure. */
export function runCheck(scenario: Scenario, file: string, io: CheckOutput, hooks: CheckHooks = {}): CheckResult {
  const compiled = compileForCli(scenario);
  let passed = 0;
  let failed = 0;
  for (const a of scenario.assertions) {
    let failure: string | undefined;
    if (a.type === 'request') failure = requestFailure(compiled, a);
    else {
      const check = a.type === 'reach' ? hooks.checkReachAssertion?.(a, compiled, scenario) : hooks.checkFindingAssertion?.(a, compiled, scenario);
      if (check === undefined) failure = `${a.type === 'reach' ? 'role-chain' : 'finding'} assertions are not supported by this build`;
      else if (!check.passed) failure = `expected ${a.expect}, got ${check.actual}${check.detail === undefined ? '' : ` (${check.detail})`}`;
    }
    if (failure === undefined) passed++;
    else {
      failed++;
      io.out(`${file}: ${formatJsonPath(a.path)}: FAIL "${a.name}": ${failure}`);
    }
  }
  return { passed, failed };
}
