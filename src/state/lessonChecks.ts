/**
 * Live checks of a lesson against the scenario on screen: checkpoints, try-it goals and keeps, and the
 * engine's answer to each predict question. Every decision comes from the engine in the worker (the
 * UI never evaluates); role-chain assertions walk the graph's `can-assume` edges, each hop and the
 * final request evaluated exactly with the assertion's context, as `accessgraph check` does.
 */
import type { AccessGraph } from '../analysis/types';
import type { EvaluationResult, Request } from '../engine/types';
import type { AssertionJson, LessonRequest } from '../lessons';
import type { EngineClient } from '../worker/EngineClient';

/** The outcome of one assertion: `error` when the engine could not answer (an unknown principal…). */
export const CHECK_STATUSES = ['pending', 'pass', 'fail', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** The role-chain walk stops after this many principals (a lesson has a handful). */
const MAX_CHAIN_NODES = 64;

/** The engine request of a lesson request. */
export function lessonRequest(request: LessonRequest): Request {
  return request.context === undefined
    ? { principal: request.principal, action: request.action, resource: request.resource }
    : { principal: request.principal, action: request.action, resource: request.resource, context: request.context };
}

/** Whether a decision meets a request assertion's expectation (`Deny` accepts either kind of deny). */
export function decisionMeets(decision: EvaluationResult['decision'], expect: string): boolean {
  if (expect === 'Deny') return decision !== 'Allow';
  return decision === expect;
}

async function reachable(engine: EngineClient, graph: AccessGraph, request: Request): Promise<boolean> {
  const seen = new Set([request.principal]);
  const queue = [request.principal];
  while (queue.length > 0 && seen.size <= MAX_CHAIN_NODES) {
    const current = queue.shift() ?? '';
    const final = await engine.evaluate({ ...request, principal: current });
    if (final.decision === 'Allow') return true;
    for (const edge of graph.edges) {
      if (edge.kind !== 'can-assume' || edge.source !== current || seen.has(edge.target)) continue;
      const hop: Request = { principal: current, action: edge.action, resource: edge.target, ...(request.context === undefined ? {} : { context: request.context }) };
      if ((await engine.evaluate(hop)).decision !== 'Allow') continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return false;
}

/** Checks one assertion against the last analysed scenario. */
export async function checkAssertion(engine: EngineClient, graph: AccessGraph, assertion: AssertionJson): Promise<CheckStatus> {
  try {
    if ('finding' in assertion) {
      const present = graph.findings.some((f) => f.code === assertion.finding && f.subject === assertion.subject);
      return (present ? 'Present' : 'Absent') === assertion.expect ? 'pass' : 'fail';
    }
    const request = lessonRequest(assertion);
    if ('via' in assertion) {
      const reached = await reachable(engine, graph, request);
      return (reached ? 'Reachable' : 'Unreachable') === assertion.expect ? 'pass' : 'fail';
    }
    const result = await engine.evaluate(request);
    return decisionMeets(result.decision, assertion.expect) ? 'pass' : 'fail';
  } catch {
    return 'error';
  }
}

/** Checks assertions in order (one engine query at a time keeps the worker responsive). */
export async function checkAll(engine: EngineClient, graph: AccessGraph, assertions: readonly AssertionJson[]): Promise<CheckStatus[]> {
  const out: CheckStatus[] = [];
  for (const assertion of assertions) out.push(await checkAssertion(engine, graph, assertion));
  return out;
}
