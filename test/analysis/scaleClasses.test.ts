import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/model/policy';
import { soleStatements } from '../../src/analysis/cellClasses';
import type { RequestSource } from '../../src/analysis/requestSources';

function statement(sid: string): Statement {
  return { index: 0, sid, effect: 'Allow', principal: undefined, notPrincipal: undefined, action: ['*'], notAction: undefined, resource: ['*'], notResource: undefined, conditions: [], path: [] };
}

describe('soleStatements', () => {
  it('holds the statements exactly one source has (an inline policy), not shared ones', () => {
    const [own, shared, twice, solo] = ['own', 'shared', 'twice', 'solo'].map(statement) as [Statement, Statement, Statement, Statement];
    const sources = [{ statements: [own, shared] }, { statements: [shared, twice, twice] }, { statements: [solo] }, { statements: [] }] as unknown as RequestSource[];
    expect([...soleStatements(sources)].map((s) => s.sid).sort()).toStrictEqual(['own', 'solo']);
  });
});
