import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlocking } from '../../../src/model/diagnostics';
import { importFiles } from '../../../src/io/import/importFiles';
import { MAX_DEPTH } from '../../../src/io/import/jsonSource';
import { at, brief, DATA, FIXTURES, HAS_DATA, importValues, load, scenarioOf, walk } from './helpers';

describe.skipIf(!HAS_DATA)('malformed files from ../shared/data', () => {
  it('gives every `*.json.invalid` file a located `json-syntax` error and no scenario', () => {
    const files = walk(DATA, '.', (name) => name.endsWith('.json.invalid'));
    expect(files.length).toBe(60);
    for (const path of files) {
      const result = importFiles(load(DATA, path));
      expect(result.scenario, path).toBeUndefined();
      const first = result.diagnostics[0];
      expect(first, path).toMatchObject({ file: path, code: 'json-syntax', severity: 'error', path: [] });
      expect(first?.range?.line, path).toBeGreaterThan(0);
    }
  });

  it('points at the comment in the SCP example that has one', () => {
    const path = 'service-control-policy-examples/Service-specific-controls/AWS-IAM/deny-service-specific-credential-by-type.json';
    expect(brief(importFiles(load(DATA, path)).diagnostics)).toStrictEqual(['deny-service-specific-credential-by-type.json:15:13 error json-syntax comments are not allowed in JSON']);
  });

  it('locates a missing comma in the RAM documentation example', () => {
    const result = importFiles(load(DATA, 'aws-cli-examples/invalid-json/ram/get-resource-shares.1.json.invalid'));
    expect(brief(result.diagnostics)).toStrictEqual(['get-resource-shares.1.json.invalid:15:13 error json-syntax expected `,`']);
  });
});

describe('hostile and broken files', () => {
  it('locates every broken field and keeps what it can', () => {
    const result = importFiles(load(FIXTURES, 'hostile/broken-fields.json'));
    expect(brief(result.diagnostics)).toStrictEqual([
      'broken-fields.json:3:37 error wrong-type `Arn` must be a string, found a number',
      'broken-fields.json:4:86 error wrong-type `GroupList` must be a list, found a string',
      'broken-fields.json:4:105 error wrong-type a tag needs a string `Key` and a string `Value`',
      'broken-fields.json:10:120 error json-syntax the embedded policy document is not valid JSON: expected a value (line 1, column 41 of the embedded text)',
      'broken-fields.json:14:5 error not-imported role `arn:aws:iam::111111111111:role/bad-trust` is not imported because its trust policy cannot be read',
      'broken-fields.json:14:111 error bad-format the URL-encoded policy document has a broken `%` escape',
      'broken-fields.json:15:40 error bad-arn `arn:aws:iam::111111111111:user/not-a-role` is not an IAM role ARN, so this role is not imported',
      'broken-fields.json:17:15 error wrong-type `Policies` must be a list, found a string',
    ]);
    expect(at(scenarioOf(result), 'users')).toStrictEqual([{ arn: 'arn:aws:iam::111111111111:user/tags', groups: [], policies: [] }]);
  });

  it('maps an error inside a JSON-text policy to its column in the file', () => {
    const text = readFileSync(join(FIXTURES, 'hostile/broken-fields.json'), 'utf8');
    const error = importFiles(load(FIXTURES, 'hostile/broken-fields.json')).diagnostics.find((d) => d.code === 'json-syntax');
    const line = text.split('\n')[(error?.range?.line ?? 0) - 1] ?? '';
    expect(line.slice((error?.range?.column ?? 0) - 1)).toMatch(/^\}" \}\]/);
  });

  it('says plainly when a file is not an export, is not JSON, or is cut short', () => {
    const result = importFiles(load(FIXTURES, 'hostile/not-an-export.json', 'hostile/comment.json', 'hostile/truncated.json'));
    expect(result.scenario).toBeUndefined();
    expect(brief(result.diagnostics)).toStrictEqual([
      'not-an-export.json:1:1 error unknown-export not an export AccessGraph reads (top-level keys `Reservations`, `NextToken`): see the list of supported AWS CLI commands',
      'comment.json:2:3 error json-syntax comments are not allowed in JSON',
      'truncated.json:4:1 error json-syntax expected `]`',
      'truncated.json:4:1 error json-syntax expected `}`',
    ]);
  });

  it('treats `__proto__` and `constructor` as ordinary keys', () => {
    const result = importFiles(load(FIXTURES, 'hostile/proto.json'));
    const user = at(scenarioOf(result), 'users', 0);
    expect(at(user, 'tags')).toStrictEqual({ ['__proto__']: 'v', constructor: 'w' });
    expect(at(user, 'policies', 0, 'name')).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    // An unknown statement element is an invalid policy: reported, excluded, not fatal.
    expect(brief(result.diagnostics)).toStrictEqual(['proto.json:10:191 error invalid-policy unknown statement element `__proto__`']);
    expect(result.diagnostics.filter(isBlocking)).toStrictEqual([]);
  });

  it('refuses nesting deeper than the parser can take, in the file or in an embedded policy', () => {
    const deep = `{"RoleDetailList": ${'['.repeat(20000)}${']'.repeat(20000)}}`;
    const embedded = { UserDetailList: [{ Arn: 'arn:aws:iam::111111111111:user/a', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: `{"Statement": ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}}` }] }] };
    const result = importValues(['deep.json', deep], ['embedded.json', embedded]);
    expect(brief(result.diagnostics)).toStrictEqual([
      `deep.json:1:${19 + MAX_DEPTH} error json-syntax the document nests more than ${MAX_DEPTH} levels deep`,
      `embedded.json:8:29 error json-syntax the embedded policy document nests more than ${MAX_DEPTH} levels deep`,
    ]);
  });

  it('reads nothing from no files and an empty file', () => {
    expect(importFiles([])).toStrictEqual({ scenario: undefined, diagnostics: [] });
    expect(brief(importFiles([{ name: 'empty.json', text: '' }]).diagnostics)).toStrictEqual(['empty.json:1:1 error json-syntax the document is empty']);
  });

  it('never throws, whatever the files hold', () => {
    const sample = readFileSync(join(FIXTURES, 'iam/account-111111111111.json'), 'utf8');
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(sample.length), fc.string(), (value, cut, junk) => {
        const result = importFiles([
          { name: 'value.json', text: JSON.stringify(value) ?? 'null' },
          { name: 'cut.json', text: sample.slice(0, cut) + junk + sample.slice(cut) },
          { name: 'wrapped.json', text: JSON.stringify({ UserDetailList: [value], Policies: [{ Arn: 'arn:aws:iam::1:policy/x', PolicyVersionList: [value] }], Accounts: value }) },
        ]);
        expect(Array.isArray(result.diagnostics)).toBe(true);
        expect(result.diagnostics.every((d) => d.message.length > 0 && !d.message.includes('internal error'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
