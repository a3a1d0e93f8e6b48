/**
 * `accessgraph evaluate <scenario.json> --principal ARN --action A --resource ARN [--context k=v]… [--json]`:
 * one exact decision with its explanation, as a readable step-by-step trace or (with `--json`) as one
 * JSON document holding the request, the decision, the explanation and the engine's diagnostics.
 */
import { compileScenario, evaluate, type CompiledScenario, type EvaluationResult, type Request } from '../engine/index';
import type { Scenario } from '../model/types';
import { explanationLines } from './explainText';
import { nodeManagedPolicyResolver } from './managedPolicyResolver';

/** What `runEvaluate` needs from the command line. */
export interface EvaluateArgs {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string | string[]>;
  readonly json: boolean;
}

/** Where the command writes. */
export interface EvaluateOutput {
  out(line: string): void;
}

/** Invalid reasons that mean the input names something that does not exist (exit code 2). */
const INPUT_ERRORS = new Set(['malformed-request', 'unknown-principal', 'unknown-resource-owner']);

/** Compiles a scenario the way the CLI does: AWS managed policies from the installed package. */
export function compileForCli(scenario: Scenario): CompiledScenario {
  return compileScenario(scenario, { managedPolicies: nodeManagedPolicyResolver() });
}

/** The exit code of an evaluation: 0, or 2 when the request names nothing that exists. */
export function evaluateExitCode(result: EvaluationResult): number {
  return result.explanation.invalid !== undefined && INPUT_ERRORS.has(result.explanation.invalid) ? 2 : 0;
}

/** Runs `evaluate`; returns the exit code. */
export function runEvaluate(scenario: Scenario, args: EvaluateArgs, io: EvaluateOutput): number {
  const compiled = compileForCli(scenario);
  const request: Request = { principal: args.principal, action: args.action, resource: args.resource, context: args.context };
  const result = evaluate(compiled, request);
  if (args.json) {
    io.out(JSON.stringify({ request, decision: result.decision, explanation: result.explanation, diagnostics: compiled.diagnostics }, null, 2));
    return evaluateExitCode(result);
  }
  io.out(`${args.principal} → ${args.action} → ${args.resource}`);
  for (const line of explanationLines(result.decision, result.explanation)) io.out(line);
  for (const d of compiled.diagnostics) io.out(`note: ${d.message} [${d.code}]`);
  return evaluateExitCode(result);
}
