import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { resolveNode, runPath, runReach, runWhoCanReach } from '../../src/cli/queryCommands';
import type { GraphNode } from '../../src/analysis/types';
import { scenarioOf } from '../analysis/support/env';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const BOB = 'arn:aws:iam::111111111111:user/bob';
const READER = 'arn:aws:iam::111111111111:role/reader';
const CAROL = 'arn:aws:iam::333333333333:user/carol';
const VENDOR = 'arn:aws:iam::111111111111:role/vendor';
const BUCKET = 'arn:aws:s3:::bkt';
const FILE = 'org.json';

function allow(action: string, resource: string): unknown {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] };
}

/** alice assumes reader, which reads the bucket's objects; carol (another account) assumes vendor with an ExternalId; bob has nothing. */
const SCENARIO = scenarioOf({
  format: 'accessgraph/v1',
  title: 'queries',
  accounts: [
    { id: '111111111111', name: 'A' },
    { id: '333333333333', name: 'C' },
  ],
  users: [
    { arn: ALICE, policies: [{ name: 'assume', document: allow('sts:AssumeRole', READER) }] },
    { arn: BOB, policies: [] },
    { arn: CAROL, policies: [{ name: 'assume', document: allow('sts:AssumeRole', VENDOR) }] },
  ],
  roles: [
    {
      arn: READER,
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }],
      },
      policies: [{ name: 'read', document: allow('s3:GetObject', `${BUCKET}/*`) }],
    },
    {
      arn: VENDOR,
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '333333333333' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' } },
          },
        ],
      },
      policies: [{ name: 'list', document: allow('s3:ListBucket', BUCKET) }],
    },
  ],
  resources: [{ arn: BUCKET, account: '111111111111' }],
});

interface Captured {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function capture(
  run: (io: { out(line: string): void; err(line: string): void }) => Promise<number>,
): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run({ out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A level's total (the catalog's action count, which changes with iam-data) as `n`: `Read 1/41` → `Read 1/n`. */
function totalsHidden(line: string): string {
  return line.replace(/\/\d+/g, '/n');
}

function node(id: string, kind: GraphNode['kind'], label: string): GraphNode {
  return {
    id,
    kind,
    label,
    parent: undefined,
    account: undefined,
    partition: 'aws',
    flags: [],
    path: undefined,
    resourceTypes: [],
  };
}

describe('resolveNode', () => {
  const nodes = [
    node(ALICE, 'user', 'alice'),
    node('arn:aws:iam::222222222222:user/alice', 'user', 'alice'),
    node(READER, 'role', 'reader'),
    node(BUCKET, 'resource', 'bkt'),
    node(`${BUCKET}-logs`, 'resource', 'bkt-logs'),
  ];
  const principals = new Set(['user', 'role'] as const);
  const resources = new Set(['resource'] as const);

  it('takes an id, a unique name (any case), an id suffix, and an object ARN as its bucket', () => {
    expect(resolveNode(nodes, READER, principals).node?.id).toBe(READER);
    expect(resolveNode(nodes, 'READER', principals).node?.id).toBe(READER);
    expect(resolveNode(nodes, 'role/reader', principals).node?.id).toBe(READER);
    expect(resolveNode(nodes, `${BUCKET}/data/report.csv`, resources).node?.id).toBe(BUCKET);
    expect(resolveNode(nodes, `${BUCKET}-logs/x`, resources).node?.id).toBe(`${BUCKET}-logs`);
  });

  it('names the candidates of an ambiguous or unknown name, and keeps to the kinds asked for', () => {
    expect(resolveNode(nodes, 'alice', principals)).toStrictEqual({
      node: undefined,
      candidates: [nodes[0], nodes[1]],
    });
    expect(resolveNode(nodes, '111111111111:user/alice', principals).node?.id).toBe(ALICE);
    expect(resolveNode(nodes, 'bkt', principals)).toStrictEqual({ node: undefined, candidates: [] });
    expect(resolveNode(nodes, 'reade', principals)).toStrictEqual({
      node: undefined,
      candidates: [nodes[2]],
    });
  });
});

describe('accessgraph reach', () => {
  it('lists the roles a principal assumes and the resources it reaches through them', async () => {
    const { code, out } = await capture((io) => runReach(SCENARIO, FILE, 'alice', io, false));
    expect(code).toBe(0);
    expect(out.map(totalsHidden)).toStrictEqual([
      `${ALICE} reaches 1 role(s) and 1 resource(s)`,
      'roles:',
      `  ✓ ${READER}  directly`,
      'resources:',
      `  ✓ ${BUCKET}  Read 1/n  via ${READER}`,
    ]);
  });

  it('marks a role reached under a condition with what it needs', async () => {
    const { out } = await capture((io) => runReach(SCENARIO, FILE, CAROL, io, false));
    expect(out.slice(0, 3)).toStrictEqual([
      `${CAROL} reaches 1 role(s) and 1 resource(s)`,
      'roles:',
      `  ? ${VENDOR}  directly  needs StringEquals sts:ExternalId = ext-1`,
    ]);
    expect(totalsHidden(out[4] ?? '')).toBe(`  ? ${BUCKET}  List 0+1?/n  via ${VENDOR}`);
  });

  it('prints the reach as JSON, and an empty reach for a principal that reaches nothing', async () => {
    const json = await capture((io) => runReach(SCENARIO, FILE, ALICE, io, true));
    const parsed = JSON.parse(json.out.join('\n')) as {
      principal: string;
      roles: { role: string }[];
      resources: { resource: string; decision: string }[];
    };
    expect([
      parsed.principal,
      parsed.roles.map((r) => r.role),
      parsed.resources.map((r) => [r.resource, r.decision]),
    ]).toStrictEqual([ALICE, [READER], [[BUCKET, 'allowed']]]);
    expect((await capture((io) => runReach(SCENARIO, FILE, 'bob', io, false))).out).toStrictEqual([
      `${BOB} reaches 0 role(s) and 0 resource(s)`,
    ]);
  });

  it('rejects a name that is no principal, listing near names', async () => {
    const { code, out, err } = await capture((io) => runReach(SCENARIO, FILE, 'ali', io, false));
    expect([code, out]).toStrictEqual([2, []]);
    expect(err).toStrictEqual([
      `${FILE}: error: no principal \`ali\` in the scenario`,
      `  did you mean: ${ALICE}`,
    ]);
  });
});

describe('accessgraph who-can-reach', () => {
  it('lists who reaches a resource for one action, with the path', async () => {
    const { code, out } = await capture((io) =>
      runWhoCanReach(SCENARIO, FILE, BUCKET, 's3:getobject', io, false),
    );
    expect(code).toBe(0);
    // In id order: the account's roles, then its users.
    expect(out).toStrictEqual([
      `2 principal(s) can reach ${BUCKET} with s3:getobject`,
      `  ✓ ${READER}  Read  own permissions`,
      `  ✓ ${ALICE}  Read  via ${READER}`,
    ]);
  });

  it('lists every reacher of a resource with its levels, conditional ones with their conditions', async () => {
    const { out } = await capture((io) => runWhoCanReach(SCENARIO, FILE, 'bkt', undefined, io, false));
    expect(out.map(totalsHidden)).toStrictEqual([
      `4 principal(s) can reach ${BUCKET}`,
      `  ✓ ${READER}  Read 1/n  own permissions`,
      `  ✓ ${VENDOR}  List 1/n  own permissions`,
      `  ✓ ${ALICE}  Read 1/n  via ${READER}`,
      `  ? ${CAROL}  List 0+1?/n  via ${VENDOR}  needs StringEquals sts:ExternalId = ext-1`,
    ]);
  });

  it('answers who can assume a role, and refuses another action on a role', async () => {
    const { out } = await capture((io) => runWhoCanReach(SCENARIO, FILE, 'vendor', undefined, io, false));
    expect(out).toStrictEqual([
      `1 principal(s) can assume ${VENDOR}`,
      `  ? ${CAROL}  directly  needs StringEquals sts:ExternalId = ext-1`,
    ]);
    const refused = await capture((io) => runWhoCanReach(SCENARIO, FILE, VENDOR, 's3:GetObject', io, false));
    expect([refused.code, refused.err]).toStrictEqual([
      2,
      [
        `${FILE}: error: \`${VENDOR}\` is a role: ask who can assume it (no \`--action\`, or \`--action sts:AssumeRole\`)`,
      ],
    ]);
  });

  it('says when the action is not in the catalog, and prints JSON', async () => {
    const { out } = await capture((io) => runWhoCanReach(SCENARIO, FILE, BUCKET, 's3:GetObjekt', io, false));
    expect(out).toStrictEqual([
      `0 principal(s) can reach ${BUCKET} with s3:GetObjekt`,
      "note: the action catalog has no action `s3:GetObjekt` (analysis evaluates the catalog's actions)",
    ]);
    const json = await capture((io) => runWhoCanReach(SCENARIO, FILE, BUCKET, 's3:ListBucket', io, true));
    const parsed = JSON.parse(json.out.join('\n')) as {
      target: string;
      action: string;
      principals: { principal: string; decision: string; via: string[] }[];
    };
    expect([
      parsed.target,
      parsed.action,
      parsed.principals.map((p) => [p.principal, p.decision, p.via]),
    ]).toStrictEqual([
      BUCKET,
      's3:ListBucket',
      [
        [VENDOR, 'allowed', []],
        [CAROL, 'conditional', [VENDOR]],
      ],
    ]);
  });
});

describe('accessgraph path', () => {
  it('walks the best path hop by hop, with the granting statement, for an object of the bucket', async () => {
    const { code, out } = await capture((io) =>
      runPath(
        SCENARIO,
        FILE,
        { principal: 'alice', resource: `${BUCKET}/data/report.csv`, action: 's3:GetObject', json: false },
        io,
      ),
    );
    expect(code).toBe(0);
    expect(out).toStrictEqual([
      `${ALICE} can perform s3:GetObject on ${BUCKET}/* (allowed)`,
      `  1. ${ALICE} assumes ${READER} (allowed)`,
      `  2. ${READER} calls s3:GetObject on ${BUCKET}/*`,
      `     granted by statement #0 (Allow) of identity policy \`read\` of ${READER}`,
    ]);
  });

  it('gives the conditions of a conditional path', async () => {
    const { code, out } = await capture((io) =>
      runPath(
        SCENARIO,
        FILE,
        { principal: CAROL, resource: BUCKET, action: 's3:ListBucket', json: false },
        io,
      ),
    );
    expect(code).toBe(0);
    expect(out[0]).toBe(`${CAROL} can perform s3:ListBucket on ${BUCKET} (conditional)`);
    expect(out.at(-1)).toBe('  needs StringEquals sts:ExternalId = ext-1');
  });

  it('exits 1 when the principal cannot, with the evaluate command that explains one request', async () => {
    const { code, out } = await capture((io) =>
      runPath(SCENARIO, FILE, { principal: 'bob', resource: 'bkt', action: 's3:GetObject', json: false }, io),
    );
    expect(code).toBe(1);
    expect(out).toStrictEqual([
      `${BOB} cannot perform s3:GetObject on ${BUCKET}`,
      `  why, for one request: accessgraph evaluate ${FILE} --principal ${BOB} --action s3:GetObject --resource ${BUCKET}`,
    ]);
    const json = await capture((io) =>
      runPath(SCENARIO, FILE, { principal: BOB, resource: BUCKET, action: 's3:GetObject', json: true }, io),
    );
    expect([json.code, JSON.parse(json.out.join('\n'))]).toStrictEqual([
      1,
      { principal: BOB, resource: BUCKET, action: 's3:GetObject', access: null, hops: [] },
    ]);
  });
});

describe('the query commands on the command line', () => {
  it('read the scenario file and report usage errors with exit 2', async () => {
    const missing = await capture(async (io) =>
      runCli(['path', 'no-such-file.json', '--principal', ALICE, '--resource', BUCKET], io),
    );
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe('accessgraph: missing required option `--action`');
    const unread = await capture(async (io) => runCli(['reach', 'no-such-file.json', ALICE], io));
    expect(unread.code).toBe(2);
    expect(unread.err.join('\n')).toContain('no-such-file.json');
    const extra = await capture(async (io) => runCli(['who-can-reach', 'a.json'], io));
    expect([extra.code, extra.err[0]]).toStrictEqual([
      2,
      'accessgraph: `who-can-reach` takes a scenario file and a resource (or role)',
    ]);
  });
});
