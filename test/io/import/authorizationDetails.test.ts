import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBlocking } from '../../../src/model/diagnostics';
import { parseScenarioText } from '../../../src/model/parseScenario';
import { importFiles } from '../../../src/io/import/importFiles';
import { at, brief, byArn, counts, DATA, FIXTURES, HAS_DATA, keys, load, scenarioOf, walk } from './helpers';

/** Every authorization-details file of the public data, found by content. */
function authorizationFiles(): string[] {
  return walk(DATA, '.', (name) => name.endsWith('.json')).filter((path) => {
    const text = readFileSync(join(DATA, path), 'utf8');
    return /"(UserDetailList|RoleDetailList|GroupDetailList)"/.test(text);
  });
}

/** An oracle independent of the importer: what the file itself lists. */
function expectedCounts(path: string): Record<string, number> {
  const raw: unknown = JSON.parse(readFileSync(join(DATA, path), 'utf8'));
  const length = (key: string): number => {
    const list = at(raw, key);
    return Array.isArray(list) ? list.length : 0;
  };
  const policies = at(raw, 'Policies');
  const customer = Array.isArray(policies) ? policies.filter((p) => !String(at(p, 'Arn')).startsWith('arn:aws:iam::aws:')).length : 0;
  return { users: length('UserDetailList'), groups: length('GroupDetailList'), roles: length('RoleDetailList'), policies: customer };
}

describe.skipIf(!HAS_DATA)('authorization details from ../shared/data', () => {
  const files = HAS_DATA ? authorizationFiles() : [];

  it('finds every authorization-details file of the data set', () => {
    expect(files.length).toBe(19);
  });

  it('imports each one with every user, group, role and customer managed policy, and no blocking diagnostic', () => {
    for (const path of files) {
      const result = importFiles(load(DATA, path));
      expect(result.diagnostics.filter(isBlocking), path).toStrictEqual([]);
      const { accounts: _, resources: __, resourceShares: ___, ...identity } = counts(scenarioOf(result));
      expect(identity, path).toStrictEqual(expectedCounts(path));
    }
  });

  it('reads the largest cloudsplaining export exactly', () => {
    const result = importFiles(load(DATA, 'cloudsplaining/examples/files/example.json'));
    const scenario = scenarioOf(result);
    expect(counts(scenario)).toStrictEqual({ accounts: 2, users: 44, groups: 5, roles: 78, policies: 46, resources: 0, resourceShares: 0 });
    expect(keys(scenario, 'accounts')).toStrictEqual(['012345678901', '200611803367']);
    expect(brief(result.diagnostics)).toStrictEqual(['example.json:1:1 info assumed-value this export holds entities of 2 accounts (`200611803367`, `012345678901`): each keeps the account its ARN names']);
    expect(byArn(scenario, 'users', 'arn:aws:iam::200611803367:user/privesc-sre-user')).toStrictEqual({ arn: 'arn:aws:iam::200611803367:user/privesc-sre-user', groups: ['arn:aws:iam::200611803367:group/privesc-sre-group'], policies: [] });
    expect(byArn(scenario, 'roles', 'arn:aws:iam::200611803367:role/privesc-AssumeRole-ending-role')).toStrictEqual({
      arn: 'arn:aws:iam::200611803367:role/privesc-AssumeRole-ending-role',
      trustPolicy: { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::200611803367:role/privesc-AssumeRole-intermediate-role' }, Action: 'sts:AssumeRole' }] },
      policies: ['arn:aws:iam::200611803367:policy/privesc-AssumeRole-high-priv-policy'],
    });
    // AWS managed policies stay ARNs for the built-in catalog; customer managed ones are declared.
    expect(keys(scenario, 'policies').every((arn) => typeof arn === 'string' && !arn.startsWith('arn:aws:iam::aws:'))).toBe(true);
  });

  it('reads the cloudmapper demo export, placing entities whose ARN names no account in the file account', () => {
    const result = importFiles(load(DATA, 'cloudmapper-demo/account-data/demo/us-east-1/iam-get-account-authorization-details.json'));
    const scenario = scenarioOf(result);
    expect(counts(scenario)).toStrictEqual({ accounts: 1, users: 2, groups: 1, roles: 4, policies: 1, resources: 0, resourceShares: 0 });
    expect(keys(scenario, 'users')).toStrictEqual(['arn:aws:iam::123456789012:user/USER', 'arn:aws:iam::123456789012:user/USER_WITH_BAD_INLINE_POLICY']);
    expect(at(scenario, 'users', 0, 'groups')).toStrictEqual(['arn:aws:iam::123456789012:group/GROUP_WITH_BAD_INLINE_POLICY']);
    expect(brief(result.diagnostics)).toStrictEqual([
      'iam-get-account-authorization-details.json:4:20 warning assumed-value `aws` is not an account id: the group is placed in `123456789012`, the account of this export\'s other entities',
      'iam-get-account-authorization-details.json:278:38 warning policy-lint `Principal: "*"` without a condition such as `aws:PrincipalOrgID` or `aws:SourceArn` grants access to everyone, including anonymous callers',
      'iam-get-account-authorization-details.json:421:20 warning assumed-value `aws` is not an account id: the user is placed in `123456789012`, the account of this export\'s other entities',
      'iam-get-account-authorization-details.json:436:20 warning assumed-value `aws` is not an account id: the user is placed in `123456789012`, the account of this export\'s other entities',
    ]);
  });

  it('reads the CLI documentation example, whose groups list one attached policy as an object', () => {
    const result = importFiles(load(DATA, 'aws-cli-examples/iam/get-account-authorization-details.1.json'));
    const scenario = scenarioOf(result);
    expect(at(scenario, 'groups')).toStrictEqual([
      { arn: 'arn:aws:iam::123456789012:group/Admins', policies: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
      { arn: 'arn:aws:iam::123456789012:group/Dev', policies: ['arn:aws:iam::aws:policy/PowerUserAccess'] },
      { arn: 'arn:aws:iam::123456789012:group/Finance', policies: [{ name: 'policygen-201310141157', document: { Version: '2012-10-17', Statement: [{ Action: 'aws-portal:*', Sid: 'Stmt1381777017000', Resource: '*', Effect: 'Allow' }] } }] },
    ]);
    expect(brief(result.diagnostics)).toStrictEqual([
      'get-account-authorization-details.1.json:73:40 warning assumed-value `AttachedManagedPolicies` should be a list: the single object was read as a list of one',
      'get-account-authorization-details.1.json:85:40 warning assumed-value `AttachedManagedPolicies` should be a list: the single object was read as a list of one',
      'get-account-authorization-details.1.json:289:20 info not-imported this is one page of a paginated export: import every page (or run the command with `--no-paginate`)',
    ]);
  });

  it('round-trips: the written scenario text parses with no blocking diagnostic', () => {
    for (const path of files) {
      const result = importFiles(load(DATA, path));
      const parsed = parseScenarioText(JSON.stringify(result.scenario, null, 2));
      expect(parsed.diagnostics.filter(isBlocking), path).toStrictEqual([]);
      expect(parsed.scenario?.users.length, path).toBe(expectedCounts(path).users);
    }
  });
});

describe('authorization details (hand-written fixture)', () => {
  const result = importFiles(load(FIXTURES, 'iam/account-111111111111.json'));
  const scenario = scenarioOf(result);

  it('decodes documents given as objects, JSON text and URL-encoded text, and picks the default version', () => {
    expect(at(scenario, 'policies')).toStrictEqual([{ arn: 'arn:aws:iam::111111111111:policy/Boundary', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:AssumeRole'], Resource: '*' }] } }]);
    expect(at(scenario, 'groups', 0, 'policies', 1)).toStrictEqual({ name: 'json-text', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'iam:Get*', Resource: '*' } } });
    expect(at(scenario, 'users', 1, 'policies')).toStrictEqual([{ name: 'url-encoded', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::prod-data' }] } }]);
  });

  it('keeps boundaries, tags (even a `__proto__` key) and the session duration', () => {
    expect(at(scenario, 'users', 0)).toStrictEqual({
      arn: 'arn:aws:iam::111111111111:user/alice',
      groups: ['arn:aws:iam::111111111111:group/Admins'],
      policies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      permissionsBoundary: 'arn:aws:iam::111111111111:policy/Boundary',
      tags: { team: 'data', ['__proto__']: 'not-a-prototype' },
    });
    expect(at(scenario, 'roles', 0, 'maxSessionDuration')).toBe(7200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes a unique id it knows as the ARN and keeps an unknown one as a dead principal', () => {
    expect(at(scenario, 'roles', 0, 'trustPolicy', 'Statement', 0, 'Principal')).toStrictEqual({ AWS: ['arn:aws:iam::111111111111:user/alice', 'AROADELETEDROLE000001'] });
  });

  it('reports what it leaves out, where the export says it', () => {
    expect(brief(result.diagnostics)).toStrictEqual([
      'account-111111111111.json:41:9 warning not-imported group `Ghosts` is not in the export, so this membership is left out',
      "account-111111111111.json:46:24 warning not-imported policy `arn:aws:iam::111111111111:policy/Gone` is not in the export, so this user's attachment to it is left out",
      "account-111111111111.json:51:35 warning not-imported the permissions boundary `arn:aws:iam::111111111111:policy/MissingBoundary` is not in the export, so it is left out and this user's permissions are over-estimated",
      'account-111111111111.json:91:35 info assumed-value `AIDAALICEALICEALICE01` is the unique id of `arn:aws:iam::111111111111:user/alice`: it is written as that ARN',
      'account-111111111111.json:91:35 warning dead-principal `AROADELETEDROLE000001` is a unique id and no imported principal carries it (the one it named was deleted, or is not in the export), so it matches nobody',
    ]);
    expect(result.diagnostics.map((d) => d.path)).toContainEqual(['RoleDetailList', 0, 'AssumeRolePolicyDocument', 'Statement', 0, 'Principal', 'AWS', 1]);
  });
});
