/**
 * The analysis side of `accessgraph check`: role-chain reachability assertions (`"via": "role-chain"`,
 * each hop evaluated exactly with the assertion's context) and finding assertions (a finding code on a
 * subject, `Present` or `Absent`).
 */
import { parseIamArn } from '../model/arns';
import type { FindingAssertion, ReachAssertion, Scenario } from '../model/types';
import type { AnalysisEngine } from './engineApi';
import { indexScenario } from './scenarioIndex';
import { callerFacts, specMayName, statementCoversAction } from './statementMatch';
import type { AccessGraph } from './types';

/** The outcome of a reach assertion. */
export interface ReachCheck {
  readonly passed: boolean;
  readonly actual: 'Reachable' | 'Unreachable';
  /** When reachable: the principals in order, from the assertion's principal to the one allowed. */
  readonly path: readonly string[];
}

/** The outcome of a finding assertion. */
export interface FindingCheck {
  readonly passed: boolean;
  readonly actual: 'Present' | 'Absent';
}

function assumeActionOf(principal: string): string {
  const kind = parseIamArn(principal)?.kind;
  return kind === 'saml-provider' ? 'sts:AssumeRoleWithSAML' : kind === 'oidc-provider' ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole';
}

/**
 * Checks a role-chain assertion: breadth-first over roles whose trust policy may name the caller, each
 * `AssumeRole*` hop and the final request evaluated exactly (`engine.evaluate`) with the assertion's
 * context; the chain may be empty (the principal itself). Cycle-safe.
 */
export function checkReachAssertion(engine: AnalysisEngine, compiled: unknown, scenario: Scenario, assertion: ReachAssertion): ReachCheck {
  const index = indexScenario(scenario, new Map());
  const context = assertion.context;
  const parents = new Map<string, string | undefined>([[assertion.principal, undefined]]);
  const queue = [assertion.principal];
  while (queue.length > 0) {
    const current = queue.shift() ?? '';
    const final = engine.evaluate(compiled, { principal: current, action: assertion.action, resource: assertion.resource, context });
    if (final.decision === 'Allow') {
      const path: string[] = [];
      for (let at: string | undefined = current; at !== undefined; at = parents.get(at)) path.unshift(at);
      return { passed: assertion.expect === 'Reachable', actual: 'Reachable', path };
    }
    const action = current === assertion.principal ? assumeActionOf(current) : 'sts:AssumeRole';
    const facts = callerFacts(current, current.split(':')[4], index.principals.get(current)?.userArn);
    for (const role of index.roles.values()) {
      if (parents.has(role.arn) || role.trustPolicy === undefined) continue;
      const named = role.trustPolicy.statements.some((s) => s.effect === 'Allow' && s.principal !== undefined && statementCoversAction(s, action) && (specMayName(s.principal, facts) || s.principal.Federated.includes(current)));
      if (!named) continue;
      if (engine.evaluate(compiled, { principal: current, action, resource: role.arn, context }).decision !== 'Allow') continue;
      parents.set(role.arn, current);
      queue.push(role.arn);
    }
  }
  return { passed: assertion.expect === 'Unreachable', actual: 'Unreachable', path: [] };
}

/** Checks a finding assertion against an analysed graph (code and subject compared exactly). */
export function checkFindingAssertion(graph: AccessGraph, assertion: FindingAssertion): FindingCheck {
  const present = graph.findings.some((f) => f.code === assertion.finding && f.subject === assertion.subject);
  const actual = present ? 'Present' : 'Absent';
  return { passed: actual === assertion.expect, actual };
}
