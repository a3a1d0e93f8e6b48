import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/cli/importCommand';
import { isBlocking } from '../../../src/model/diagnostics';
import { parseScenarioText } from '../../../src/model/parseScenario';
import { FIXTURES, load, walk } from './helpers';

function capture(): { out: string[]; err: string[]; io: { out(line: string): void; err(line: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line) => out.push(line), err: (line) => err.push(line) } };
}

const ALL = ['org', 'iam', 'ram', 'resources'].flatMap((dir) => walk(FIXTURES, dir, (n) => n.endsWith('.json')));

describe('runImport', () => {
  it('writes a scenario that parses with no blocking diagnostic, and prints warnings with their position', () => {
    const { out, err, io } = capture();
    const { scenarioText, exitCode } = runImport(load(FIXTURES, ...ALL), io);
    expect(exitCode).toBe(0);
    const parsed = parseScenarioText(scenarioText ?? '');
    expect(parsed.diagnostics.filter(isBlocking)).toStrictEqual([]);
    expect(parsed.scenario?.organization?.units.map((u) => u.id)).toStrictEqual(['ou-a1b2-data0001', 'ou-a1b2-prod0001']);
    expect(parsed.scenario?.resourceShares.map((s) => s.name)).toStrictEqual(['shared-subnets']);
    expect(parsed.scenario?.roles.map((r) => r.arn)).toStrictEqual(['arn:aws:iam::111111111111:role/app', 'arn:aws:iam::222222222222:role/reader']);
    expect(out).toStrictEqual(['imported 1 organization (2 OUs, 3 SCPs and RCPs), 3 accounts, 2 users, 1 group, 2 roles, 1 customer managed policy, 2 resources, 1 resource share from 23 files (9 warnings)']);
    expect(err).toContain('iam/account-111111111111.json:41:9: warning: $.UserDetailList[1].GroupList[1]: group `Ghosts` is not in the export, so this membership is left out [not-imported]');
  });

  it('exits 2 and writes nothing when a file cannot be imported, naming the file, path and position', () => {
    const { out, err, io } = capture();
    const result = runImport([...load(FIXTURES, 'iam/account-111111111111.json', 'hostile/not-an-export.json'), { name: 'bad.json', text: '{"RoleDetailList": [' }], io);
    expect(result).toStrictEqual({ scenarioText: undefined, exitCode: 2 });
    expect(out).toStrictEqual([]);
    expect(err.filter((line) => line.includes(': error:'))).toStrictEqual([
      'hostile/not-an-export.json:1:1: error: not an export AccessGraph reads (top-level keys `Reservations`, `NextToken`): see the list of supported AWS CLI commands [unknown-export]',
      'bad.json:1:21: error: expected `]` [json-syntax]',
      'bad.json:1:21: error: expected `}` [json-syntax]',
    ]);
    expect(err[err.length - 1]).toBe('accessgraph import: nothing written: 3 errors');
  });

  it('exits 2 when no file holds anything to import', () => {
    const { err, io } = capture();
    expect(runImport(load(FIXTURES, 'resources/key-policy-unnamed.json'), io)).toStrictEqual({ scenarioText: undefined, exitCode: 2 });
    expect(err[err.length - 1]).toBe('accessgraph import: nothing written: no file held anything to import');
  });
});
