/**
 * A small stand-in IAM engine for analysis tests: the SEMANTICS §2.4 flow in its common paths (explicit
 * deny, RCP and SCP gates, same- and cross-account grants, strict trust policies, boundaries), with
 * every condition unknown in three-valued mode and false in exact mode. It is deliberately stricter than
 * the analysis prefilter (case-sensitive resource parts, unresolved variables match nothing), so tests
 * that compare prefiltered and naive analyses exercise the "superset" property for real.
 */
import type { AnalysisEngine } from '../../../src/analysis/engineApi';
import { indexScenario, type PolicySite, type ScenarioIndex } from '../../../src/analysis/scenarioIndex';
import { statementRef } from '../../../src/analysis/policySites';
import { callerFacts, specMayName, statementCoversAction } from '../../../src/analysis/statementMatch';
import type { AnalysisResult, DecisionReason, FlowStep, Request, StatementRef } from '../../../src/engine/types';
import { parseArn } from '../../../src/model/ids';
import type { ConditionEntry, Statement } from '../../../src/model/policy';
import type { Scenario } from '../../../src/model/types';

type T = 'T' | 'U' | 'F';

interface Compiled {
  readonly index: ScenarioIndex;
}

function strictResource(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  if (pattern.includes('${')) return false;
  const p = parseArn(pattern);
  const a = parseArn(arn);
  if (p === undefined || a === undefined) return false;
  const glob = (x: string, flags: string): RegExp => new RegExp(`^${x.replace(/[.+^${}()|[\]\\/-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags);
  return (
    glob(p.partition, 'i').test(a.partition) &&
    p.service.toLowerCase() === a.service.toLowerCase() &&
    glob(p.region, 'i').test(a.region) &&
    glob(p.account, 'i').test(a.account) &&
    glob(p.resource, 's').test(a.resource)
  );
}

function resourceMatches(statement: Statement, arn: string, trust: boolean): boolean {
  if (trust) return true;
  if (statement.resource !== undefined) return statement.resource.some((p) => strictResource(p, arn));
  return !(statement.notResource ?? []).some((p) => strictResource(p, arn));
}

interface Hit {
  readonly truth: T;
  readonly ref: StatementRef;
  readonly conditions: readonly ConditionEntry[];
}

function hits(sites: readonly PolicySite[], req: Request, arn: string, trust: boolean, principalSide: ((s: Statement) => boolean) | undefined, exact: boolean): Hit[] {
  const out: Hit[] = [];
  for (const site of sites) {
    if (!site.document.valid) continue;
    for (const s of site.document.statements) {
      if (!statementCoversAction(s, req.action) || !resourceMatches(s, arn, trust)) continue;
      if (principalSide !== undefined && !principalSide(s)) continue;
      const truth: T = s.conditions.length === 0 ? 'T' : exact ? (s.effect === 'Deny' ? 'F' : 'F') : 'U';
      if (truth !== 'F') out.push({ truth, ref: statementRef(site.ref, s), conditions: s.conditions });
    }
  }
  return out;
}

function any(list: readonly Hit[], effect: 'Allow' | 'Deny'): T {
  const of = list.filter((h) => h.ref.effect === effect);
  return of.some((h) => h.truth === 'T') ? 'T' : of.length > 0 ? 'U' : 'F';
}

function and(a: T, b: T): T {
  return a === 'F' || b === 'F' ? 'F' : a === 'U' || b === 'U' ? 'U' : 'T';
}

function or(a: T, b: T): T {
  return a === 'T' || b === 'T' ? 'T' : a === 'U' || b === 'U' ? 'U' : 'F';
}

function result(decision: AnalysisResult['decision'], step: FlowStep, reason: DecisionReason, deciding: readonly Hit[], avoids: readonly Hit[] = []): AnalysisResult {
  const needs = decision === 'Conditional' ? deciding.filter((h) => h.truth === 'U').flatMap((h) => h.conditions) : [];
  return {
    decision,
    explanation: { step, reason, deciding: deciding.map((h) => h.ref), steps: [{ step, outcome: decision === 'Allow' ? 'allow' : 'deny', statements: [] }], ...(decision === 'Conditional' ? { needs, avoids: avoids.flatMap((h) => h.conditions) } : {}) },
  };
}

function evaluate(compiled: Compiled, req: Request, exact: boolean): AnalysisResult {
  const { index } = compiled;
  const principal = index.principals.get(req.principal);
  const role = index.roles.get(req.resource);
  const trust = role !== undefined && req.action.toLowerCase().startsWith('sts:assumerole');
  const bucket = req.resource.startsWith('arn:aws:s3:::') ? req.resource.slice(13).split('/')[0] : undefined;
  const resource = index.resources.get(req.resource) ?? (bucket === undefined ? undefined : index.resources.get(`arn:aws:s3:::${bucket}`));
  const resourceAccount = role !== undefined ? req.resource.split(':')[4] : (resource?.account ?? parseArn(req.resource)?.account);
  if (resourceAccount === undefined || resourceAccount === '') return result('ImplicitDeny', 'preflight', 'invalid-request', []);
  if (principal === undefined && index.accounts.has(req.principal)) return result('ImplicitDeny', 'preflight', 'invalid-request', []);
  const facts = callerFacts(req.principal, principal?.account ?? req.principal.split(':')[4], principal?.userArn);
  const rbpSites: PolicySite[] = trust
    ? role.trustPolicy === undefined ? [] : [{ ref: { kind: 'trust', name: 'trust', owner: role.arn, path: role.trustPolicy.path }, document: role.trustPolicy }]
    : resource?.policy === undefined ? [] : [{ ref: { kind: 'resource', name: 'resource', owner: resource.arn, path: resource.policy.path }, document: resource.policy }];
  const names = (s: Statement): boolean => (s.principal !== undefined ? specMayName(s.principal, facts) || (facts.service === undefined && s.principal.Federated.includes(req.principal)) : s.notPrincipal !== undefined);
  const rbp = hits(rbpSites, req, req.resource, trust, names, exact);
  const identity = principal === undefined ? [] : hits(principal.identity, req, req.resource, false, undefined, exact);
  const session = principal === undefined || principal.session.length === 0 ? undefined : hits(principal.session, req, req.resource, false, undefined, exact);
  const boundary = principal?.boundary === undefined ? undefined : hits([principal.boundary], req, req.resource, false, undefined, exact);
  const scp = principal === undefined || principal.serviceLinked ? [] : index.controlLevels(principal.account, 'SCP');
  const rcp = principal?.serviceLinked === true ? [] : index.controlLevels(resourceAccount, 'RCP');
  const gates = [...scp.map((l) => ({ l, kind: 'scp' as const })), ...rcp.map((l) => ({ l, kind: 'rcp' as const }))];
  const gateHits = gates.map((g) => ({ ...g, hits: g.l.sites.length === 0 ? undefined : hits(g.l.sites, req, req.resource, false, undefined, exact) }));
  const denies = [...rbp, ...identity, ...(boundary ?? []), ...(session ?? []), ...gateHits.flatMap((g) => g.hits ?? [])].filter((h) => h.ref.effect === 'Deny');
  if (denies.some((h) => h.truth === 'T')) return result('ExplicitDeny', 'explicit-deny', 'explicit-deny', denies.filter((h) => h.truth === 'T'));
  let truth: T = 'T';
  for (const g of gateHits) {
    // RCPFullAWSAccess is always attached (ORG-RCP-SYNTAX): only RCP denies matter.
    if (g.hits === undefined || g.kind === 'rcp') continue;
    const allowed = any(g.hits, 'Allow');
    if (allowed === 'F') return result('ImplicitDeny', g.kind, g.kind, []);
    truth = and(truth, allowed);
  }
  const same = principal !== undefined && principal.account === resourceAccount;
  const grant = any(rbp, 'Allow');
  const idAllow = any(identity, 'Allow');
  const pb = and(boundary === undefined ? 'T' : any(boundary, 'Allow'), session === undefined ? 'T' : any(session, 'Allow'));
  let granted: T;
  let reason: DecisionReason = 'no-grant';
  if (principal === undefined) granted = grant;
  else if (same) {
    granted = trust ? grant : or(grant, and(idAllow, pb));
    if (granted === 'F') reason = trust ? 'resource-policy-required' : 'identity';
  } else {
    granted = and(grant, and(idAllow, pb));
    if (granted === 'F' && grant !== 'F') reason = 'identity';
  }
  truth = and(truth, granted);
  const deciding = [...rbp, ...identity].filter((h) => h.ref.effect === 'Allow');
  if (truth === 'F') return result('ImplicitDeny', 'resource-based', reason, []);
  if (truth === 'U' || denies.length > 0) return result('Conditional', 'resource-based', 'conditional', deciding, denies);
  return result('Allow', 'resource-based', 'allowed', deciding);
}

/** The stand-in engine. */
export const MINI_ENGINE: AnalysisEngine<Compiled> = {
  compile: (scenario: Scenario) => ({ index: indexScenario(scenario, new Map()) }),
  evaluate: (compiled, request) => {
    const r = evaluate(compiled, request, true);
    return { decision: r.decision === 'Conditional' ? 'ImplicitDeny' : r.decision, explanation: r.explanation };
  },
  evaluateForAnalysis: (compiled, request) => evaluate(compiled, request, false),
};
