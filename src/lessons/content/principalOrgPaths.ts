/**
 * Lesson (j): `aws:PrincipalOrgPaths` trusts one OU and everything below it (seed 000, "OUパス条件";
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths).
 */
import type { JsonObject } from '../../io/share/jsonValue';
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const SECURITY_OU = 'ou-a1b2-secu0001';
const PRODUCTION_OU = 'ou-a1b2-prod0001';
const PAYMENTS_OU = 'ou-a1b2-paym0001';
const DEVELOPMENT_OU = 'ou-a1b2-dev00001';
const MANAGEMENT = '999999999999';
const SECURITY = '111111111111';
const PROD_WEB = '222222222222';
const PAYMENTS = '555555555555';
const DEV = '333333333333';
const OUTSIDE = '888888888888';
const AUDIT_ROLE = `arn:aws:iam::${SECURITY}:role/ProductionAuditRole`;
const PROD_OPERATOR = `arn:aws:iam::${PROD_WEB}:role/Operator`;
const PAYMENTS_OPERATOR = `arn:aws:iam::${PAYMENTS}:role/Operator`;
const DEV_OPERATOR = `arn:aws:iam::${DEV}:role/Operator`;
const OUTSIDE_OPERATOR = `arn:aws:iam::${OUTSIDE}:role/Operator`;
const BUCKET = 'arn:aws:s3:::prod-audit-reports';
const REPORT = 'arn:aws:s3:::prod-audit-reports/2025-12/findings.json';
const PRODUCTION_PATH = `${ORG}/${ROOT}/${PRODUCTION_OU}/*`;
const DEVELOPMENT_PATH = `${ORG}/${ROOT}/${DEVELOPMENT_OU}/*`;

function operator(arn: string, account: string): JsonObject {
  return {
    arn,
    trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }),
    policies: [inline('AssumeAuditRole', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: AUDIT_ROLE })],
  };
}

function auditTrust(paths: readonly string[]): JsonObject {
  return doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': paths } } });
}

/** ProductionAuditRole trusts every principal under the Production OU. */
export const PRINCIPAL_ORG_PATHS: LessonDefinition = {
  id: 'principal-org-paths',
  title: {
    en: 'Trusting one OU: aws:PrincipalOrgPaths',
    ja: '特定の OU を信頼する: aws:PrincipalOrgPaths',
  },
  summary: {
    en: 'ProductionAuditRole may be assumed from any account under the Production OU — nested OUs included — and from nowhere else.',
    ja: 'ProductionAuditRole は、入れ子の OU も含めて Production OU 配下のアカウントからのみ引き受けられます。',
  },
  sources: [{ seed: '000', section: 'OUパス条件' }],
  scenario: {
    organization: {
      id: ORG,
      managementAccountId: MANAGEMENT,
      rootId: ROOT,
      units: [
        { id: SECURITY_OU, name: 'Security', parentId: ROOT },
        { id: PRODUCTION_OU, name: 'Production', parentId: ROOT },
        { id: PAYMENTS_OU, name: 'Payments', parentId: PRODUCTION_OU },
        { id: DEVELOPMENT_OU, name: 'Development', parentId: ROOT },
      ],
    },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: SECURITY, name: 'Security tooling', parentId: SECURITY_OU },
      { id: PROD_WEB, name: 'prod-web', parentId: PRODUCTION_OU },
      { id: PAYMENTS, name: 'prod-payments', parentId: PAYMENTS_OU },
      { id: DEV, name: 'dev', parentId: DEVELOPMENT_OU },
      { id: OUTSIDE, name: 'External contractor' },
    ],
    roles: [
      {
        arn: AUDIT_ROLE,
        trustPolicy: auditTrust([PRODUCTION_PATH]),
        policies: [inline('ReadAuditReports', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-audit-reports/*' })],
      },
      operator(PROD_OPERATOR, PROD_WEB),
      operator(PAYMENTS_OPERATOR, PAYMENTS),
      operator(DEV_OPERATOR, DEV),
      operator(OUTSIDE_OPERATOR, OUTSIDE),
    ],
    resources: [{ arn: BUCKET, account: SECURITY }],
  },
  checkpoints: [
    { name: 'an account directly under Production may assume the role', principal: PROD_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE, expect: 'Allow' },
    { name: 'an account in a nested OU under Production may too', principal: PAYMENTS_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE, expect: 'Allow' },
    { name: 'the Development OU is not on the path', principal: DEV_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE, expect: 'ImplicitDeny' },
    { name: 'an account outside the organization has no org path', principal: OUTSIDE_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE, expect: 'ImplicitDeny' },
    { name: 'production operators reach the audit reports', principal: PROD_OPERATOR, action: 's3:GetObject', resource: REPORT, via: 'role-chain', expect: 'Reachable' },
    { name: 'development operators do not', principal: DEV_OPERATOR, action: 's3:GetObject', resource: REPORT, via: 'role-chain', expect: 'Unreachable' },
    { name: 'Principal "*" limited by org path is not public', finding: 'public-access', subject: AUDIT_ROLE, expect: 'Absent' },
  ],
  steps: [
    {
      title: { en: 'An organization path', ja: '組織のパス' },
      body: {
        en: 'Every account has a path in the organization: organization ID, root ID, then each OU down to the account — for prod-web `o-a1b2c3d4e5/r-a1b2/ou-a1b2-prod0001/`. AWS puts it in the multi-valued key `aws:PrincipalOrgPaths` on every request the account’s principals make.',
        ja: 'すべてのアカウントには組織内のパスがあります。組織 ID、ルート ID、そしてアカウントまでの各 OU です。prod-web なら `o-a1b2c3d4e5/r-a1b2/ou-a1b2-prod0001/` です。AWS は、そのアカウントのプリンシパルが行うすべてのリクエストで、これを複数値のキー `aws:PrincipalOrgPaths` に設定します。',
      },
      focus: [ROOT, PRODUCTION_OU, PAYMENTS_OU, DEVELOPMENT_OU],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'The trust policy matches a path prefix', ja: '信頼ポリシーはパスの前方一致で判定する' },
      body: {
        en: '`ProductionAuditRole` trusts `"Principal": "*"` with `ForAnyValue:StringLike aws:PrincipalOrgPaths = o-a1b2c3d4e5/r-a1b2/ou-a1b2-prod0001/*`. The trailing `*` matches any rest of the path, so accounts in OUs nested below Production (Payments) match as well. Always start the pattern with the organization ID: OU ids are unique only inside one organization.',
        ja: '`ProductionAuditRole` は `"Principal": "*"` を信頼し、条件は `ForAnyValue:StringLike aws:PrincipalOrgPaths = o-a1b2c3d4e5/r-a1b2/ou-a1b2-prod0001/*` です。末尾の `*` はパスの残りの部分すべてに一致するため、Production の下に入れ子になった OU（Payments）のアカウントも一致します。OU ID は 1 つの組織の中でしか一意ではないため、パターンは必ず組織 ID から書き始めます。',
      },
      focus: [AUDIT_ROLE, PRODUCTION_OU],
      predict: [
        {
          id: 'payments-assume',
          question: { en: 'Can the Operator role in prod-payments (OU Payments, under Production) assume the audit role?', ja: 'prod-payments（Production の下の Payments OU）の Operator ロールは監査ロールを引き受けられますか？' },
          request: { principal: PAYMENTS_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE },
          answer: 'Allow',
          why: {
            en: 'Its path `…/ou-a1b2-prod0001/ou-a1b2-paym0001/` matches the pattern ending in `*`.',
            ja: 'そのパス `…/ou-a1b2-prod0001/ou-a1b2-paym0001/` は `*` で終わるパターンに一致します。',
          },
        },
        {
          id: 'dev-assume',
          question: { en: 'Can the Operator role in the dev account assume it?', ja: 'dev アカウントの Operator ロールは引き受けられますか？' },
          request: { principal: DEV_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE },
          answer: 'Deny',
          why: {
            en: 'Its path goes through `ou-a1b2-dev00001`, not the Production OU.',
            ja: 'そのパスは Production OU ではなく `ou-a1b2-dev00001` を通ります。',
          },
        },
      ],
      tryIt: [
        {
          id: 'trust-development',
          task: {
            en: 'Development teams now take part in audits. Let principals under the Development OU assume the role too.',
            ja: '開発チームも監査に参加することになりました。Development OU 配下のプリンシパルもロールを引き受けられるようにしてください。',
          },
          hint: {
            en: `Make the value of \`aws:PrincipalOrgPaths\` a list and add \`${DEVELOPMENT_PATH}\`.`,
            ja: `\`aws:PrincipalOrgPaths\` の値をリストにして \`${DEVELOPMENT_PATH}\` を追加します。`,
          },
          goal: [{ name: 'development operators may assume the role', principal: DEV_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE, expect: 'Allow' }],
          keep: [{ name: 'outsiders still may not', principal: OUTSIDE_OPERATOR, action: 'sts:AssumeRole', resource: AUDIT_ROLE, expect: 'ImplicitDeny' }],
          solution: [{ path: ['roles', 0, 'trustPolicy'], value: auditTrust([PRODUCTION_PATH, DEVELOPMENT_PATH]) }],
          success: {
            en: 'With `ForAnyValue`, matching any one pattern is enough.',
            ja: '`ForAnyValue` では、いずれか 1 つのパターンに一致すれば十分です。',
          },
        },
      ],
    },
    {
      title: { en: 'Each side still allows', ja: 'それぞれの側での許可' },
      body: {
        en: 'The operators are in other accounts than the role, so each needs its own policy allowing `sts:AssumeRole` on the role. Once assumed, the session reads `prod-audit-reports` with the role’s permissions.',
        ja: 'オペレーターはロールとは別のアカウントにいるため、それぞれにロールへの `sts:AssumeRole` を許可するポリシーが必要です。ロールを引き受けると、セッションはロールの権限で `prod-audit-reports` を読み取ります。',
      },
      focus: [PROD_OPERATOR, AUDIT_ROLE, BUCKET],
      predict: [],
      tryIt: [],
    },
  ],
};
