/**
 * The analysis hooks `check` uses for role-chain and finding assertions in Node: reachability through
 * the exact engine, findings from a full analysis (run only when the scenario has finding assertions).
 */
import { runAnalysis } from '../analysis/analyzeScenario';
import { checkFindingAssertion, checkReachAssertion } from '../analysis/assertions';
import { DEFAULT_ENGINE } from '../analysis/defaultEngine';
import type { Scenario } from '../model/types';
import { prepareNodeEnv } from './analyzeCommand';
import type { CheckHooks } from './checkCommand';

/** Hooks for checking `scenario`'s role-chain and finding assertions. */
export async function nodeCheckHooks(scenario: Scenario): Promise<CheckHooks> {
  const hasFindings = scenario.assertions.some((a) => a.type === 'finding');
  const graph = hasFindings ? runAnalysis(scenario, await prepareNodeEnv([scenario])).graph : undefined;
  return {
    checkReachAssertion: (assertion, compiled, s) => {
      const check = checkReachAssertion(DEFAULT_ENGINE, compiled, s, assertion);
      return { passed: check.passed, actual: check.actual, ...(check.path.length > 0 ? { detail: `via ${check.path.join(' → ')}` } : {}) };
    },
    ...(graph === undefined ? {} : { checkFindingAssertion: (assertion) => checkFindingAssertion(graph, assertion) }),
  };
}
