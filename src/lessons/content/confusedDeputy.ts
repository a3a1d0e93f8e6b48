/**
 * Lesson (f): the confused deputy — a third-party service tricked into using a customer's role — and the
 * external ID that fixes it (seed 000, "混乱した代理問題（Confused Deputy）"; https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline, serviceTrust } from './policy';

const ACME = '111122223333';
const SAAS = '777788889999';
const MALLORY_ACCOUNT = '555566667777';
const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const CONNECTOR = `arn:aws:iam::${SAAS}:role/SaasConnector`;
const MALLORY = `arn:aws:iam::${MALLORY_ACCOUNT}:user/mallory`;
const LEGACY = `arn:aws:iam::${ACME}:role/SaasReadOnly-Legacy`;
const PROTECTED = `arn:aws:iam::${ACME}:role/SaasReadOnly`;
const BUCKET = 'arn:aws:s3:::acme-billing-data';
const OBJECT = 'arn:aws:s3:::acme-billing-data/invoices/2025-12.csv';
// The service gives every tenant its own external ID and always sends the current tenant's.
const ACME_ID = 'acme-7f3a9c21';
const MALLORY_ID = 'mallory-2b8e4d10';

const TRUST_SAAS = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SAAS}:root` }, Action: 'sts:AssumeRole' };
const WITH_ACME_ID = { ...TRUST_SAAS, Condition: { StringEquals: { 'sts:ExternalId': ACME_ID } } };
const READ_BILLING = inline('ReadBillingData', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-billing-data/*' });

/** A SaaS connector, a legacy role without external ID, and the fixed role. */
export const CONFUSED_DEPUTY: LessonDefinition = {
  id: 'confused-deputy',
  title: {
    en: 'The confused deputy and the external ID',
    ja: '混乱した代理問題と外部 ID',
  },
  summary: {
    en: 'Mallory, another customer of the same SaaS, enters Acme’s role ARN; the service assumes it for her — unless the role requires Acme’s external ID.',
    ja: '同じ SaaS の別の顧客 Mallory が Acme のロール ARN を設定すると、サービスは彼女のためにそれを引き受けてしまいます。ロールが Acme の外部 ID を必須にしていなければ。',
  },
  sources: [
    { seed: '000', section: '混乱した代理問題（Confused Deputy）' },
    { seed: '000', section: 'External IDの使い方' },
  ],
  scenario: {
    organization: { id: ORG, managementAccountId: ACME, rootId: ROOT },
    accounts: [
      { id: ACME, name: 'Acme (the victim)', parentId: ROOT },
      { id: SAAS, name: 'SaaS provider (the deputy)' },
      { id: MALLORY_ACCOUNT, name: 'Mallory (another SaaS customer)' },
    ],
    users: [{ arn: MALLORY, policies: [inline('AssumeAnything', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })] }],
    roles: [
      { arn: CONNECTOR, trustPolicy: serviceTrust('ecs-tasks.amazonaws.com', SAAS), policies: [inline('AssumeCustomerRoles', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })] },
      { arn: LEGACY, trustPolicy: doc(TRUST_SAAS), policies: [READ_BILLING] },
      { arn: PROTECTED, trustPolicy: doc(WITH_ACME_ID), policies: [READ_BILLING] },
    ],
    resources: [{ arn: BUCKET, account: ACME }],
  },
  checkpoints: [
    { name: 'the deputy assumes the legacy role for Mallory', principal: CONNECTOR, action: 'sts:AssumeRole', resource: LEGACY, context: { 'sts:ExternalId': MALLORY_ID }, expect: 'Allow' },
    { name: 'through it, Mallory’s request reaches Acme’s billing data', principal: CONNECTOR, action: 's3:GetObject', resource: OBJECT, context: { 'sts:ExternalId': MALLORY_ID }, via: 'role-chain', expect: 'Reachable' },
    { name: 'Mallory herself is not trusted', principal: MALLORY, action: 'sts:AssumeRole', resource: LEGACY, expect: 'ImplicitDeny' },
    { name: 'the protected role refuses Mallory’s external ID', principal: CONNECTOR, action: 'sts:AssumeRole', resource: PROTECTED, context: { 'sts:ExternalId': MALLORY_ID }, expect: 'ImplicitDeny' },
    { name: 'the protected role accepts Acme’s external ID', principal: CONNECTOR, action: 'sts:AssumeRole', resource: PROTECTED, context: { 'sts:ExternalId': ACME_ID }, expect: 'Allow' },
    { name: 'the protected role refuses a call without external ID', principal: CONNECTOR, action: 'sts:AssumeRole', resource: PROTECTED, expect: 'ImplicitDeny' },
    { name: 'the legacy trust is flagged', finding: 'missing-external-id', subject: LEGACY, expect: 'Present' },
    { name: 'the protected trust is not flagged', finding: 'missing-external-id', subject: PROTECTED, expect: 'Absent' },
  ],
  steps: [
    {
      title: { en: 'A service that assumes its customers’ roles', ja: '顧客のロールを引き受けるサービス' },
      body: {
        en: 'A SaaS provider reads its customers’ data. Each customer creates a role that trusts the provider’s account, and types the role ARN into the service. The provider’s `SaasConnector` may call `sts:AssumeRole` on any role: it is the **deputy** acting for whichever tenant asks.',
        ja: 'ある SaaS プロバイダーは顧客のデータを読み取ります。各顧客はプロバイダーのアカウントを信頼するロールを作成し、そのロール ARN をサービスに入力します。プロバイダーの `SaasConnector` は任意のロールに対して `sts:AssumeRole` を呼び出せます。依頼してきたテナントのために動く**代理**です。',
      },
      focus: [SAAS, CONNECTOR, LEGACY],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'The attack', ja: '攻撃' },
      body: {
        en: 'Mallory is a customer too. She enters **Acme’s** role ARN (`SaasReadOnly-Legacy`) in her own settings. Mallory cannot assume the role herself, but the service can: the legacy trust policy trusts the provider’s account with no condition, so the deputy reads Acme’s billing data on Mallory’s behalf.',
        ja: 'Mallory もこのサービスの顧客です。彼女は自分の設定画面に **Acme の**ロール ARN（`SaasReadOnly-Legacy`）を入力します。Mallory 自身はロールを引き受けられませんが、サービスは引き受けられます。旧来の信頼ポリシーは条件なしでプロバイダーのアカウントを信頼しているため、代理は Mallory のために Acme の請求データを読み取ってしまいます。',
      },
      focus: [MALLORY, CONNECTOR, LEGACY, BUCKET],
      predict: [
        {
          id: 'deputy-legacy',
          question: { en: 'Working for Mallory (external ID `mallory-2b8e4d10`), can the connector assume Acme’s legacy role?', ja: 'Mallory のために動作している（外部 ID `mallory-2b8e4d10`）コネクタは、Acme の旧ロールを引き受けられますか？' },
          request: { principal: CONNECTOR, action: 'sts:AssumeRole', resource: LEGACY, context: { 'sts:ExternalId': MALLORY_ID } },
          answer: 'Allow',
          why: {
            en: 'The legacy trust checks only the account, not which customer the call is for.',
            ja: '旧来の信頼ポリシーはアカウントしか確認せず、誰のための呼び出しかを確認しません。',
          },
        },
        {
          id: 'mallory-direct',
          question: { en: 'Can Mallory assume the legacy role directly?', ja: 'Mallory は旧ロールを直接引き受けられますか？' },
          request: { principal: MALLORY, action: 'sts:AssumeRole', resource: LEGACY },
          answer: 'Deny',
          why: {
            en: 'Only the provider’s account is trusted; that is why she needs the deputy.',
            ja: '信頼されているのはプロバイダーのアカウントだけです。だから彼女は代理を必要とします。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'The fix: one external ID per customer', ja: '対策: 顧客ごとの外部 ID' },
      body: {
        en: 'The provider assigns each tenant a unique **external ID** and always passes the current tenant’s ID on AssumeRole. Acme’s `SaasReadOnly` requires `sts:ExternalId = acme-7f3a9c21`. When Mallory’s request comes in, the service sends Mallory’s ID, and Acme’s role refuses it. The external ID is not a secret; it identifies the customer.',
        ja: 'プロバイダーはテナントごとに一意の**外部 ID** を割り当て、AssumeRole のときは常に現在のテナントの ID を渡します。Acme の `SaasReadOnly` は `sts:ExternalId = acme-7f3a9c21` を必須にしています。Mallory のリクエストではサービスが Mallory の ID を送るため、Acme のロールはそれを拒否します。外部 ID は秘密情報ではなく、顧客を識別するものです。',
      },
      focus: [PROTECTED, CONNECTOR],
      predict: [
        {
          id: 'deputy-protected',
          question: { en: 'Working for Mallory, can the connector assume Acme’s `SaasReadOnly`?', ja: 'Mallory のために動作しているコネクタは、Acme の `SaasReadOnly` を引き受けられますか？' },
          request: { principal: CONNECTOR, action: 'sts:AssumeRole', resource: PROTECTED, context: { 'sts:ExternalId': MALLORY_ID } },
          answer: 'Deny',
          why: {
            en: 'The trust policy requires Acme’s external ID and the service sent Mallory’s.',
            ja: '信頼ポリシーは Acme の外部 ID を要求していますが、サービスが送ったのは Mallory の ID です。',
          },
        },
      ],
      tryIt: [
        {
          id: 'fix-legacy',
          task: {
            en: 'Fix the legacy role: the deputy must no longer be able to use it for Mallory, but must keep working for Acme.',
            ja: '旧ロールを修正してください。代理が Mallory のためにロールを使えないようにし、Acme のためには引き続き使えるようにします。',
          },
          hint: {
            en: `Add \`"Condition": {"StringEquals": {"sts:ExternalId": "${ACME_ID}"}}\` to the legacy trust policy.`,
            ja: `旧ロールの信頼ポリシーに \`"Condition": {"StringEquals": {"sts:ExternalId": "${ACME_ID}"}}\` を追加します。`,
          },
          goal: [
            { name: 'the deputy can no longer assume the legacy role for Mallory', principal: CONNECTOR, action: 'sts:AssumeRole', resource: LEGACY, context: { 'sts:ExternalId': MALLORY_ID }, expect: 'ImplicitDeny' },
            { name: 'the legacy trust is no longer flagged', finding: 'missing-external-id', subject: LEGACY, expect: 'Absent' },
          ],
          keep: [{ name: 'the deputy still works for Acme', principal: CONNECTOR, action: 'sts:AssumeRole', resource: LEGACY, context: { 'sts:ExternalId': ACME_ID }, expect: 'Allow' }],
          solution: [{ path: ['roles', 1, 'trustPolicy', 'Statement', 0], value: WITH_ACME_ID }],
          success: {
            en: 'The deputy can no longer be confused: each role only accepts calls made for its own customer.',
            ja: 'これで代理が混乱することはありません。各ロールは自分の顧客のための呼び出ししか受け付けません。',
          },
        },
      ],
    },
  ],
};
