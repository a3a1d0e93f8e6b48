/**
 * Lesson (b): the customer creates the `APNPartner` role and trusts the partner's account with it (seed
 * 004, "ロールを使用したクロスアカウントアクセス"; https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline, serviceTrust } from './policy';

const CUSTOMER = '111122223333';
const PARTNER = '444455556666';
const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const ROLE = `arn:aws:iam::${CUSTOMER}:role/APNPartner`;
// The guide's placeholder `role/APN-user-name` becomes a concrete role that runs the partner's software.
const PARTNER_SOFTWARE = `arn:aws:iam::${PARTNER}:role/PartnerSoftware`;
const PARTNER_INTERN = `arn:aws:iam::${PARTNER}:user/intern`;
const BUCKET = 'arn:aws:s3:::bucket-name';
const OBJECT = 'arn:aws:s3:::bucket-name/exports/2025-12.csv';
const EXTERNAL_ID = 'apn-7f3a9c21';

const TRUST_STATEMENT = { Effect: 'Allow', Principal: { AWS: PARTNER_SOFTWARE }, Action: 'sts:AssumeRole' };

/** The APN partner role. */
export const PARTNER_ROLE: LessonDefinition = {
  id: 'partner-role',
  title: {
    en: 'A role for a partner: APNPartner',
    ja: 'パートナー用のロール: APNPartner',
  },
  summary: {
    en: 'The customer creates the APNPartner role with S3 permissions and a trust policy naming the partner; the partner’s software assumes it with AssumeRole.',
    ja: '顧客は S3 の権限とパートナーを指定した信頼ポリシーを持つ APNPartner ロールを作成し、パートナーのソフトウェアが AssumeRole でそれを引き受けます。',
  },
  sources: [{ seed: '004', section: 'ロールを使用したクロスアカウントアクセス' }],
  scenario: {
    organization: { id: ORG, managementAccountId: CUSTOMER, rootId: ROOT },
    accounts: [
      { id: CUSTOMER, name: 'Customer', parentId: ROOT },
      { id: PARTNER, name: 'APN partner' },
    ],
    users: [{ arn: PARTNER_INTERN, policies: [inline('AssumeAnything', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })] }],
    roles: [
      {
        arn: ROLE,
        trustPolicy: doc(TRUST_STATEMENT),
        policies: [inline('PartnerS3Access', { Effect: 'Allow', Action: 's3:*', Resource: [BUCKET] })],
      },
      {
        arn: PARTNER_SOFTWARE,
        trustPolicy: serviceTrust('ecs-tasks.amazonaws.com', PARTNER),
        policies: [inline('AssumeCustomerRole', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE })],
      },
    ],
    resources: [{ arn: BUCKET, account: CUSTOMER }],
  },
  checkpoints: [
    { name: 'the partner software assumes APNPartner', principal: PARTNER_SOFTWARE, action: 'sts:AssumeRole', resource: ROLE, expect: 'Allow' },
    { name: 'another partner identity is not trusted', principal: PARTNER_INTERN, action: 'sts:AssumeRole', resource: ROLE, expect: 'ImplicitDeny' },
    { name: 'APNPartner lists the bucket', principal: ROLE, action: 's3:ListBucket', resource: BUCKET, expect: 'Allow' },
    { name: 'APNPartner cannot read objects: the policy names only the bucket', principal: ROLE, action: 's3:GetObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'the partner software cannot use the bucket directly', principal: PARTNER_SOFTWARE, action: 's3:ListBucket', resource: BUCKET, expect: 'ImplicitDeny' },
    { name: 'the partner software reaches the bucket through the role', principal: PARTNER_SOFTWARE, action: 's3:ListBucket', resource: BUCKET, via: 'role-chain', expect: 'Reachable' },
    { name: 'a third-party trust without an external ID is flagged', finding: 'missing-external-id', subject: ROLE, expect: 'Present' },
  ],
  steps: [
    {
      title: { en: 'The customer creates APNPartner', ja: '顧客が APNPartner を作成する' },
      body: {
        en: 'In their own account the customer creates the IAM role **APNPartner**. Its permission policy allows `s3:*` on `arn:aws:s3:::bucket-name` — the Amazon S3 resource the partner needs.\n\nRoles act as a proxy: they work for every service, including those without resource-based policies.',
        ja: '顧客は自分のアカウントに IAM ロール **APNPartner** を作成します。その権限ポリシーは、パートナーが必要とする Amazon S3 リソース `arn:aws:s3:::bucket-name` に対する `s3:*` を許可します。\n\nロールはプロキシとして機能するため、リソースベースのポリシーをサポートしないサービスも含め、あらゆるサービスで使えます。',
      },
      focus: [CUSTOMER, ROLE, BUCKET],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'The trust policy names the partner', ja: '信頼ポリシーでパートナーを指定する' },
      body: {
        en: 'The role’s trust policy allows `sts:AssumeRole` to the partner’s principal `arn:aws:iam::444455556666:role/PartnerSoftware`. The customer then hands the role ARN `arn:aws:iam::111122223333:role/APNPartner` to the partner.\n\nAcross accounts the partner’s side must allow the call too: PartnerSoftware’s own policy allows `sts:AssumeRole` on that ARN.',
        ja: 'ロールの信頼ポリシーは、パートナーのプリンシパル `arn:aws:iam::444455556666:role/PartnerSoftware` に `sts:AssumeRole` を許可します。顧客はロールの ARN `arn:aws:iam::111122223333:role/APNPartner` をパートナーに渡します。\n\nクロスアカウントでは、パートナー側でも呼び出しを許可する必要があります。PartnerSoftware 自身のポリシーがその ARN への `sts:AssumeRole` を許可しています。',
      },
      focus: [ROLE, PARTNER_SOFTWARE, PARTNER],
      predict: [
        {
          id: 'software-assume',
          question: { en: 'Can PartnerSoftware assume APNPartner?', ja: 'PartnerSoftware は APNPartner を引き受けられますか？' },
          request: { principal: PARTNER_SOFTWARE, action: 'sts:AssumeRole', resource: ROLE },
          answer: 'Allow',
          why: {
            en: 'The trust policy names PartnerSoftware and its own policy allows the call.',
            ja: '信頼ポリシーが PartnerSoftware を指定し、自身のポリシーも呼び出しを許可しています。',
          },
        },
        {
          id: 'intern-assume',
          question: { en: 'Can the partner’s user `intern` (allowed `sts:AssumeRole` on `*`) assume it?', ja: 'パートナーのユーザー `intern`（`*` への `sts:AssumeRole` を許可）はロールを引き受けられますか？' },
          request: { principal: PARTNER_INTERN, action: 'sts:AssumeRole', resource: ROLE },
          answer: 'Deny',
          why: {
            en: 'The trust policy names one principal, not the whole partner account.',
            ja: '信頼ポリシーが指定しているのは 1 つのプリンシパルで、パートナーのアカウント全体ではありません。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Working as the role', ja: 'ロールとして作業する' },
      body: {
        en: 'When the partner’s software calls AssumeRole, STS returns temporary credentials. With them the software acts as APNPartner and gets the role’s permissions — not its own. Note that the policy names the bucket, not its objects (`bucket-name/*`): the role can list, but not read files.',
        ja: 'パートナーのソフトウェアが AssumeRole を呼び出すと、STS は一時的な認証情報を返します。ソフトウェアはそれを使って APNPartner として動作し、自分の権限ではなくロールの権限を得ます。ポリシーが指定しているのはバケットであり、オブジェクト（`bucket-name/*`）ではないことに注意してください。ロールは一覧表示はできますが、ファイルは読み取れません。',
      },
      focus: [ROLE, BUCKET],
      predict: [
        {
          id: 'role-get-object',
          question: { en: 'Can APNPartner read `exports/2025-12.csv`?', ja: 'APNPartner は `exports/2025-12.csv` を読み取れますか？' },
          request: { principal: ROLE, action: 's3:GetObject', resource: OBJECT },
          answer: 'Deny',
          why: {
            en: '`arn:aws:s3:::bucket-name` matches only the bucket; objects need `arn:aws:s3:::bucket-name/*`.',
            ja: '`arn:aws:s3:::bucket-name` はバケットにしか一致しません。オブジェクトには `arn:aws:s3:::bucket-name/*` が必要です。',
          },
        },
      ],
      tryIt: [
        {
          id: 'read-objects',
          task: {
            en: 'Let APNPartner read the objects in the bucket too.',
            ja: 'APNPartner がバケット内のオブジェクトも読み取れるようにしてください。',
          },
          hint: {
            en: 'Add `arn:aws:s3:::bucket-name/*` to the `Resource` list of the role’s policy.',
            ja: 'ロールのポリシーの `Resource` に `arn:aws:s3:::bucket-name/*` を追加します。',
          },
          goal: [{ name: 'APNPartner reads an object', principal: ROLE, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' }],
          keep: [],
          solution: [{ path: ['roles', 0, 'policies', 0, 'document', 'Statement', 0, 'Resource', 1], value: 'arn:aws:s3:::bucket-name/*' }],
          success: {
            en: 'Bucket actions and object actions use different ARNs; many policies list both.',
            ja: 'バケットへのアクションとオブジェクトへのアクションは別の ARN を使います。多くのポリシーが両方を列挙しています。',
          },
        },
      ],
    },
    {
      title: { en: 'Many customers: use an external ID', ja: '顧客が多い場合: 外部 ID を使う' },
      body: {
        en: 'A partner serves many customers with the same software. The guide recommends an **external ID** in multi-tenant situations; AccessGraph flags this trust (`missing-external-id`) because the partner’s account is outside the customer’s organization.',
        ja: 'パートナーは同じソフトウェアで多くの顧客にサービスを提供します。ガイドではマルチテナントの状況で**外部 ID** を使うことを推奨しています。パートナーのアカウントは顧客の組織の外にあるため、AccessGraph はこの信頼を（`missing-external-id` として）指摘します。',
      },
      focus: [ROLE, PARTNER],
      predict: [],
      tryIt: [
        {
          id: 'require-external-id',
          task: {
            en: `Require the external ID \`${EXTERNAL_ID}\` in APNPartner’s trust policy.`,
            ja: `APNPartner の信頼ポリシーで外部 ID \`${EXTERNAL_ID}\` を必須にしてください。`,
          },
          hint: {
            en: `Add \`"Condition": {"StringEquals": {"sts:ExternalId": "${EXTERNAL_ID}"}}\` to the trust statement.`,
            ja: `信頼ポリシーのステートメントに \`"Condition": {"StringEquals": {"sts:ExternalId": "${EXTERNAL_ID}"}}\` を追加します。`,
          },
          goal: [
            { name: 'the trust is no longer flagged', finding: 'missing-external-id', subject: ROLE, expect: 'Absent' },
            { name: 'AssumeRole without the external ID fails', principal: PARTNER_SOFTWARE, action: 'sts:AssumeRole', resource: ROLE, expect: 'ImplicitDeny' },
          ],
          keep: [
            { name: 'AssumeRole with the external ID works', principal: PARTNER_SOFTWARE, action: 'sts:AssumeRole', resource: ROLE, context: { 'sts:ExternalId': EXTERNAL_ID }, expect: 'Allow' },
          ],
          solution: [
            {
              path: ['roles', 0, 'trustPolicy', 'Statement', 0],
              value: { ...TRUST_STATEMENT, Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } } },
            },
          ],
          success: {
            en: 'The partner now has to say which customer it is acting for on every AssumeRole call.',
            ja: 'パートナーは AssumeRole のたびに、どの顧客のために動作しているかを示す必要があります。',
          },
        },
      ],
    },
  ],
};
