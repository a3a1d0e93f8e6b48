/**
 * The smallest graph that exercises every mapping rule: an organization with one OU and account, a
 * partner outside it, a trust with and without a condition, access through a role, a finding.
 */
import type { AccessGraph } from '../../src/analysis/types';
import { GraphBuilder, needs } from '../../src/graph/fixtures/GraphBuilder';

export const A = '111111111111';
export const P = '333333333333';
export const ALICE = `arn:aws:iam::${A}:user/alice`;
export const ROLE = `arn:aws:iam::${A}:role/App`;
export const BUCKET = 'arn:aws:s3:::data';
export const PARTNER_ROLE = `arn:aws:iam::${P}:role/Partner`;

export function tinyGraph(): AccessGraph {
  return new GraphBuilder()
    .organization('r-1', 'o-1')
    .ou('ou-1', 'Prod', 'r-1')
    .account(A, 'Apps', 'ou-1')
    .account(P, 'Partner', undefined, ['external'])
    .principal('user', ALICE)
    .principal('role', ROLE)
    .resource(BUCKET, A, ['s3:bucket'])
    .principal('role', PARTNER_ROLE, ['external'])
    .assume(ALICE, ROLE)
    .assume(PARTNER_ROLE, ROLE, 'conditional', { conditions: [needs('external-id', 'sts:ExternalId')] })
    .access(ROLE, BUCKET, [
      { action: 's3:GetObject', levels: ['Read'] },
      { action: 's3:PutObject', levels: ['Write'] },
    ])
    .access(ALICE, BUCKET, [
      { action: 's3:GetObject', levels: ['Read'], via: [ROLE] },
      { action: 's3:PutObject', levels: ['Write'], via: [ROLE] },
    ])
    .access(PARTNER_ROLE, BUCKET, [{ action: 's3:GetObject', levels: ['Read'], decision: 'conditional', via: [ROLE] }])
    .finding('external-access', 'medium', ROLE)
    .build();
}
