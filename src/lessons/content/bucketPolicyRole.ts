/**
 * Lesson (g): an S3 bucket policy in one account grants a role in another account (seed 000, "S3バケット
 * ポリシー例"; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline, serviceTrust } from './policy';

const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
const BUCKET = 'arn:aws:s3:::shared-data-bucket';
const INPUT = 'arn:aws:s3:::shared-data-bucket/input/orders-2025-12-08.csv';
const OUTPUT = 'arn:aws:s3:::shared-data-bucket/output/summary-2025-12-08.csv';
const PIPELINE = `arn:aws:iam::${ACCOUNT_A}:role/DataPipelineRole`;
const ANALYTICS = `arn:aws:iam::${ACCOUNT_A}:role/AnalyticsRole`;

const CROSS_ACCOUNT_ACCESS = {
  Sid: 'CrossAccountAccess',
  Effect: 'Allow',
  Principal: { AWS: PIPELINE },
  Action: ['s3:GetObject', 's3:PutObject'],
  Resource: 'arn:aws:s3:::shared-data-bucket/*',
};

/** DataPipelineRole reads and writes `shared-data-bucket` through the bucket policy. */
export const BUCKET_POLICY_ROLE: LessonDefinition = {
  id: 'bucket-policy-role',
  title: {
    en: 'A bucket policy grants a role in another account',
    ja: 'バケットポリシーで別アカウントのロールに許可する',
  },
  summary: {
    en: 'The bucket policy of shared-data-bucket names DataPipelineRole from account A; the role’s own policy must allow the same actions.',
    ja: 'shared-data-bucket のバケットポリシーはアカウント A の DataPipelineRole を指定しています。ロール自身のポリシーも同じアクションを許可する必要があります。',
  },
  sources: [{ seed: '000', section: 'S3バケットポリシー例' }],
  scenario: {
    accounts: [
      { id: ACCOUNT_A, name: 'Account A (data pipeline)' },
      { id: ACCOUNT_B, name: 'Account B (data owner)' },
    ],
    roles: [
      {
        arn: PIPELINE,
        trustPolicy: serviceTrust('glue.amazonaws.com', ACCOUNT_A),
        policies: [inline('SharedDataReadWrite', { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::shared-data-bucket/*' })],
      },
      {
        arn: ANALYTICS,
        trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` }, Action: 'sts:AssumeRole' }),
        policies: [inline('S3Everything', { Effect: 'Allow', Action: 's3:*', Resource: '*' })],
      },
    ],
    resources: [{ arn: BUCKET, account: ACCOUNT_B, policy: doc(CROSS_ACCOUNT_ACCESS) }],
  },
  checkpoints: [
    { name: 'DataPipelineRole reads input', principal: PIPELINE, action: 's3:GetObject', resource: INPUT, expect: 'Allow' },
    { name: 'DataPipelineRole writes output', principal: PIPELINE, action: 's3:PutObject', resource: OUTPUT, expect: 'Allow' },
    { name: 'DataPipelineRole cannot delete: the bucket does not grant it', principal: PIPELINE, action: 's3:DeleteObject', resource: INPUT, expect: 'ImplicitDeny' },
    { name: 'DataPipelineRole cannot list the bucket', principal: PIPELINE, action: 's3:ListBucket', resource: BUCKET, expect: 'ImplicitDeny' },
    { name: 'AnalyticsRole has s3:* but the bucket does not name it', principal: ANALYTICS, action: 's3:GetObject', resource: INPUT, expect: 'ImplicitDeny' },
  ],
  steps: [
    {
      title: { en: 'The bucket names one role', ja: 'バケットは 1 つのロールを指定する' },
      body: {
        en: 'Account B owns `shared-data-bucket`. Its bucket policy (statement `CrossAccountAccess`) allows `s3:GetObject` and `s3:PutObject` on the objects to exactly one principal: `DataPipelineRole` in account A.\n\nA resource-based policy is set up on the resource side only, and the caller keeps its own identity: no role switch is involved.',
        ja: 'アカウント B は `shared-data-bucket` を所有しています。バケットポリシー（ステートメント `CrossAccountAccess`）は、オブジェクトへの `s3:GetObject` と `s3:PutObject` を、ただ 1 つのプリンシパル、アカウント A の `DataPipelineRole` に許可しています。\n\nリソースベースポリシーはリソース側だけで設定し、呼び出し元は自分のアイデンティティのままアクセスします。ロールの切り替えはありません。',
      },
      focus: [BUCKET, PIPELINE],
      predict: [
        {
          id: 'pipeline-put',
          question: { en: 'Can DataPipelineRole write `output/summary-2025-12-08.csv`?', ja: 'DataPipelineRole は `output/summary-2025-12-08.csv` を書き込めますか？' },
          request: { principal: PIPELINE, action: 's3:PutObject', resource: OUTPUT },
          answer: 'Allow',
          why: {
            en: 'The bucket policy names the role and the role’s own policy allows `s3:PutObject` there.',
            ja: 'バケットポリシーがロールを指定し、ロール自身のポリシーもそこへの `s3:PutObject` を許可しています。',
          },
        },
        {
          id: 'pipeline-delete',
          question: { en: 'Can DataPipelineRole delete an input file?', ja: 'DataPipelineRole は入力ファイルを削除できますか？' },
          request: { principal: PIPELINE, action: 's3:DeleteObject', resource: INPUT },
          answer: 'Deny',
          why: {
            en: 'Neither policy allows `s3:DeleteObject`; across accounts both would have to.',
            ja: 'どちらのポリシーも `s3:DeleteObject` を許可していません。クロスアカウントでは両方の許可が必要です。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Both sides must allow', ja: '両側で許可が必要' },
      body: {
        en: '`AnalyticsRole` in account A may do `s3:*` on `*` according to its own policy. That is only half of a cross-account request: the bucket policy in account B does not name it, so it gets nothing from `shared-data-bucket`.',
        ja: 'アカウント A の `AnalyticsRole` は、自身のポリシーでは `*` に対する `s3:*` が許可されています。しかしそれはクロスアカウントリクエストの半分にすぎません。アカウント B のバケットポリシーがこのロールを指定していないため、`shared-data-bucket` には一切アクセスできません。',
      },
      focus: [ANALYTICS, BUCKET],
      predict: [
        {
          id: 'analytics-read',
          question: { en: 'Can AnalyticsRole (allowed `s3:*` on `*`) read an input file?', ja: 'AnalyticsRole（`*` に対する `s3:*` を許可）は入力ファイルを読み取れますか？' },
          request: { principal: ANALYTICS, action: 's3:GetObject', resource: INPUT },
          answer: 'Deny',
          why: {
            en: 'Account B’s bucket policy grants only DataPipelineRole; an identity policy alone never opens another account’s resource.',
            ja: 'アカウント B のバケットポリシーは DataPipelineRole にしか許可していません。ID ポリシーだけで別アカウントのリソースにアクセスすることはできません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'pipeline-list',
          task: {
            en: 'The pipeline now also needs to list the bucket. Make `s3:ListBucket` on `arn:aws:s3:::shared-data-bucket` work for DataPipelineRole.',
            ja: 'パイプラインがバケットの一覧表示も必要になりました。DataPipelineRole が `arn:aws:s3:::shared-data-bucket` に対して `s3:ListBucket` できるようにしてください。',
          },
          hint: {
            en: 'Listing is an action on the bucket ARN (no `/*`). Allow it in the bucket policy *and* in the role’s policy.',
            ja: '一覧表示はバケットの ARN（`/*` なし）に対するアクションです。バケットポリシーとロールのポリシーの*両方*で許可します。',
          },
          goal: [{ name: 'DataPipelineRole lists the bucket', principal: PIPELINE, action: 's3:ListBucket', resource: BUCKET, expect: 'Allow' }],
          keep: [{ name: 'AnalyticsRole still gets nothing', principal: ANALYTICS, action: 's3:ListBucket', resource: BUCKET, expect: 'ImplicitDeny' }],
          solution: [
            {
              path: ['resources', 0, 'policy', 'Statement'],
              value: [CROSS_ACCOUNT_ACCESS, { Sid: 'CrossAccountList', Effect: 'Allow', Principal: { AWS: PIPELINE }, Action: 's3:ListBucket', Resource: BUCKET }],
            },
            {
              path: ['roles', 0, 'policies', 0, 'document', 'Statement', 1],
              value: { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
            },
          ],
          success: {
            en: 'Two edits in two accounts: the owner grants, the caller’s account allows.',
            ja: '2 つのアカウントで 2 か所を編集しました。所有者が許可し、呼び出し元のアカウントも許可しています。',
          },
        },
      ],
    },
  ],
};
