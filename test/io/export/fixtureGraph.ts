/**
 * A small access graph written out by hand for the exporter tests, with a hostile string (formula start,
 * quotes, a backslash, markup, CR/LF, a tab, astral and control characters) in ids, labels, conditions,
 * statement ids and finding messages.
 */
import type { AccessGraph, EdgeCondition, Finding, GraphNode } from '../../../src/analysis/types';
import type { StatementRef } from '../../../src/engine/types';
import type { AccountId } from '../../../src/model/ids';

/** Everything an exporter must escape, in one string. */
export const HOSTILE = '=HYPERLINK("http://x","y"),\'\\ <b>&amp;</b>\r\nline2\t☃𝄞\u0001\u2028end';

export const A = '111111111111' as AccountId;
export const C = '333333333333' as AccountId;
export const ALICE = `arn:aws:iam::${A}:user/alice`;
export const ADMINS = `arn:aws:iam::${A}:group/admins`;
export const DEPLOY = `arn:aws:iam::${A}:role/deploy`;
export const PARTNER = `arn:aws:iam::${C}:role/partner`;
export const BUCKET = 'arn:aws:s3:::data';
export const ODD = `arn:aws:iam::${A}:role/${HOSTILE}`;
export const SHARE = `ram-share:${A}:subnets`;

function node(id: string, kind: GraphNode['kind'], label: string, parent: string | undefined, account: AccountId | undefined, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, kind, label, parent, account, partition: 'aws', flags: [], path: ['nodes', id], resourceTypes: [], ...extra };
}

const identity: StatementRef = { policy: { kind: 'identity', name: 'inline', owner: ALICE, path: ['users', 0, 'policies', 0, 'document'] }, index: 0, sid: HOSTILE, effect: 'Allow', path: ['users', 0, 'policies', 0, 'document', 'Statement', 0] };
const trust: StatementRef = { policy: { kind: 'trust', name: 'trust', owner: DEPLOY, path: ['roles', 0, 'trustPolicy'] }, index: 1, sid: undefined, effect: 'Allow', path: ['roles', 0, 'trustPolicy', 'Statement', 1] };
const bucketPolicy: StatementRef = { policy: { kind: 'resource', name: 'resource', owner: BUCKET, path: ['resources', 0, 'policy'] }, index: 0, sid: 'Partner', effect: 'Allow', path: ['resources', 0, 'policy', 'Statement', 0] };
const scp: StatementRef = { policy: { kind: 'scp', name: 'DenyAll', owner: 'r-a1b2', path: ['organization', 'policies', 0, 'document'], level: 'ou-a1b2-prod0001' }, index: 0, sid: undefined, effect: 'Deny', path: ['organization', 'policies', 0, 'document', 'Statement', 0] };

/** The ExternalId condition of the partner's path, with the hostile value. */
export const EXTERNAL_ID: EdgeCondition = { effect: 'needs', category: 'external-id', condition: { operator: 'StringEquals', key: 'sts:ExternalId', values: [HOSTILE, 'plain'], path: ['roles', 0, 'trustPolicy', 'Statement', 1, 'Condition', 'StringEquals', 'sts:ExternalId'] } };

const findings: Finding[] = [
  { id: `missing-external-id|${ODD}|x`, code: 'missing-external-id', severity: 'high', subject: ODD, message: `\`${ODD}\` trusts \`${C}\``, params: { account: C }, policy: trust.policy, statement: trust, path: trust.path },
  { id: `public-access|${BUCKET}|y`, code: 'public-access', severity: 'high', subject: BUCKET, message: '-1+1 everyone', params: {}, policy: undefined, statement: undefined, path: [] },
  { id: `external-access|${BUCKET}|z`, code: 'external-access', severity: 'medium', subject: BUCKET, message: 'partner reaches it', params: {}, policy: undefined, statement: undefined, path: [] },
];

/** The fixture graph. */
export const GRAPH: AccessGraph = {
  version: 1,
  nodes: [
    node(A, 'account', 'Prod, "main"', 'ou-a1b2-prod0001', A),
    node(C, 'account', 'Partner', undefined, C, { flags: ['external', 'undeclared'], path: undefined }),
    node(ADMINS, 'group', 'admins', A, A),
    node(ODD, 'role', HOSTILE, A, A),
    node(DEPLOY, 'role', 'deploy', A, A),
    node(ALICE, 'user', '@alice', A, A),
    node(PARTNER, 'role', 'partner', C, C, { flags: ['external'] }),
    node(BUCKET, 'resource', 'data', A, A, { resourceTypes: ['s3:bucket'] }),
    node('ou-a1b2-prod0001', 'ou', 'Prod <East>', 'r-a1b2', undefined),
    node('r-a1b2', 'organization', 'Root', undefined, undefined),
    node(SHARE, 'share', 'subnets', A, A),
  ],
  edges: [
    { kind: 'can-assume', id: `can-assume|${ALICE}|${DEPLOY}`, source: ALICE, target: DEPLOY, action: 'sts:AssumeRole', decision: 'blocked', conditions: [], statements: [scp], blockedBy: { reason: 'explicit-deny', step: 'explicit-deny', level: 'ou-a1b2-prod0001', statements: [scp], policies: [] }, chained: false },
    { kind: 'can-assume', id: `can-assume|${PARTNER}|${DEPLOY}`, source: PARTNER, target: DEPLOY, action: 'sts:AssumeRole', decision: 'conditional', conditions: [EXTERNAL_ID], statements: [trust], blockedBy: undefined, chained: false },
    {
      kind: 'effective-access',
      id: `effective-access|${ALICE}|${BUCKET}`,
      source: ALICE,
      target: BUCKET,
      decision: 'allowed',
      levels: [
        { level: 'List', allowed: 1, conditional: 0, total: 3 },
        { level: 'Read', allowed: 1, conditional: 0, total: 40 },
        { level: 'Write', allowed: 1, conditional: 0, total: 30 },
      ],
      grants: [
        { actions: ['s3:GetObject', 's3:PutObject'], resource: `${BUCKET}/*`, decision: 'allowed', statements: [identity], conditions: [], via: undefined },
        { actions: ['s3:ListBucket'], resource: undefined, decision: 'allowed', statements: [identity], conditions: [], via: undefined },
      ],
      indirect: false,
    },
    {
      kind: 'effective-access',
      id: `effective-access|${PARTNER}|${BUCKET}`,
      source: PARTNER,
      target: BUCKET,
      decision: 'conditional',
      levels: [{ level: 'Read', allowed: 0, conditional: 1, total: 40 }],
      grants: [{ actions: ['s3:GetObject'], resource: `${BUCKET}/*`, decision: 'conditional', statements: [bucketPolicy], conditions: [EXTERNAL_ID], via: [DEPLOY, ODD] }],
      indirect: true,
    },
    { kind: 'grants', id: `grants|${BUCKET}|${PARTNER}`, source: BUCKET, target: PARTNER, statements: [bucketPolicy], actions: ['s3:GetObject', '!s3:Delete*'], conditions: [EXTERNAL_ID.condition], constrained: true },
    { kind: 'member-of', id: `member-of|${ALICE}|${ADMINS}`, source: ALICE, target: ADMINS },
    { kind: 'shares', id: `shares|${SHARE}|${C}`, source: SHARE, target: C, share: 'subnets', role: 'consumer', status: 'pending', issue: 'pending-invitation', principal: C, path: ['resourceShares', 0] },
  ],
  findings,
  reachability: {
    byPrincipal: [{ principal: ALICE, roles: [], resources: [{ resource: BUCKET, edge: `effective-access|${ALICE}|${BUCKET}`, decision: 'allowed', levels: [] }] }],
    byResource: [{ resource: BUCKET, principals: [{ principal: ALICE, edge: `effective-access|${ALICE}|${BUCKET}`, decision: 'allowed', via: [], conditions: [], levels: [] }] }],
  },
  actionLevels: { 's3:GetObject': ['Read'], 's3:ListBucket': ['List'], 's3:PutObject': ['Tagging', 'Write'] },
  stats: { nodes: 11, edges: { 'member-of': 1, 'can-assume': 2, grants: 1, shares: 1, 'effective-access': 2 }, findings: 3, evaluations: 12, naiveEvaluations: 400, reused: 0, untypedResources: 0 },
};
