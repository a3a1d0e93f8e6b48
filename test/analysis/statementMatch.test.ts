import { describe, expect, it } from 'vitest';
import type { PrincipalSpec } from '../../src/model/policy';
import { callerFacts, specMayName, specNamesDirectly } from '../../src/analysis/statementMatch';

const A = '111111111111';
const B = '222222222222';
const VALUES = [A, B, `arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:root`, `arn:aws:iam::${A}:role/r`, `arn:aws:iam::${A}:role/path/r`, `arn:aws:iam::${A}:user/u`, `arn:aws:iam::${B}:role/r`];
const CALLERS = [
  callerFacts(`arn:aws:iam::${A}:role/r`, A),
  callerFacts(`arn:aws:iam::${A}:role/path/r`, A),
  callerFacts(`arn:aws:sts::${A}:assumed-role/r/s`, A),
  callerFacts(`arn:aws:sts::${A}:federated-user/f`, A, `arn:aws:iam::${A}:user/u`),
  callerFacts(`arn:aws:iam::${A}:user/u`, A),
  callerFacts(`arn:aws:iam::${B}:role/r`, B),
  callerFacts('lambda.amazonaws.com', undefined),
  callerFacts('anonymous', undefined),
];

function spec(AWS: string[], extra: Partial<PrincipalSpec> = {}): PrincipalSpec {
  return { wildcard: false, AWS, Service: [], Federated: [], CanonicalUser: [], ...extra };
}

/** The definition `specNamesDirectly` replaces: the element filtered for the caller, compiled afresh. */
function filtered(s: PrincipalSpec, account: string | undefined): PrincipalSpec {
  return { ...s, AWS: s.AWS.filter((v) => v !== account && !v.endsWith(':root')) };
}

describe('specNamesDirectly', () => {
  const specs = [spec([]), spec(['*'], { wildcard: true }), spec([], { Service: ['lambda.amazonaws.com'] }), spec([], { CanonicalUser: ['c'] }), ...VALUES.map((v) => spec([v])), ...VALUES.flatMap((v) => VALUES.map((w) => spec([v, w])))];
  it('equals specMayName over the element without roots and the caller account', () => {
    for (const s of specs) for (const caller of CALLERS) expect([s.AWS, caller.id, specNamesDirectly(s, caller)]).toStrictEqual([s.AWS, caller.id, specMayName(filtered(s, caller.account), caller)]);
  });
});
