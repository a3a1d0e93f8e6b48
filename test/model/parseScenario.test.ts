import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, parseScenarioValue } from '../../src/model/parseScenario';
import type { Diagnostic } from '../../src/model/diagnostics';

const FIXTURES = join(import.meta.dirname, '../fixtures/conformance');

function base(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'accessgraph/v1',
    accounts: [{ id: '111111111111', name: 'A' }, { id: '222222222222', name: 'B' }],
    ...extra,
  };
}

function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.range ? `${d.range.line}:${d.range.column}` : '-'} ${d.message}`);
}

describe('parseScenarioText', () => {
  it('reads every conformance scenario without a blocking diagnostic', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) {
      const result = parseScenarioText(readFileSync(join(FIXTURES, file), 'utf8'));
      expect(result.scenario, `${file}: ${brief(result.diagnostics).join('; ')}`).toBeDefined();
    }
  });

  it('locates a JSON syntax error at its line and column', () => {
    const text = '{\n  "format": "accessgraph/v1",\n  "accounts": [\n    { "id": "111111111111" }\n    { "id": "222222222222" }\n  ]\n}';
    const result = parseScenarioText(text);
    expect(result.scenario).toBeUndefined();
    expect(brief(result.diagnostics)).toStrictEqual(['error json-syntax 5:5 expected `,`']);
  });

  it('rejects comments, as strict JSON does', () => {
    const result = parseScenarioText('{ // note\n "format": "accessgraph/v1" }');
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe('json-syntax');
    expect(result.diagnostics[0]?.range?.line).toBe(1);
  });

  it('reports an unknown top-level key at the key, with a suggestion', () => {
    const text = JSON.stringify(base({ acounts: [] }), null, 2);
    const result = parseScenarioText(text);
    expect(result.scenario).toBeUndefined();
    const d = result.diagnostics.find((x) => x.code === 'unknown-key');
    expect(d?.message).toBe('unknown key `acounts` (did you mean `accounts`?)');
    expect(d?.path).toStrictEqual(['acounts']);
    expect(text.split('\n')[(d?.range?.line ?? 1) - 1]?.slice((d?.range?.column ?? 1) - 1)).toMatch(/^"acounts"/);
  });

  it('requires the exact format and names a future one clearly', () => {
    expect(brief(parseScenarioValue({ accounts: [] }).diagnostics)).toStrictEqual(['error missing-key - missing required key `format`']);
    expect(brief(parseScenarioValue({ format: 'accessgraph/v9' }).diagnostics)).toStrictEqual([
      'error bad-format - `accessgraph/v9` is not a supported format: this version reads `accessgraph/v1`',
    ]);
  });

  it('checks account ids, ARN shapes, duplicates and undeclared references', () => {
    const result = parseScenarioValue(
      base({
        accounts: [{ id: '11111111111' }, { id: '222222222222' }, { id: '222222222222' }],
        users: [
          { arn: 'arn:aws:iam::222222222222:role/notauser' },
          { arn: 'arn:aws:iam::333333333333:user/eve' },
          { arn: 'arn:aws:iam::222222222222:user/bob', groups: ['Admins'], policies: ['arn:aws:iam::222222222222:policy/Missing'] },
        ],
      }),
    );
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path.join('.')])).toStrictEqual([
      ['bad-account-id', 'accounts.0.id'],
      ['duplicate-id', 'accounts.2.id'],
      ['bad-arn', 'users.0.arn'],
      ['undeclared-account', 'users.1.arn'],
      ['undeclared-group', 'users.2.groups.0'],
      ['undeclared-policy', 'users.2.policies.0'],
    ]);
  });

  it('keeps a scenario whose policy is invalid and excludes that policy', () => {
    const result = parseScenarioValue(
      base({
        users: [{ arn: 'arn:aws:iam::111111111111:user/alice', policies: [{ name: 'p', document: { Version: '2012-10-17', Statement: { Effect: 'Alow', Action: 's3:*', Resource: '*' } } }] }],
      }),
    );
    expect(result.scenario).toBeDefined();
    expect(result.diagnostics.map((d) => [d.code, d.message, d.excludes?.join('.')])).toStrictEqual([
      ['invalid-policy', '`Effect` must be `Allow` or `Deny`, found `Alow`', 'users.0.policies.0.document'],
    ]);
    const attachment = result.scenario?.users[0]?.policies[0];
    expect(attachment?.kind === 'inline' && attachment.document.valid).toBe(false);
  });

  it('gives an S3 resource without an owner a located error', () => {
    const result = parseScenarioValue(base({ resources: [{ arn: 'arn:aws:s3:::bucket' }] }));
    expect(brief(result.diagnostics)).toStrictEqual([
      'error resource-owner-unknown - `arn:aws:s3:::bucket` carries no account: add `"account": "…"` with the owner\'s 12-digit id',
    ]);
  });

  it('is safe against prototype pollution keys', () => {
    const text = '{"format":"accessgraph/v1","accounts":[{"id":"111111111111","__proto__":{"polluted":true}}],"__proto__":{"x":1}}';
    const result = parseScenarioText(text);
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message)).toStrictEqual(['unknown key `__proto__`', 'unknown key `__proto__`']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports an empty document and refuses hostile nesting without recursing into it', () => {
    expect(brief(parseScenarioText('  \n').diagnostics)).toStrictEqual(['error json-syntax 1:1 the document is empty']);
    const deep = `{"format":"accessgraph/v1","description":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    expect(brief(parseScenarioText(deep).diagnostics)).toStrictEqual(['error json-syntax 1:297 nesting deeper than 256 levels']);
  });

  it('keeps a tag named __proto__ as data', () => {
    const result = parseScenarioText('{"format":"accessgraph/v1","accounts":[{"id":"111111111111"}],"users":[{"arn":"arn:aws:iam::111111111111:user/u","tags":{"__proto__":"x"}}]}');
    expect(Object.keys(result.scenario?.users[0]?.tags ?? {})).toStrictEqual(['__proto__']);
    expect(result.scenario?.users[0]?.tags['__proto__']).toBe('x');
  });

  it('orders diagnostics by position and gives every one a range from text', () => {
    const text = JSON.stringify(base({ users: [{ arn: 'bad' }], roles: [{ arn: 'also-bad' }] }), null, 2);
    const result = parseScenarioText(text);
    const lines = result.diagnostics.map((d) => d.range?.line ?? 0);
    expect(lines).toStrictEqual([...lines].sort((a, b) => a - b));
    expect(result.diagnostics.every((d) => d.range !== undefined)).toBe(true);
  });
});
