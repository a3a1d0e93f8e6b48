import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisOrg, editedOrg } from '../../scripts/bench/analysisOrg';
import { scenarioRequirements } from '../../src/analysis/requirements';
import { scenarioDocuments } from '../../src/catalog/lintScenario';
import { isAwsManagedPolicyArn } from '../../src/model/arns';
import { parseArn } from '../../src/model/ids';
import { parseScenarioTextFrom } from '../../src/model/incrementalParse';
import { parseScenarioText } from '../../src/model/parseScenario';
import type { PolicyDocument } from '../../src/model/policy';
import type { PolicyAttachment, Scenario } from '../../src/model/types';

const DIR = new URL('../fixtures/conformance/', import.meta.url);
const TEXTS = [
  ...readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readFileSync(new URL(f, DIR), 'utf8')),
  JSON.stringify(analysisOrg('S'), null, 2),
];

/** The requirements read naively, straight from their definition. */
function naiveRequirements(scenario: Scenario): { services: string[]; managedPolicies: string[] } {
  const arns = [
    ...scenario.resources.map((r) => r.arn),
    ...scenario.resourceShares.flatMap((s) => s.resources),
  ];
  const services = new Set([
    'sts',
    'iam',
    ...arns.flatMap((arn) => parseArn(arn)?.service.toLowerCase() ?? []),
  ]);
  const holders = [...scenario.users, ...scenario.groups, ...scenario.roles, ...scenario.sessions];
  const managed = holders.flatMap((h) => h.policies.flatMap((a) => (a.kind === 'managed' ? [a.arn] : [])));
  const boundaries = [...scenario.users, ...scenario.roles].flatMap((h) => h.permissionsBoundary ?? []);
  return {
    services: [...services].sort(),
    managedPolicies: [...new Set([...managed, ...boundaries].filter(isAwsManagedPolicyArn))].sort(),
  };
}

/** Every written document in the documented order, gathered naively. */
function naiveDocuments(scenario: Scenario): PolicyDocument[] {
  const inline = (list: readonly PolicyAttachment[]): PolicyDocument[] =>
    list.flatMap((a) => (a.kind === 'inline' ? [a.document] : []));
  return [
    ...(scenario.organization?.policies ?? []).map((p) => p.document),
    ...scenario.users.flatMap((u) => inline(u.policies)),
    ...scenario.groups.flatMap((g) => inline(g.policies)),
    ...scenario.roles.flatMap((r) => [
      ...(r.trustPolicy === undefined ? [] : [r.trustPolicy]),
      ...inline(r.policies),
    ]),
    ...scenario.policies.map((p) => p.document),
    ...scenario.sessions.flatMap((s) => inline(s.policies)),
    ...scenario.resources.flatMap((r) => (r.policy === undefined ? [] : [r.policy])),
  ];
}

describe('scenario requirements and documents', () => {
  it('list what each conformance scenario and the S org need and hold', () => {
    let managed = 0;
    for (const text of TEXTS) {
      const scenario = parseScenarioText(text).scenario;
      if (scenario === undefined) continue;
      expect(scenarioRequirements(scenario)).toStrictEqual(naiveRequirements(scenario));
      // Asked again of the same objects, the remembered answer is the same.
      expect(scenarioRequirements(scenario)).toStrictEqual(naiveRequirements(scenario));
      managed += scenarioRequirements(scenario).managedPolicies.length;
      const documents = scenarioDocuments(scenario);
      const expected = naiveDocuments(scenario);
      expect(documents.length).toBe(expected.length);
      documents.forEach((d, i) => expect(d === expected[i]).toBe(true));
    }
    expect(managed).toBeGreaterThan(0);
  });

  it('follow an edit parsed from the previous text, whose unchanged lists and holders are the same objects', () => {
    const value = analysisOrg('S');
    const texts = [JSON.stringify(value, null, 2), JSON.stringify(editedOrg(value), null, 2)];
    let parse = parseScenarioTextFrom(undefined, texts[0] as string);
    for (let i = 1; i <= 4; i++) {
      const previous = parse.result.scenario;
      parse = parseScenarioTextFrom(parse, texts[i % 2] as string);
      const scenario = parse.result.scenario as Scenario;
      expect(scenario.resources).toBe(previous?.resources);
      expect(scenarioRequirements(scenario)).toStrictEqual(naiveRequirements(scenario));
      const documents = scenarioDocuments(scenario);
      documents.forEach((d, k) => expect(d === naiveDocuments(scenario)[k]).toBe(true));
    }
    // A different scenario (a new attachment on an existing holder) is read afresh.
    const attached = structuredClone(value) as { roles: { policies: unknown[] }[] };
    attached.roles[0]?.policies.push('arn:aws:iam::aws:policy/ReadOnlyAccess');
    const scenario = parseScenarioText(JSON.stringify(attached)).scenario as Scenario;
    expect(scenarioRequirements(scenario).managedPolicies).toContain(
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    );
    expect(scenarioRequirements(scenario)).toStrictEqual(naiveRequirements(scenario));
  });
});
