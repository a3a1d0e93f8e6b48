import { describe, expect, it } from 'vitest';
import { isBlocking } from '../../../src/model/diagnostics';
import { parseScenarioText, parseScenarioValue } from '../../../src/model/parseScenario';
import { importFiles } from '../../../src/io/import/importFiles';
import { brief, FIXTURES, importValues, load, scenarioOf, walk } from './helpers';

const ALL = ['org', 'iam', 'ram', 'resources'].flatMap((dir) => walk(FIXTURES, dir, (n) => n.endsWith('.json')));

describe('import, then parse', () => {
  it('gives a scenario the model accepts as a value and as text', () => {
    const { scenario } = importFiles(load(FIXTURES, ...ALL));
    expect(parseScenarioValue(scenario).diagnostics.filter(isBlocking)).toStrictEqual([]);
    const parsed = parseScenarioText(JSON.stringify(scenario, null, 2));
    expect(parsed.diagnostics.filter(isBlocking)).toStrictEqual([]);
    expect(parsed.scenario?.accounts.map((a) => [a.id, a.parentId])).toStrictEqual([
      ['111111111111', 'ou-a1b2-prod0001'],
      ['222222222222', 'ou-a1b2-data0001'],
      ['999999999999', 'r-a1b2'],
    ]);
    expect(parsed.scenario?.users.find((u) => u.arn.endsWith('alice'))?.permissionsBoundary).toBe('arn:aws:iam::111111111111:policy/Boundary');
  });

  it('deduplicates: the same exports twice, in any order, give the same scenario', () => {
    const files = load(FIXTURES, ...ALL);
    const once = importFiles(files);
    const twice = importFiles([...[...files].reverse(), ...files]);
    expect({ ...scenarioOf(twice), description: '' }).toStrictEqual({ ...scenarioOf(once), description: '' });
    expect(twice.diagnostics.filter((d) => d.code === 'duplicate-id')).toStrictEqual([]);
  });

  it('reports a conflicting repeat and keeps the first', () => {
    const role = (trust: string): unknown => ({ RoleDetailList: [{ Arn: 'arn:aws:iam::111111111111:role/r', RoleId: 'AROARRRRRRRRRRRRRRRR1', AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: trust }, Action: 'sts:AssumeRole' }] } }] });
    const result = importValues(['a.json', role('111111111111')], ['b.json', role('222222222222')]);
    expect(brief(result.diagnostics)).toStrictEqual(['b.json:3:5 warning duplicate-id `arn:aws:iam::111111111111:role/r` is also in `a.json` with different content: the first is kept']);
  });
});
