/**
 * Lesson (d): switching to a role gives up the caller's permissions, a resource-based policy keeps them
 * (seed 004, "リソースベースのポリシーを使用したクロスアカウントアクセス"; seed 000, "IAMロール vs
 * リソースベースポリシー"; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
const ALICE = `arn:aws:iam::${ACCOUNT_A}:user/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT_B}:role/CrossAccountRole`;
const SHARED = 'arn:aws:s3:::shared-bucket';
const ARCHIVE = 'arn:aws:s3:::team-a-archive';
const SOURCE = 'arn:aws:s3:::shared-bucket/reports/2025-12.csv';
const TARGET = 'arn:aws:s3:::team-a-archive/reports/2025-12.csv';

/** Copying a report from account B into account A, two ways. */
export const ROLE_VS_RESOURCE_POLICY: LessonDefinition = {
  id: 'role-vs-resource-policy',
  title: {
    en: 'Switching roles vs a resource-based policy',
    ja: 'ロールの切り替えとリソースベースのポリシー',
  },
  summary: {
    en: 'alice copies a report from account B into her own bucket: with the bucket policy she keeps her permissions, as CrossAccountRole she gives them up.',
    ja: 'alice はアカウント B のレポートを自分のバケットにコピーします。バケットポリシー経由なら自分の権限を保持し、CrossAccountRole に切り替えるとそれを放棄します。',
  },
  sources: [
    { seed: '004', section: 'リソースベースのポリシーを使用したクロスアカウントアクセス' },
    { seed: '000', section: 'IAMロール vs リソースベースポリシー' },
  ],
  scenario: {
    accounts: [
      { id: ACCOUNT_A, name: 'Account A' },
      { id: ACCOUNT_B, name: 'Account B' },
    ],
    users: [
      {
        arn: ALICE,
        policies: [
          inline(
            'CopyReports',
            { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/*' },
            { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::team-a-archive/*' },
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE },
          ),
        ],
      },
    ],
    roles: [
      {
        arn: ROLE,
        trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` }, Action: 'sts:AssumeRole' }),
        policies: [inline('ReadSharedBucket', { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [SHARED, 'arn:aws:s3:::shared-bucket/*'] })],
      },
    ],
    resources: [
      {
        arn: SHARED,
        account: ACCOUNT_B,
        policy: doc({ Sid: 'AliceReads', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/*' }),
      },
      { arn: ARCHIVE, account: ACCOUNT_A },
    ],
  },
  checkpoints: [
    { name: 'alice reads the report through the bucket policy', principal: ALICE, action: 's3:GetObject', resource: SOURCE, expect: 'Allow' },
    { name: 'alice writes the copy with her own permissions', principal: ALICE, action: 's3:PutObject', resource: TARGET, expect: 'Allow' },
    { name: 'alice may switch to CrossAccountRole', principal: ALICE, action: 'sts:AssumeRole', resource: ROLE, expect: 'Allow' },
    { name: 'as CrossAccountRole she reads the report', principal: ROLE, action: 's3:GetObject', resource: SOURCE, expect: 'Allow' },
    { name: 'as CrossAccountRole she cannot write the copy', principal: ROLE, action: 's3:PutObject', resource: TARGET, expect: 'ImplicitDeny' },
  ],
  steps: [
    {
      title: { en: 'The task: copy a report across accounts', ja: '課題: アカウントをまたいでレポートをコピーする' },
      body: {
        en: 'alice works in account A. She must copy `reports/2025-12.csv` from `shared-bucket` (account B) into `team-a-archive` (account A). Account B offers two ways in: a **bucket policy** that names alice, and the role **CrossAccountRole** that trusts account A.',
        ja: 'alice はアカウント A で作業しています。`shared-bucket`（アカウント B）の `reports/2025-12.csv` を `team-a-archive`（アカウント A）にコピーしなければなりません。アカウント B は 2 つの方法を用意しています。alice を指定した**バケットポリシー**と、アカウント A を信頼するロール **CrossAccountRole** です。',
      },
      focus: [ALICE, SHARED, ARCHIVE, ROLE],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Through the bucket policy, alice stays alice', ja: 'バケットポリシー経由なら alice は alice のまま' },
      body: {
        en: 'With a resource-based policy the principal keeps working in its own account: it does not give up its permissions. alice reads from account B’s bucket **and** writes to her own account’s bucket in the same session — ideal for copying data between accounts.',
        ja: 'リソースベースのポリシーでは、プリンシパルは引き続き自分のアカウントで動作するため、自分の権限を放棄する必要がありません。alice は同じセッションのまま、アカウント B のバケットから読み取り、**さらに**自分のアカウントのバケットに書き込めます。アカウント間でデータをコピーするのに便利です。',
      },
      focus: [ALICE, SHARED, ARCHIVE],
      predict: [
        {
          id: 'alice-write',
          question: { en: 'Can alice write the copy into `team-a-archive`?', ja: 'alice はコピーを `team-a-archive` に書き込めますか？' },
          request: { principal: ALICE, action: 's3:PutObject', resource: TARGET },
          answer: 'Allow',
          why: {
            en: 'It is her own account’s bucket and her own policy allows `s3:PutObject` there.',
            ja: '自分のアカウントのバケットで、自分のポリシーがそこへの `s3:PutObject` を許可しています。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'As CrossAccountRole, she gives her permissions up', ja: 'CrossAccountRole になると自分の権限を放棄する' },
      body: {
        en: 'When a principal switches to a role, it temporarily gives up its original permissions and takes on the role’s. As CrossAccountRole, alice can read `shared-bucket` but can no longer write to `team-a-archive`: the role has no such permission, and account A’s bucket does not trust account B.',
        ja: 'プリンシパルがロールに切り替えると、元のアクセス許可を一時的に放棄し、ロールのアクセス許可を引き継ぎます。CrossAccountRole としての alice は `shared-bucket` を読み取れますが、`team-a-archive` には書き込めなくなります。ロールにその権限がなく、アカウント A のバケットもアカウント B を信頼していないからです。',
      },
      focus: [ROLE, ARCHIVE],
      predict: [
        {
          id: 'role-write',
          question: { en: 'As CrossAccountRole, can she write the copy into `team-a-archive`?', ja: 'CrossAccountRole として、コピーを `team-a-archive` に書き込めますか？' },
          request: { principal: ROLE, action: 's3:PutObject', resource: TARGET },
          answer: 'Deny',
          why: {
            en: 'The session has only the role’s permissions; alice’s `s3:PutObject` stays behind.',
            ja: 'セッションが持つのはロールの権限だけで、alice の `s3:PutObject` は引き継がれません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'role-copy',
          task: {
            en: 'Make the copy work through the role as well: CrossAccountRole must be able to write `team-a-archive/reports/2025-12.csv`.',
            ja: 'ロール経由でもコピーできるようにしてください。CrossAccountRole が `team-a-archive/reports/2025-12.csv` に書き込める必要があります。',
          },
          hint: {
            en: 'A role needs setup in both accounts: allow `s3:PutObject` in the role’s policy (account B) and name the role in a bucket policy on `team-a-archive` (account A).',
            ja: 'ロールでは両方のアカウントでの設定が必要です。ロールのポリシー（アカウント B）で `s3:PutObject` を許可し、`team-a-archive`（アカウント A）のバケットポリシーでロールを指定します。',
          },
          goal: [{ name: 'CrossAccountRole writes the copy', principal: ROLE, action: 's3:PutObject', resource: TARGET, expect: 'Allow' }],
          keep: [{ name: 'alice can still copy on her own', principal: ALICE, action: 's3:PutObject', resource: TARGET, expect: 'Allow' }],
          solution: [
            { path: ['roles', 0, 'policies', 0, 'document', 'Statement', 1], value: { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::team-a-archive/*' } },
            {
              path: ['resources', 1, 'policy'],
              value: doc({ Sid: 'CrossAccountRoleWrites', Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::team-a-archive/*' }),
            },
          ],
          success: {
            en: 'A role works for any resource, but it needs configuration on both sides; a resource policy is set up on the resource side only.',
            ja: 'ロールはどのリソースにも使えますが、両側での設定が必要です。リソースベースのポリシーはリソース側だけで設定します。',
          },
        },
      ],
    },
  ],
};
