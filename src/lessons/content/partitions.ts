/**
 * Lesson (c): roles and resource-based policies delegate only inside one partition; `aws` and `aws-cn`
 * cannot trust each other (seed 004, the two notes on partitions; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const GLOBAL = '111122223333';
const PARTNER = '777788889999';
const CHINA = '444455556666';
const ANALYST = `arn:aws:iam::${GLOBAL}:user/analyst`;
const CN_ANALYST = `arn:aws-cn:iam::${CHINA}:user/cn-analyst`;
const CN_ROLE = `arn:aws-cn:iam::${CHINA}:role/ReportReader`;
const GLOBAL_BUCKET = 'arn:aws:s3:::global-reports';
const CN_BUCKET = 'arn:aws-cn:s3:::cn-reports';
const GLOBAL_OBJECT = 'arn:aws:s3:::global-reports/2025/q4.csv';
const CN_OBJECT = 'arn:aws-cn:s3:::cn-reports/2025/q4.csv';
const ANALYST_ACCOUNT = `arn:aws:iam::${GLOBAL}:root`;

/** One analyst, a bucket in the same partition and a bucket and role in the China partition. */
export const PARTITIONS: LessonDefinition = {
  id: 'partitions',
  title: {
    en: 'Partitions never trust each other',
    ja: 'パーティション間では信頼できない',
  },
  summary: {
    en: 'The same bucket policy works from another `aws` account but not from `aws-cn`: IAM roles and resource-based policies delegate only inside one partition.',
    ja: '同じバケットポリシーでも、別の `aws` アカウントからは機能し、`aws-cn` からは機能しません。IAM ロールとリソースベースのポリシーは単一のパーティション内でのみアクセスを委任します。',
  },
  sources: [{ seed: '004', section: '注記（パーティション）' }],
  scenario: {
    accounts: [
      { id: GLOBAL, name: 'Global account (aws, us-west-1)' },
      { id: PARTNER, name: 'Partner account (aws)' },
      { id: CHINA, name: 'China account (aws-cn)', partition: 'aws-cn' },
    ],
    users: [
      {
        arn: ANALYST,
        policies: [inline('ReadReports', { Effect: 'Allow', Action: ['s3:GetObject', 'sts:AssumeRole'], Resource: '*' })],
      },
      { arn: CN_ANALYST },
    ],
    roles: [
      {
        arn: CN_ROLE,
        trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: ANALYST_ACCOUNT }, Action: 'sts:AssumeRole' }),
        policies: [inline('ReadChinaReports', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::cn-reports/*' })],
      },
    ],
    resources: [
      {
        arn: GLOBAL_BUCKET,
        account: PARTNER,
        policy: doc({ Effect: 'Allow', Principal: { AWS: ANALYST_ACCOUNT }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::global-reports/*' }),
      },
      {
        arn: CN_BUCKET,
        account: CHINA,
        policy: doc({ Effect: 'Allow', Principal: { AWS: ANALYST_ACCOUNT }, Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::cn-reports/*' }),
      },
    ],
  },
  checkpoints: [
    { name: 'inside the aws partition the bucket policy works', principal: ANALYST, action: 's3:GetObject', resource: GLOBAL_OBJECT, expect: 'Allow' },
    { name: 'the aws-cn bucket policy cannot grant an aws principal', principal: ANALYST, action: 's3:GetObject', resource: CN_OBJECT, expect: 'ImplicitDeny' },
    { name: 'an aws-cn role cannot be assumed from aws', principal: ANALYST, action: 'sts:AssumeRole', resource: CN_ROLE, expect: 'ImplicitDeny' },
    { name: 'no chain of roles crosses the partition', principal: ANALYST, action: 's3:GetObject', resource: CN_OBJECT, via: 'role-chain', expect: 'Unreachable' },
    { name: 'the policy naming another partition is flagged', finding: 'cross-partition-reference', subject: CN_BUCKET, expect: 'Present' },
  ],
  steps: [
    {
      title: { en: 'Two partitions', ja: '2 つのパーティション' },
      body: {
        en: 'AWS is divided into **partitions**: the standard `aws` partition (for example US West, N. California), `aws-cn` for China, `aws-us-gov` and others. The partition is the second field of every ARN: `arn:aws:…` or `arn:aws-cn:…`. The analyst works in a standard account; the China account lives in `aws-cn`.',
        ja: 'AWS は**パーティション**に分かれています。標準の `aws` パーティション（たとえば米国西部 (北カリフォルニア)）、中国の `aws-cn`、`aws-us-gov` などです。パーティションはすべての ARN の 2 番目のフィールドです（`arn:aws:…` や `arn:aws-cn:…`）。アナリストは標準のアカウントで作業し、中国のアカウントは `aws-cn` にあります。',
      },
      focus: [GLOBAL, CHINA, PARTNER],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Inside one partition it works', ja: '同じパーティション内なら機能する' },
      body: {
        en: 'The partner’s bucket `global-reports` grants the analyst’s account `s3:GetObject`, and the analyst’s own policy allows it: an ordinary cross-account grant in `aws`.',
        ja: 'パートナーのバケット `global-reports` はアナリストのアカウントに `s3:GetObject` を許可し、アナリスト自身のポリシーもそれを許可しています。`aws` 内の通常のクロスアカウント許可です。',
      },
      focus: [ANALYST, GLOBAL_BUCKET],
      predict: [
        {
          id: 'global-read',
          question: { en: 'Can the analyst read `global-reports/2025/q4.csv`?', ja: 'アナリストは `global-reports/2025/q4.csv` を読み取れますか？' },
          request: { principal: ANALYST, action: 's3:GetObject', resource: GLOBAL_OBJECT },
          answer: 'Allow',
          why: {
            en: 'Both accounts are in `aws`, and both policies allow the read.',
            ja: 'どちらのアカウントも `aws` にあり、両方のポリシーが読み取りを許可しています。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Across partitions nothing works', ja: 'パーティションをまたぐと何も機能しない' },
      body: {
        en: 'The China account’s bucket `cn-reports` has exactly the same kind of policy, and its role `ReportReader` trusts the analyst’s account. Neither works: you cannot use a resource-based policy in an `aws-cn` account to give a user in a standard account access, and roles do not cross partitions either. AccessGraph evaluates such a request as impossible (`invalid-request`) and draws no edge.',
        ja: '中国のアカウントのバケット `cn-reports` にもまったく同じ種類のポリシーがあり、ロール `ReportReader` もアナリストのアカウントを信頼しています。しかしどちらも機能しません。`aws-cn` のアカウントのリソースベースのポリシーで標準アカウントのユーザーにアクセスを許可することはできず、ロールもパーティションをまたげません。AccessGraph はこのようなリクエストをあり得ないもの（`invalid-request`）として評価し、エッジを描きません。',
      },
      focus: [CN_BUCKET, CN_ROLE, ANALYST],
      predict: [
        {
          id: 'cn-read',
          question: { en: 'Can the analyst read `cn-reports/2025/q4.csv`?', ja: 'アナリストは `cn-reports/2025/q4.csv` を読み取れますか？' },
          request: { principal: ANALYST, action: 's3:GetObject', resource: CN_OBJECT },
          answer: 'Deny',
          why: {
            en: 'The principal is in `aws` and the bucket in `aws-cn`: no policy can delegate across partitions.',
            ja: 'プリンシパルは `aws`、バケットは `aws-cn` にあり、どのポリシーもパーティションをまたいで委任できません。',
          },
        },
        {
          id: 'cn-assume',
          question: { en: 'Can the analyst assume `ReportReader` in the China account?', ja: 'アナリストは中国のアカウントの `ReportReader` を引き受けられますか？' },
          request: { principal: ANALYST, action: 'sts:AssumeRole', resource: CN_ROLE },
          answer: 'Deny',
          why: {
            en: 'Roles delegate only inside one partition, whatever the trust policy says.',
            ja: '信頼ポリシーの内容にかかわらず、ロールは単一のパーティション内でのみ委任します。',
          },
        },
      ],
      tryIt: [
        {
          id: 'cn-local-access',
          task: {
            en: 'Access inside `aws-cn` works as usual. Give the China account’s user `cn-analyst` read access to `cn-reports`.',
            ja: '`aws-cn` の中では通常どおりアクセスできます。中国のアカウントのユーザー `cn-analyst` に `cn-reports` への読み取りアクセスを与えてください。',
          },
          hint: {
            en: 'Same account: an identity-based policy on `cn-analyst` allowing `s3:GetObject` on `arn:aws-cn:s3:::cn-reports/*` is enough.',
            ja: '同じアカウントなので、`arn:aws-cn:s3:::cn-reports/*` への `s3:GetObject` を許可する ID ベースのポリシーを `cn-analyst` に追加すれば十分です。',
          },
          goal: [{ name: 'cn-analyst reads the report', principal: CN_ANALYST, action: 's3:GetObject', resource: CN_OBJECT, expect: 'Allow' }],
          keep: [{ name: 'the aws analyst still cannot', principal: ANALYST, action: 's3:GetObject', resource: CN_OBJECT, expect: 'ImplicitDeny' }],
          solution: [{ path: ['users', 1, 'policies'], value: [inline('ReadChinaReports', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::cn-reports/*' })] }],
          success: {
            en: 'Within a partition the usual rules apply; across partitions you need separate identities in each.',
            ja: 'パーティション内では通常のルールが適用されます。パーティションをまたぐ場合は、それぞれに別のアイデンティティが必要です。',
          },
        },
      ],
    },
  ],
};
