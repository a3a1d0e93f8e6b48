/**
 * Lesson (n): the anti-pattern `"Principal": {"AWS": "*"}` next to its organization-limited fix (seed 000,
 * "避けるべきパターン"; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const WORKLOADS = 'ou-a1b2-wkld0001';
const MANAGEMENT = '999999999999';
const OWNER = '111111111111';
const MEMBER = '222222222222';
const OUTSIDE = '333333333333';
const BOB = `arn:aws:iam::${MEMBER}:user/bob`;
const CAROL = `arn:aws:iam::${OUTSIDE}:user/carol`;
const OPEN = 'arn:aws:s3:::open-reports';
const LIMITED = 'arn:aws:s3:::org-reports';
const OPEN_OBJECT = 'arn:aws:s3:::open-reports/2025-q4.pdf';
const LIMITED_OBJECT = 'arn:aws:s3:::org-reports/2025-q4.pdf';

const READ_ANY_OBJECT = inline('ReadObjects', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const ORG_ONLY = { StringEquals: { 'aws:PrincipalOrgID': ORG } };

function readStatement(bucket: string): { Effect: string; Principal: { AWS: string }; Action: string; Resource: string } {
  return { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: `${bucket}/*` };
}

/** open-reports allows `{"AWS": "*"}`; org-reports adds `aws:PrincipalOrgID`. */
export const PUBLIC_PRINCIPAL: LessonDefinition = {
  id: 'public-principal',
  title: {
    en: 'The `{"AWS": "*"}` anti-pattern',
    ja: 'アンチパターン `{"AWS": "*"}`',
  },
  summary: {
    en: 'Two buckets with the same grant: one allows every account in the world and even anonymous callers, the other only the organization.',
    ja: '同じ許可を持つ 2 つのバケット。一方は世界中のすべてのアカウントと匿名の呼び出し元まで許可し、もう一方は組織だけを許可します。',
  },
  sources: [{ seed: '000', section: '避けるべきパターン' }],
  scenario: {
    organization: { id: ORG, managementAccountId: MANAGEMENT, rootId: ROOT, units: [{ id: WORKLOADS, name: 'Workloads', parentId: ROOT }] },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: OWNER, name: 'Reporting', parentId: WORKLOADS },
      { id: MEMBER, name: 'Application', parentId: WORKLOADS },
      { id: OUTSIDE, name: 'Someone else’s account' },
    ],
    users: [
      { arn: BOB, policies: [READ_ANY_OBJECT] },
      { arn: CAROL, policies: [READ_ANY_OBJECT] },
    ],
    resources: [
      { arn: OPEN, account: OWNER, policy: doc(readStatement(OPEN)) },
      { arn: LIMITED, account: OWNER, policy: doc({ ...readStatement(LIMITED), Condition: ORG_ONLY }) },
    ],
  },
  checkpoints: [
    { name: 'anyone on the internet reads open-reports', principal: 'anonymous', action: 's3:GetObject', resource: OPEN_OBJECT, expect: 'Allow' },
    { name: 'any AWS account reads open-reports', principal: CAROL, action: 's3:GetObject', resource: OPEN_OBJECT, expect: 'Allow' },
    { name: 'the organization reads org-reports', principal: BOB, action: 's3:GetObject', resource: LIMITED_OBJECT, expect: 'Allow' },
    { name: 'other accounts cannot read org-reports', principal: CAROL, action: 's3:GetObject', resource: LIMITED_OBJECT, expect: 'ImplicitDeny' },
    { name: 'anonymous callers cannot read org-reports', principal: 'anonymous', action: 's3:GetObject', resource: LIMITED_OBJECT, expect: 'ImplicitDeny' },
    { name: 'open-reports is flagged as public', finding: 'public-access', subject: OPEN, expect: 'Present' },
    { name: 'org-reports is not public', finding: 'public-access', subject: LIMITED, expect: 'Absent' },
  ],
  steps: [
    {
      title: { en: 'Bad: every account', ja: '悪い例: 全アカウントを許可' },
      body: {
        en: 'The policy of `open-reports` allows `"Principal": {"AWS": "*"}`. It reads like "any AWS account", but for a resource-based policy it is the same as `"*"`: **everyone**, including unauthenticated callers.',
        ja: '`open-reports` のポリシーは `"Principal": {"AWS": "*"}` を許可しています。「任意の AWS アカウント」のように読めますが、リソースベースのポリシーでは `"*"` と同じで、認証されていない呼び出し元も含めた**全員**を意味します。',
      },
      focus: [OPEN],
      predict: [
        {
          id: 'anonymous-open',
          question: { en: 'Can an anonymous caller (no AWS credentials) download `open-reports/2025-q4.pdf`?', ja: '匿名の呼び出し元（AWS 認証情報なし）は `open-reports/2025-q4.pdf` をダウンロードできますか？' },
          request: { principal: 'anonymous', action: 's3:GetObject', resource: OPEN_OBJECT },
          answer: 'Allow',
          why: {
            en: '`{"AWS": "*"}` matches every principal, anonymous included.',
            ja: '`{"AWS": "*"}` は匿名を含むすべてのプリンシパルに一致します。',
          },
        },
        {
          id: 'carol-open',
          question: { en: 'Can carol, in an account you do not know, read it?', ja: '知らないアカウントの carol は読み取れますか？' },
          request: { principal: CAROL, action: 's3:GetObject', resource: OPEN_OBJECT },
          answer: 'Allow',
          why: {
            en: 'The bucket allows everyone, and her own account allows her `s3:GetObject`.',
            ja: 'バケットは全員を許可し、彼女自身のアカウントも `s3:GetObject` を許可しています。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Good: limited by organization ID', ja: '良い例: 組織 ID で制限' },
      body: {
        en: '`org-reports` has the same statement plus `"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}`. Only principals of accounts in the organization match; outsiders and anonymous callers do not.',
        ja: '`org-reports` には同じステートメントに `"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}` が加えられています。一致するのは組織内のアカウントのプリンシパルだけで、組織外や匿名の呼び出し元は一致しません。',
      },
      focus: [LIMITED, ROOT],
      predict: [
        {
          id: 'carol-limited',
          question: { en: 'Can carol read `org-reports/2025-q4.pdf`?', ja: 'carol は `org-reports/2025-q4.pdf` を読み取れますか？' },
          request: { principal: CAROL, action: 's3:GetObject', resource: LIMITED_OBJECT },
          answer: 'Deny',
          why: {
            en: 'Her account is not in `o-a1b2c3d4e5`, so the condition is false.',
            ja: '彼女のアカウントは `o-a1b2c3d4e5` に属していないため、条件は偽になります。',
          },
        },
      ],
      tryIt: [
        {
          id: 'fix-open-reports',
          task: {
            en: 'Fix `open-reports` so that only the organization can read it.',
            ja: '`open-reports` を組織だけが読み取れるように修正してください。',
          },
          hint: {
            en: 'Copy the `Condition` of the `org-reports` policy into the `open-reports` statement.',
            ja: '`org-reports` のポリシーの `Condition` を `open-reports` のステートメントにコピーします。',
          },
          goal: [
            { name: 'anonymous callers are out', principal: 'anonymous', action: 's3:GetObject', resource: OPEN_OBJECT, expect: 'ImplicitDeny' },
            { name: 'other accounts are out', principal: CAROL, action: 's3:GetObject', resource: OPEN_OBJECT, expect: 'ImplicitDeny' },
            { name: 'open-reports is no longer public', finding: 'public-access', subject: OPEN, expect: 'Absent' },
          ],
          keep: [{ name: 'the organization still reads', principal: BOB, action: 's3:GetObject', resource: OPEN_OBJECT, expect: 'Allow' }],
          solution: [{ path: ['resources', 0, 'policy', 'Statement', 0, 'Condition'], value: ORG_ONLY }],
          success: {
            en: 'Same `"*"`, no longer public: the condition pins it to your organization.',
            ja: '同じ `"*"` でも、条件で組織に限定したためパブリックではなくなりました。',
          },
        },
      ],
    },
  ],
};
