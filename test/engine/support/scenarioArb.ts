/**
 * fast-check generators of small, realistic scenarios for the engine's property tests: three accounts
 * (two in an organization), users and a role with identity policies and boundaries, two buckets and a
 * queue with resource policies, an optional SCP, and requests over a small pool of actions and
 * resources. Pools are small on purpose so that statements often match and a good share of requests is
 * allowed (the properties assert that share, so they cannot pass on all-deny scenarios).
 */
import fc from 'fast-check';
import { compileScenario, type CompiledScenario, type Request } from '../../../src/engine/index';
import { parseScenarioValue } from '../../../src/model/parseScenario';

export const A = '111111111111';
export const B = '222222222222';
export const C = '333333333333';

export const PRINCIPALS = {
  alice: `arn:aws:iam::${A}:user/alice`,
  dave: `arn:aws:iam::${A}:user/dave`,
  bob: `arn:aws:iam::${B}:user/bob`,
  app: `arn:aws:iam::${A}:role/app`,
  carol: `arn:aws:iam::${C}:user/carol`,
} as const;
export type PrincipalName = keyof typeof PRINCIPALS;
const PRINCIPAL_NAMES = Object.keys(PRINCIPALS) as PrincipalName[];

export const RESOURCES = {
  'bkt-a': { arn: 'arn:aws:s3:::bkt-a', account: A },
  'bkt-b': { arn: 'arn:aws:s3:::bkt-b', account: B },
  q1: { arn: `arn:aws:sqs:us-east-1:${A}:q1`, account: A },
} as const;
export type ResourceName = keyof typeof RESOURCES;
const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[];

const ACTION_PATTERNS = ['s3:GetObject', 's3:Get*', 's3:*', '*', 's3:?utObject', 's3:PutObject', 's3:List*', 'sqs:*', 'sqs:SendMessage', 'S3:getobject'];
const RESOURCE_PATTERNS = ['*', 'arn:aws:s3:::bkt-a/*', 'arn:aws:s3:::bkt-b/*', 'arn:aws:s3:::bkt-*', 'arn:aws:s3:::*/*', 'arn:aws:s3:::bkt-a', 'arn:aws:sqs:*:111111111111:q1', 'arn:aws:s3:::bkt-a/${aws:username}/*'];
const CONDITIONS: readonly Record<string, Record<string, string | string[]>>[] = [
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringEquals: { 'aws:PrincipalAccount': [A, B] } },
  { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  { StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } },
  { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } },
];
const RESOURCE_PRINCIPALS: readonly unknown[] = ['*', { AWS: A }, { AWS: `arn:aws:iam::${B}:root` }, { AWS: PRINCIPALS.alice }, { AWS: PRINCIPALS.bob }, { AWS: PRINCIPALS.app }, { AWS: PRINCIPALS.carol }, { AWS: '*' }];

/** Concrete request actions and resources. */
export const REQUEST_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 'sqs:SendMessage'] as const;
export const REQUEST_RESOURCES = ['arn:aws:s3:::bkt-a', 'arn:aws:s3:::bkt-a/k1', 'arn:aws:s3:::bkt-a/alice/x', 'arn:aws:s3:::bkt-b/k1', RESOURCES.q1.arn] as const;

/** One statement as data (rendered to IAM JSON by `render`). */
export interface StatementSpec {
  readonly effect: 'Allow' | 'Deny';
  readonly action: readonly string[];
  readonly notAction: boolean;
  readonly resource: readonly string[];
  readonly notResource: boolean;
  readonly condition: Record<string, Record<string, string | string[]>> | undefined;
  /** Resource-policy statements only. */
  readonly principal: unknown;
}

/** A scenario as data: policies are lists of statements, so tests can add, remove and reorder them. */
export interface ScenarioSpec {
  readonly organization: boolean;
  readonly scp: StatementSpec[];
  readonly identity: Record<PrincipalName, StatementSpec[][]>;
  readonly boundary: Partial<Record<PrincipalName, StatementSpec[]>>;
  readonly resourcePolicy: Partial<Record<ResourceName, StatementSpec[]>>;
}

/** A statement for a policy kind; `allowBias` is the chance of `Allow`. */
export function statementArb(resourceSide: boolean, allowBias = 0.8, effect?: 'Allow' | 'Deny'): fc.Arbitrary<StatementSpec> {
  return fc.record({
    effect: effect === undefined ? fc.integer({ min: 0, max: 99 }).map((n): 'Allow' | 'Deny' => (n < allowBias * 100 ? 'Allow' : 'Deny')) : fc.constant(effect),
    action: fc.uniqueArray(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
    notAction: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    resource: fc.uniqueArray(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
    notResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    condition: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constantFrom(...CONDITIONS), weight: 1 }),
    principal: resourceSide ? fc.constantFrom(...RESOURCE_PRINCIPALS) : fc.constant(undefined),
  });
}

function policies(resourceSide: boolean, maxPolicies: number): fc.Arbitrary<StatementSpec[][]> {
  return fc.array(fc.array(statementArb(resourceSide), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: maxPolicies });
}

/** A whole scenario. */
export function scenarioArb(): fc.Arbitrary<ScenarioSpec> {
  return fc.record({
    organization: fc.boolean(),
    scp: fc.array(statementArb(false, 0.3), { maxLength: 2 }),
    identity: fc.record({ alice: policies(false, 2), dave: policies(false, 2), bob: policies(false, 2), app: policies(false, 2), carol: policies(false, 1) }),
    boundary: fc.record({ alice: fc.array(statementArb(false, 0.9), { minLength: 1, maxLength: 3 }), app: fc.array(statementArb(false, 0.9), { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] }),
    resourcePolicy: fc.record({ 'bkt-a': fc.array(statementArb(true), { minLength: 1, maxLength: 4 }), 'bkt-b': fc.array(statementArb(true), { minLength: 1, maxLength: 4 }), q1: fc.array(statementArb(true), { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] }),
  });
}

/** Actions that make sense on each request resource (most of the time a request uses one of them). */
const ACTIONS_ON: Readonly<Record<(typeof REQUEST_RESOURCES)[number], readonly string[]>> = {
  'arn:aws:s3:::bkt-a': ['s3:ListBucket'],
  'arn:aws:s3:::bkt-a/k1': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  'arn:aws:s3:::bkt-a/alice/x': ['s3:GetObject', 's3:PutObject'],
  'arn:aws:s3:::bkt-b/k1': ['s3:GetObject', 's3:PutObject'],
  [RESOURCES.q1.arn]: ['sqs:SendMessage'],
};

/** A request over the pools: usually an action that fits the resource, sometimes any action. */
export function requestArb(): fc.Arbitrary<Request> {
  const target = fc.constantFrom(...REQUEST_RESOURCES).chain((resource) =>
    fc.record({ resource: fc.constant(resource), action: fc.oneof({ arbitrary: fc.constantFrom(...(ACTIONS_ON[resource] ?? REQUEST_ACTIONS)), weight: 4 }, { arbitrary: fc.constantFrom(...REQUEST_ACTIONS), weight: 1 }) }),
  );
  return fc.record({
    // Same-account callers more often than outsiders, as in real traffic.
    principal: fc.oneof({ arbitrary: fc.constantFrom<PrincipalName>('alice', 'app'), weight: 3 }, { arbitrary: fc.constantFrom(...PRINCIPAL_NAMES), weight: 2 }).map((p) => PRINCIPALS[p]),
    target,
    context: fc.record({ 'aws:SecureTransport': fc.constantFrom('true', 'false'), 'aws:RequestedRegion': fc.constantFrom('us-east-1', 'eu-west-1') }, { requiredKeys: [] }),
  }).map(({ principal, target: { resource, action }, context }) => ({ principal, action, resource, context }));
}

/** Statement element values carry a unique Sid (`P<policy>S<n>`) so tests can compare deciding sets. */
export function renderStatement(s: StatementSpec, sid: string): Record<string, unknown> {
  return {
    Sid: sid,
    Effect: s.effect,
    ...(s.principal === undefined ? {} : { Principal: s.principal }),
    [s.notAction ? 'NotAction' : 'Action']: s.action,
    [s.notResource ? 'NotResource' : 'Resource']: s.resource,
    ...(s.condition === undefined ? {} : { Condition: s.condition }),
  };
}

/** Sids are assigned once per statement object, so reordering keeps each statement's Sid. */
export function sidsOf(spec: ScenarioSpec): Map<StatementSpec, string> {
  const sids = new Map<StatementSpec, string>();
  const all = [...spec.scp, ...Object.values(spec.identity).flat(2), ...Object.values(spec.boundary).flat(), ...Object.values(spec.resourcePolicy).flat()];
  all.forEach((s, i) => sids.set(s, `S${i}`));
  return sids;
}

function doc(statements: readonly StatementSpec[], sids: ReadonlyMap<StatementSpec, string>): unknown {
  return { Version: '2012-10-17', Statement: statements.map((s) => renderStatement(s, sids.get(s) ?? 'X')) };
}

/** The `accessgraph/v1` value of a spec; `sids` fixes each statement's Sid (default: in spec order). */
export function render(spec: ScenarioSpec, sids: ReadonlyMap<StatementSpec, string> = sidsOf(spec)): unknown {
  const org = spec.organization
    ? {
        organization: {
          id: 'o-aaaa1111bb',
          managementAccountId: '999999999999',
          rootId: 'r-root',
          units: [{ id: 'ou-root-dev00001', name: 'dev', parentId: 'r-root' }],
          policies: [{ name: 'FullAWSAccess', type: 'SCP', targets: ['r-root', 'ou-root-dev00001'], document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }, ...(spec.scp.length > 0 ? [{ name: 'Custom', type: 'SCP', targets: ['r-root'], document: doc(spec.scp, sids) }] : [])],
        },
      }
    : {};
  const inOrg = spec.organization ? { parentId: 'ou-root-dev00001' } : {};
  const identity = (p: PrincipalName): unknown[] => spec.identity[p].map((statements, i) => ({ name: `${p}-${i}`, document: doc(statements, sids) }));
  const boundary = (p: PrincipalName): Record<string, unknown> => (spec.boundary[p] === undefined ? {} : { permissionsBoundary: `arn:aws:iam::${A}:policy/${p}-boundary` });
  return {
    format: 'accessgraph/v1',
    ...org,
    accounts: [{ id: A, name: 'A', ...inOrg }, { id: B, name: 'B', ...inOrg }, { id: C, name: 'C' }, ...(spec.organization ? [{ id: '999999999999', name: 'M', parentId: 'r-root' }] : [])],
    users: (['alice', 'dave', 'bob', 'carol'] as const).map((p) => ({ arn: PRINCIPALS[p], policies: identity(p), tags: { team: p === 'alice' ? 'blue' : 'red' }, ...boundary(p) })),
    roles: [{ arn: PRINCIPALS.app, trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, policies: identity('app'), tags: { team: 'blue' }, ...boundary('app') }],
    policies: (Object.keys(spec.boundary) as PrincipalName[]).flatMap((p) => {
      const statements = spec.boundary[p];
      return statements === undefined ? [] : [{ arn: `arn:aws:iam::${A}:policy/${p}-boundary`, document: doc(statements, sids) }];
    }),
    resources: RESOURCE_NAMES.map((r) => {
      const statements = spec.resourcePolicy[r];
      return { arn: RESOURCES[r].arn, account: RESOURCES[r].account, ...(statements === undefined ? {} : { policy: doc(statements, sids) }) };
    }),
  };
}

/** Parses and compiles a rendered spec; throws when the generator made something the parser rejects. */
export function compileSpec(spec: ScenarioSpec, sids?: ReadonlyMap<StatementSpec, string>): CompiledScenario {
  const { scenario, diagnostics } = parseScenarioValue(render(spec, sids));
  if (scenario === undefined) throw new Error(`generated scenario does not parse: ${diagnostics.map((d) => `${JSON.stringify(d.path)} ${d.message}`).join('; ')}`);
  const invalid = diagnostics.filter((d) => d.code === 'invalid-policy');
  if (invalid.length > 0) throw new Error(`generated an invalid policy: ${invalid.map((d) => d.message).join('; ')}`);
  return compileScenario(scenario);
}
