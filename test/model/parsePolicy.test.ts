import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/model/collector';
import { parsePolicy } from '../../src/model/parsePolicy';
import { parseScenarioText, parseScenarioValue } from '../../src/model/parseScenario';
import type { PolicyKind } from '../../src/model/types';

function check(document: unknown, kind: PolicyKind): { valid: boolean; errors: string[]; warnings: string[] } {
  const out = createCollector();
  const doc = parsePolicy(document, kind, ['doc'], out);
  return {
    valid: doc.valid,
    errors: out.items.filter((d) => d.severity === 'error').map((d) => d.message),
    warnings: out.items.filter((d) => d.severity === 'warning').map((d) => d.message),
  };
}

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

describe('parsePolicy', () => {
  it('normalises single values to lists and flattens conditions', () => {
    const out = createCollector();
    const doc = parsePolicy(
      { Version: '2012-10-17', Statement: { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'], Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] }, Bool: { 'aws:SecureTransport': true } } } },
      'identity',
      ['x'],
      out,
    );
    expect(out.items).toStrictEqual([]);
    expect(doc.statements).toStrictEqual([
      {
        index: 0,
        sid: 'A',
        effect: 'Allow',
        principal: undefined,
        notPrincipal: undefined,
        action: ['s3:GetObject'],
        notAction: undefined,
        resource: ['arn:aws:s3:::b/*'],
        notResource: undefined,
        conditions: [
          { operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: ['a', 'b'], path: ['x', 'Statement', 'Condition', 'StringEquals', 'aws:PrincipalTag/team'] },
          { operator: 'Bool', key: 'aws:SecureTransport', values: ['true'], path: ['x', 'Statement', 'Condition', 'Bool', 'aws:SecureTransport'] },
        ],
        path: ['x', 'Statement'],
      },
    ]);
  });

  it('treats "*" and {"AWS":"*"} as the same wildcard principal', () => {
    const a = parsePolicy({ Statement: { ...allow, Principal: '*' } }, 'resource', [], createCollector());
    const b = parsePolicy({ Statement: { ...allow, Principal: { AWS: '*' } } }, 'resource', [], createCollector());
    expect(a.statements[0]?.principal).toStrictEqual(b.statements[0]?.principal);
    expect(a.statements[0]?.principal?.wildcard).toBe(true);
  });

  it.each<[string, unknown, PolicyKind, string]>([
    ['Principal in an identity policy', { Statement: { ...allow, Principal: '*' } }, 'identity', 'an identity policy cannot have a `Principal` element'],
    ['Principal in an SCP', { Statement: { ...allow, Principal: '*' } }, 'scp', 'a service control policy cannot have a `Principal` element'],
    ['no Principal in a bucket policy', { Statement: allow }, 'resource', 'a statement needs `Principal` or `NotPrincipal`'],
    ['NotPrincipal in a trust policy', { Statement: { Effect: 'Deny', NotPrincipal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' } }, 'trust', 'a role trust policy cannot have a `NotPrincipal` element'],
    ['NotPrincipal with Allow', { Statement: { ...allow, NotPrincipal: { AWS: '111111111111' } } }, 'resource', '`NotPrincipal` is supported only with `"Effect": "Deny"`'],
    ['Resource in a trust policy', { Statement: { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Resource: '*' } }, 'trust', 'a role trust policy has no `Resource` element: the resource is the role itself'],
    ['wildcard inside a principal ARN', { Statement: { ...allow, Principal: { AWS: 'arn:aws:iam::111111111111:user/*' } } }, 'resource', '`arn:aws:iam::111111111111:user/*`: a principal cannot use wildcards; use `"*"` with an `ArnLike` condition on `aws:PrincipalArn`'],
    ['both Action and NotAction', { Statement: { ...allow, NotAction: 's3:PutObject' } }, 'identity', 'a statement cannot have both `Action` and `NotAction`'],
    ['no Action', { Statement: { Effect: 'Allow', Resource: '*' } }, 'identity', 'a statement needs `Action` or `NotAction`'],
    ['no Resource', { Statement: { Effect: 'Allow', Action: '*' } }, 'identity', 'a statement needs `Resource` or `NotResource`'],
    ['an unknown version', { Version: '2012-10-18', Statement: allow }, 'identity', '`2012-10-18` is not a policy version (use `2012-10-17`)'],
    ['an action without a service', { Statement: { ...allow, Action: 'GetObject' } }, 'identity', '`GetObject` is not an action: write `service:Action` or `*`'],
    ['a resource that is not an ARN', { Statement: { ...allow, Resource: 'my-bucket' } }, 'identity', '`my-bucket` is not a resource: write an ARN (`arn:…`) or `*`'],
    ['an unknown operator', { Statement: { ...allow, Condition: { StringEqualz: { 'aws:x': 'y' } } } }, 'identity', 'unknown condition operator `StringEqualz`'],
    ['NullIfExists', { Statement: { ...allow, Condition: { NullIfExists: { 'aws:x': 'true' } } } }, 'identity', 'unknown condition operator `NullIfExists`'],
    ['an empty statement list', { Statement: [] }, 'identity', '`Statement` must hold at least one statement'],
    ['an RCP that allows', { Statement: { ...allow, Principal: '*' } }, 'rcp', 'a resource control policy can only deny: `Allow` is reserved for `RCPFullAWSAccess`'],
    ['an RCP with NotAction', { Statement: { Effect: 'Deny', Principal: '*', NotAction: 's3:*', Resource: '*' } }, 'rcp', 'a resource control policy cannot use `NotAction`'],
  ])('rejects %s', (_name, document, kind, message) => {
    const result = check(document, kind);
    expect(result.valid).toBe(false);
    expect(result.errors).toStrictEqual([message]);
  });

  it('reports a misspelt element and the element it leaves missing', () => {
    expect(check({ Statement: { effect: 'Allow', Action: '*', Resource: '*' } }, 'identity').errors).toStrictEqual([
      'unknown statement element `effect` (did you mean `Effect`?)',
      'missing required element `Effect`',
    ]);
  });

  it('accepts shapes AWS itself stores: a resource policy without Resource, an empty principal list', () => {
    expect(check({ Statement: { Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' } }, 'resource').errors).toStrictEqual([]);
    expect(check({ Statement: { Effect: 'Allow', Principal: { AWS: [] }, Action: 'ram:*', Resource: '*' } }, 'resource').valid).toBe(true);
    expect(check({ Statement: { Effect: 'Allow', Action: 'ecr:BatchGetImage' } }, 'identity').errors).toStrictEqual(['a statement needs `Resource` or `NotResource`']);
  });

  it('reports a string principal once', () => {
    expect(check({ Statement: { ...allow, Principal: 'arn:aws:iam::111111111111:root' } }, 'resource').errors).toStrictEqual([
      '`Principal` must be `"*"` or an object such as `{"AWS": "…"}`, found `arn:aws:iam::111111111111:root`',
    ]);
  });

  it('accepts RCPFullAWSAccess and deny-only RCPs', () => {
    expect(check({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' } }, 'rcp').valid).toBe(true);
    expect(check({ Statement: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' } }, 'rcp').valid).toBe(true);
  });

  it('lints Principal "*" without a constraining condition, and not its org-limited fix', () => {
    const open = check({ Statement: { ...allow, Principal: { AWS: '*' } } }, 'resource');
    expect(open.valid).toBe(true);
    expect(open.warnings).toStrictEqual(['`Principal: "*"` without a condition such as `aws:PrincipalOrgID` or `aws:SourceArn` grants access to everyone, including anonymous callers']);
    const fixed = check({ Statement: { ...allow, Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } } }, 'resource');
    expect(fixed.warnings).toStrictEqual([]);
    const negated = check({ Statement: { ...allow, Principal: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } } }, 'resource');
    expect(negated.warnings).toHaveLength(1);
  });

  it('lints actions that can never match', () => {
    expect(check({ Statement: { ...allow, Action: ['s3:GetObject ', 's*:Get*'] } }, 'identity').warnings).toStrictEqual([
      '`s3:GetObject ` contains spaces or commas, so it matches no action: write one action per string',
      '`s*:Get*`: wildcards in the service prefix match nothing; name the service',
    ]);
  });

  it('never throws on arbitrary JSON, in any policy kind', () => {
    const kinds: PolicyKind[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'];
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...kinds), (value, kind) => {
        parsePolicy(value, kind, [], createCollector());
      }),
      { numRuns: 500 },
    );
    const statementish = fc.record({ Effect: fc.constantFrom('Allow', 'Deny', 'x'), Action: fc.oneof(fc.string(), fc.array(fc.string())), Resource: fc.jsonValue(), Principal: fc.jsonValue(), Condition: fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.jsonValue())) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(statementish), fc.constantFrom(...kinds), (Statement, kind) => {
        parsePolicy({ Version: '2012-10-17', Statement }, kind, [], createCollector());
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary scenario-shaped input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseScenarioValue(value);
        parseScenarioValue({ format: 'accessgraph/v1', accounts: value, users: value, resources: value });
        parseScenarioText(JSON.stringify(value) ?? '');
      }),
      { numRuns: 300 },
    );
  });
});

const MANAGED = join(import.meta.dirname, '../../../shared/data/iam-dataset-managed-policies');

describe.skipIf(!existsSync(MANAGED))('real AWS managed policies (../shared/data)', () => {
  it('parses every one as a valid identity policy', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.json')) files.push(join(dir, e.name));
      }
    };
    walk(MANAGED);
    const invalid: string[] = [];
    let parsed = 0;
    for (const file of files) {
      const record = JSON.parse(readFileSync(file, 'utf8')) as { document?: unknown };
      if (record.document === undefined) continue;
      parsed++;
      if (!parsePolicy(record.document, 'identity', [], createCollector()).valid) invalid.push(file);
    }
    expect(parsed).toBe(1643);
    expect(invalid).toStrictEqual([]);
  });
});
