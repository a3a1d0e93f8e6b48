/**
 * `accessgraph evaluate <scenario.json> --principal ARN --action A --resource ARN [--context k=v]… [--json]`:
 * one exact decision with its explanation, as a readable step-by-step trace or (with `--json`) as one
 * JSON document holding the request, the decision, the explanation and the engine's diagnostics.
 * `--principal` and `--resource` take an ARN or the name of one declared entity (`alice`, `prod-bucket`).
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

/** Where the command writes: the answer to `out`, a name it cannot resolve to `err`. */
export interface EvaluateOutput {
  out(line: string): void;
  err(line: string): void;
}

/** A name resolved to the one scenario ARN it stands for, or the ARNs it could stand for. */
type Named = { readonly arn: string } | { readonly arn: undefined; readonly candidates: readonly string[] };

/**
 * What `--principal alice` or `--resource prod-bucket` stands for, as in the query commands: a value with
 * a colon, `anonymous` or a service principal is taken as written (an ARN, an account id, a request on
 * any object); else the one declared ARN ending in `/name` or `:name` (exactly, then ignoring case).
 */
export function resolveName(arns: readonly string[], name: string): Named {
  if (name.includes(':') || /^\d{12}$/.test(name) || name === 'anonymous' || name.endsWith('.amazonaws.com')) return { arn: name };
  const ends = (arn: string, n: string): boolean => arn.endsWith(`/${n}`) || arn.endsWith(`:${n}`);
  const lower = name.toLowerCase();
  for (const matches of [arns.filter((a) => ends(a, name)), arns.filter((a) => ends(a.toLowerCase(), lower))]) {
    if (matches.length === 1) return { arn: matches[0] as string };
    if (matches.length > 1) return { arn: undefined, candidates: matches };
  }
  return { arn: undefined, candidates: arns.filter((a) => a.toLowerCase().includes(lower)) };
}

function principalArns(scenario: Scenario): string[] {
  return [...scenario.users, ...scenario.roles, ...scenario.sessions].map((p) => p.arn);
}

function resourceArns(scenario: Scenario): string[] {
  return [...scenario.resources.map((r) => r.arn), ...scenario.roles.map((r) => r.arn)];
}

/** Resolves `--principal` and `--resource`, or reports the one that names nothing or several things. */
function resolveRequest(scenario: Scenario, args: EvaluateArgs, io: EvaluateOutput): { principal: string; resource: string } | undefined {
  const principal = resolveName(principalArns(scenario), args.principal);
  const resource = resolveName(resourceArns(scenario), args.resource);
  for (const [option, name, named] of [['--principal', args.principal, principal], ['--resource', args.resource, resource]] as const) {
    if (named.arn !== undefined) continue;
    io.err(`${option} ${name}: ${named.candidates.length > 1 && named.candidates.some((c) => c.endsWith(`/${name}`) || c.endsWith(`:${name}`)) ? `names ${named.candidates.length} entities; give the ARN` : 'names nothing declared in the scenario; give an ARN'}`);
    if (named.candidates.length > 0) io.err(`  did you mean: ${named.candidates.slice(0, 5).join(', ')}${named.candidates.length > 5 ? `, … (${named.candidates.length} in all)` : ''}`);
    return undefined;
  }
  return { principal: principal.arn as string, resource: resource.arn as string };
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
  const named = resolveRequest(scenario, args, io);
  if (named === undefined) return 2;
  const compiled = compileForCli(scenario);
  const request: Request = { principal: named.principal, action: args.action, resource: named.resource, context: args.context };
  const result = evaluate(compiled, request);
  if (args.json) {
    io.out(JSON.stringify({ request, decision: result.decision, explanation: result.explanation, diagnostics: compiled.diagnostics }, null, 2));
    return evaluateExitCode(result);
  }
  io.out(`${request.principal} → ${args.action} → ${request.resource}`);
  for (const line of explanationLines(result.decision, result.explanation)) io.out(line);
  for (const d of compiled.diagnostics) io.out(`note: ${d.message} [${d.code}]`);
  return evaluateExitCode(result);
}
