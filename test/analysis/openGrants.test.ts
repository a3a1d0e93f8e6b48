import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/model/policy';
import { isIamCaller, openGrantIndex } from '../../src/analysis/openGrants';
import type { RequestSource } from '../../src/analysis/requestSources';
import { resourceMatcher } from '../../src/analysis/statementMatch';

function allow(resource: string[] | undefined): Statement {
  return { index: 0, sid: undefined, effect: 'Allow', principal: undefined, notPrincipal: undefined, action: ['*'], notAction: undefined, resource, notResource: resource === undefined ? ['x'] : undefined, conditions: [], path: [] };
}

function source(id: string, kind: RequestSource['kind'], account: string | undefined, resources: (string[] | undefined)[]): RequestSource {
  const allows = resources.map(allow);
  return { id, kind, account, allows, allowMatchers: allows.map(resourceMatcher) } as unknown as RequestSource;
}

const SOURCES = [
  source('a-role', 'role', '111111111111', [['arn:aws:s3:::other']]),
  source('b-user', 'user', '222222222222', [['arn:aws:s3:::bucket-*'], ['arn:aws:sqs:*']]),
  source('b-admin', 'role', '222222222222', [['*']]),
  source('b-not', 'role', '222222222222', [undefined]),
  source('b-lead', 'role', '222222222222', [['*-data']]),
  source('b-var', 'session', '222222222222', [['arn:aws:s3:::${aws:username}-x', 'arn:aws:s3:::bucket-1']]),
  source('b-none', 'user', '222222222222', []),
  source('svc', 'service', undefined, []),
  source('anon', 'anonymous', undefined, []),
  source('orphan', 'role', undefined, [['arn:aws:s3:::bucket-1']]),
];

/** The rule the index replaces: no identity Allow needed, or one whose Resource may cover the ARN. */
function naive(account: string, arn: string): string[] {
  return SOURCES.filter((s) => !(isIamCaller(s) && s.account !== account) || s.allowMatchers.some((m) => m.matchesLower(arn))).map((s) => s.id);
}

describe('open grant index', () => {
  it.each([
    ['111111111111', 'arn:aws:s3:::bucket-1'],
    ['111111111111', 'arn:aws:s3:::app-data'],
    ['111111111111', 'arn:aws:sqs:us-east-1:111111111111:q'],
    ['222222222222', 'arn:aws:s3:::other'],
    ['333333333333', 'arn:aws:s3:::bob-x'],
    ['333333333333', 'arn'],
  ])('finds the sources the per-source rule keeps (%s, %s)', (account, arn) => {
    const found = new Set<string>();
    openGrantIndex(SOURCES).sourcesFor(account, arn, (s) => found.add(s.id));
    expect([...found].sort()).toStrictEqual(naive(account, arn).sort());
  });
});
