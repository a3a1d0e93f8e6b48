/**
 * The engine benchmark: compiles the synthetic organization (`scripts/synthetic.ts`, size M: 50 accounts,
 * 2,000 principals, 5,000 resources) and evaluates a deterministic batch of generated requests after
 * compilation, single-threaded. Figures: `engine.compileMs` (cold), `engine.recompileMs` (the same
 * scenario again, every compiled policy remembered), `engine.decisionsPerSecond` (exact
 * `evaluate`, explanation available on read; also per CPU second, `engine.decisionsPerCpuSecond`),
 * `engine.decisionOnlyPerSecond` (`evaluateDecision`, no explanation object),
 * `engine.decisionsPerSecondGroupedByPrincipal` (the same batch in principal order),
 * `engine.analysisDecisionsPerSecond` (three-valued), the batch size and the share of each decision
 * (exact: Allow / ExplicitDeny / ImplicitDeny; three-valued: Allow / Conditional), so a reader can see the
 * requests are not trivially denied.
 */
import { performance } from 'node:perf_hooks';
import { nodeManagedPolicyResolver } from '../../src/cli/managedPolicyResolver';
import { forgetCompiledPolicies } from '../../src/engine/compile/policyMemo';
import { compileScenario, evaluate, evaluateDecision, evaluateForAnalysis, type CompiledScenario, type Request } from '../../src/engine/index';
import { parseScenarioValue } from '../../src/model/parseScenario';
import type { Scenario } from '../../src/model/types';
import { createRandom, syntheticOrganization, type SyntheticSize } from '../synthetic';

/** Options of the engine benchmark. */
export interface EngineBenchOptions {
  readonly size?: SyntheticSize;
  readonly requests?: number;
}

const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  s3: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:GetBucketPolicy'],
  kms: ['kms:Decrypt', 'kms:Encrypt', 'kms:DescribeKey', 'kms:ScheduleKeyDeletion'],
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteQueue'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan'],
  ec2: ['ec2:RunInstances', 'ec2:CreateNetworkInterface', 'ec2:DeleteSubnet'],
  iam: ['sts:AssumeRole'],
};

/** Builds and parses the synthetic scenario of a size. */
export function syntheticScenario(size: SyntheticSize): Scenario {
  const { scenario, diagnostics } = parseScenarioValue(syntheticOrganization(size));
  if (scenario === undefined) throw new Error(`synthetic scenario ${size} does not parse: ${diagnostics.find((d) => d.severity === 'error')?.message ?? ''}`);
  return scenario;
}

/** The account id in an IAM or service ARN (`''` for S3, whose ARNs carry none). */
function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/**
 * A deterministic batch of requests over the scenario's principals and resources, shaped like real
 * traffic rather than a uniform product (which would be almost all "no grant"): users mostly assume
 * their team's roles in workload accounts; roles mostly act on resources of their own account, then on
 * those of the partner account whose bucket and key policies grant them, then anywhere; a few anonymous
 * and outside callers. Context keys vary (region, TLS, MFA, source IP, ExternalId).
 */
export function generateRequests(scenario: Scenario, count: number, seed = 7): Request[] {
  const r = createRandom(seed);
  const users = scenario.users.map((u) => u.arn as string);
  const roles = scenario.roles.map((x) => x.arn as string);
  const resources = scenario.resources.map((x) => ({ arn: x.arn, account: x.account ?? accountOf(x.arn) }));
  const byAccount = new Map<string, string[]>();
  for (const x of resources) byAccount.set(x.account, [...(byAccount.get(x.account) ?? []), x.arn]);
  const accounts = [...byAccount.keys()];
  const teamRoles = new Map<string, string[]>();
  for (const role of roles) {
    const team = /:role\/team-(\d+)-/.exec(role)?.[1];
    if (team !== undefined) teamRoles.set(team, [...(teamRoles.get(team) ?? []), role]);
  }
  const out: Request[] = [];
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    let principal: string;
    let resource: string;
    if (roll < 0.25) {
      principal = r.pick(users);
      const team = /\/t(\d+)\//.exec(principal)?.[1] ?? '0';
      const candidates = teamRoles.get(team) ?? [];
      resource = candidates.length > 0 && r.next() < 0.8 ? r.pick(candidates) : r.pick(roles);
    } else if (roll < 0.95) {
      principal = r.pick(roles);
      const own = accountOf(principal);
      const index = accounts.indexOf(own);
      const partner = accounts[(index + accounts.length - 3) % accounts.length] ?? own;
      const where = r.next();
      const pool = byAccount.get(where < 0.6 ? own : where < 0.85 ? partner : r.pick(accounts)) ?? [];
      resource = pool.length > 0 ? r.pick(pool) : r.pick(resources).arn;
    } else {
      principal = r.pick(['anonymous', 'arn:aws:iam::999988887777:root', 'sns.amazonaws.com']);
      resource = r.pick(resources).arn;
    }
    const service = resource.split(':')[2] ?? 's3';
    const action = service === 'iam' ? 'sts:AssumeRole' : r.pick(ACTIONS[service] ?? ['s3:GetObject']);
    if (service === 's3' && action !== 's3:ListBucket' && action !== 's3:GetBucketPolicy') resource = `${resource}/data/${r.int(8)}.csv`;
    const context: Record<string, string> = {};
    if (r.next() < 0.8) context['aws:RequestedRegion'] = r.next() < 0.9 ? r.pick(['us-east-1', 'eu-west-1']) : 'sa-east-1';
    if (r.next() < 0.6) context['aws:SecureTransport'] = r.next() < 0.95 ? 'true' : 'false';
    if (r.next() < 0.3) context['aws:SourceIp'] = r.pick(['10.1.2.3', '198.51.100.7', '192.0.2.44']);
    if (r.next() < 0.5) context['aws:MultiFactorAuthPresent'] = r.next() < 0.7 ? 'true' : 'false';
    if (action === 'sts:AssumeRole' && r.next() < 0.5) context['sts:ExternalId'] = `ext-${r.int(60)}`;
    if (service === 'sqs' && principal.endsWith('.amazonaws.com')) context['aws:SourceArn'] = `arn:aws:sns:us-east-1:${accountOf(resource)}:topic`;
    out.push({ principal, action, resource, context });
  }
  return out;
}

function time(body: () => void): number {
  const start = performance.now();
  body();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Decisions per second over three timed runs (median): by the wall clock, and by the process's CPU time
 * (which a machine shared with other work inflates less; GC helper threads count towards it).
 */
function rate(compiled: CompiledScenario, requests: readonly Request[], mode: 'exact' | 'decision' | 'analysis'): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 3; run++) {
    const before = process.cpuUsage();
    const ms = time(() => {
      for (const request of requests) {
        if (mode === 'analysis') evaluateForAnalysis(compiled, request);
        else if (mode === 'decision') evaluateDecision(compiled, request);
        else evaluate(compiled, request);
      }
    });
    const used = process.cpuUsage(before);
    wall.push(requests.length / (ms / 1000));
    cpu.push(requests.length / ((used.user + used.system) / 1e6));
  }
  return { wall: Math.round(median(wall)), cpu: Math.round(median(cpu)) };
}

/** Runs the engine benchmark and returns its figures. */
export async function benchEngine(options: EngineBenchOptions = {}): Promise<Record<string, number>> {
  await Promise.resolve();
  const size = options.size ?? 'M';
  const scenario = syntheticScenario(size);
  const resolver = nodeManagedPolicyResolver();
  // Load the managed policies before timing: the figure is compilation, not file reading.
  for (const arn of ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/SecurityAudit']) resolver(arn);
  const compileRuns: number[] = [];
  let compiled: CompiledScenario | undefined;
  // Cold compilations: the memo of compiled policies would otherwise serve the second and third runs.
  for (let i = 0; i < 3; i++) {
    forgetCompiledPolicies();
    compileRuns.push(time(() => (compiled = compileScenario(scenario, { managedPolicies: resolver }))));
  }
  // A recompilation of the unchanged scenario, as after an edit elsewhere: every policy is remembered.
  const recompileMs = time(() => compileScenario(scenario, { managedPolicies: resolver }));
  const ready = compiled as CompiledScenario;
  const requests = generateRequests(scenario, options.requests ?? 100_000);
  const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  for (const request of requests) counts[evaluate(ready, request).decision]++;
  const analysisCounts = { Allow: 0, Conditional: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  for (const request of requests) analysisCounts[evaluateForAnalysis(ready, request).decision]++;
  const share = (n: number): number => Math.round((n / requests.length) * 1000) / 1000;
  const exact = rate(ready, requests, 'exact');
  // The same requests grouped by principal, the order in which analysis and checks evaluate: the batch is
  // memory-latency bound, so locality matters; the headline figure keeps the random order.
  const grouped = [...requests].sort((a, b) => (a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  const exactGrouped = rate(ready, grouped, 'exact');
  const decisionOnly = rate(ready, requests, 'decision');
  const analysis = rate(ready, requests, 'analysis');
  return {
    'engine.compileMs': Math.round(median(compileRuns) * 10) / 10,
    'engine.recompileMs': Math.round(recompileMs * 10) / 10,
    'engine.requests': requests.length,
    'engine.principals': scenario.users.length + scenario.roles.length,
    'engine.resources': scenario.resources.length,
    'engine.decisionsPerSecond': exact.wall,
    'engine.decisionsPerCpuSecond': exact.cpu,
    'engine.decisionOnlyPerSecond': decisionOnly.wall,
    'engine.decisionsPerSecondGroupedByPrincipal': exactGrouped.wall,
    'engine.analysisDecisionsPerSecond': analysis.wall,
    'engine.allowShare': share(counts.Allow),
    'engine.explicitDenyShare': share(counts.ExplicitDeny),
    'engine.implicitDenyShare': share(counts.ImplicitDeny),
    'engine.analysisAllowShare': share(analysisCounts.Allow),
    'engine.analysisConditionalShare': share(analysisCounts.Conditional),
  };
}
