/**
 * Lesson (e): AssumeRole with an external ID, from the console of account A and from the CLI profile
 * (seed 000, "IAMロールによるクロスアカウントアクセス"; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
const ALICE = `arn:aws:iam::${ACCOUNT_A}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT_A}:user/bob`;
const ROLE = `arn:aws:iam::${ACCOUNT_B}:role/CrossAccountRole`;
const SESSION = `arn:aws:sts::${ACCOUNT_B}:assumed-role/CrossAccountRole/my-session`;
const BUCKET = 'arn:aws:s3:::shared-bucket';
const OBJECT = 'arn:aws:s3:::shared-bucket/report.csv';
const EXTERNAL_ID = 'unique-external-id';
const WITH_ID = { 'sts:ExternalId': EXTERNAL_ID };

const ASSUME_CROSS_ACCOUNT_ROLE = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE };

/** CrossAccountRole requires the external ID `unique-external-id`. */
export const EXTERNAL_ID_LESSON: LessonDefinition = {
  id: 'external-id',
  title: {
    en: 'AssumeRole with an external ID',
    ja: '外部 ID を使った AssumeRole',
  },
  summary: {
    en: 'CrossAccountRole in account B trusts account A only when the call carries the external ID `unique-external-id`, as the CLI profile sends it.',
    ja: 'アカウント B の CrossAccountRole は、CLI プロファイルが送るように外部 ID `unique-external-id` が付いた呼び出しのときだけアカウント A を信頼します。',
  },
  sources: [
    { seed: '000', section: 'IAMロールによるクロスアカウントアクセス' },
    { seed: '000', section: 'CLIでのAssumeRole' },
  ],
  scenario: {
    accounts: [
      { id: ACCOUNT_A, name: 'Account A' },
      { id: ACCOUNT_B, name: 'Account B' },
    ],
    users: [{ arn: ALICE, policies: [inline('AssumeCrossAccountRole', ASSUME_CROSS_ACCOUNT_ROLE)] }, { arn: BOB }],
    roles: [
      {
        arn: ROLE,
        trustPolicy: doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
        }),
        policies: [inline('SharedBucketRead', { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET, 'arn:aws:s3:::shared-bucket/*'] })],
      },
    ],
    resources: [{ arn: BUCKET, account: ACCOUNT_B }],
  },
  checkpoints: [
    { name: 'alice assumes the role with the external ID', principal: ALICE, action: 'sts:AssumeRole', resource: ROLE, context: WITH_ID, expect: 'Allow' },
    { name: 'without the external ID the trust policy does not match', principal: ALICE, action: 'sts:AssumeRole', resource: ROLE, expect: 'ImplicitDeny' },
    { name: 'a wrong external ID does not match', principal: ALICE, action: 'sts:AssumeRole', resource: ROLE, context: { 'sts:ExternalId': 'some-other-id' }, expect: 'ImplicitDeny' },
    { name: 'bob has no permission to call AssumeRole in account A', principal: BOB, action: 'sts:AssumeRole', resource: ROLE, context: WITH_ID, expect: 'ImplicitDeny' },
    { name: 'the session my-session reads the report', principal: SESSION, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' },
    { name: 'the session lists the bucket', principal: SESSION, action: 's3:ListBucket', resource: BUCKET, expect: 'Allow' },
    { name: 'the session cannot write', principal: SESSION, action: 's3:PutObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'alice reaches the report with the external ID', principal: ALICE, action: 's3:GetObject', resource: OBJECT, context: WITH_ID, via: 'role-chain', expect: 'Reachable' },
    { name: 'alice does not reach it without the external ID', principal: ALICE, action: 's3:GetObject', resource: OBJECT, via: 'role-chain', expect: 'Unreachable' },
  ],
  steps: [
    {
      title: { en: 'Trust policy and permission policy', ja: '信頼ポリシーと権限ポリシー' },
      body: {
        en: 'CrossAccountRole in account B has two policies. The **trust policy** says who may assume it: `arn:aws:iam::111111111111:root` (account A), with the condition `StringEquals sts:ExternalId = unique-external-id`. The **permission policy** says what the role may do: `s3:GetObject` and `s3:ListBucket` on `shared-bucket`.',
        ja: 'アカウント B の CrossAccountRole には 2 つのポリシーがあります。**信頼ポリシー**は誰がロールを引き受けられるかを定めます。`arn:aws:iam::111111111111:root`（アカウント A）で、条件は `StringEquals sts:ExternalId = unique-external-id` です。**権限ポリシー**はロールが何をできるかを定めます。`shared-bucket` に対する `s3:GetObject` と `s3:ListBucket` です。',
      },
      focus: [ROLE, ACCOUNT_A, BUCKET],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Account A must allow the call too', ja: 'アカウント A 側でも呼び出しの許可が必要' },
      body: {
        en: 'Trusting account A delegates to its administrator. alice has a policy allowing `sts:AssumeRole` on the role’s ARN; bob has none, so he cannot assume the role even with the right external ID.',
        ja: 'アカウント A を信頼すると、その管理者に判断が委ねられます。alice にはロールの ARN への `sts:AssumeRole` を許可するポリシーがありますが、bob にはありません。そのため bob は正しい外部 ID があってもロールを引き受けられません。',
      },
      focus: [ALICE, BOB, ROLE],
      predict: [
        {
          id: 'bob-assume',
          question: { en: 'Can bob assume CrossAccountRole with `unique-external-id`?', ja: 'bob は `unique-external-id` を付けて CrossAccountRole を引き受けられますか？' },
          request: { principal: BOB, action: 'sts:AssumeRole', resource: ROLE, context: WITH_ID },
          answer: 'Deny',
          why: {
            en: 'The trust policy matches, but account A never allowed bob to call `sts:AssumeRole`.',
            ja: '信頼ポリシーは一致しますが、アカウント A は bob に `sts:AssumeRole` の呼び出しを許可していません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'let-bob-assume',
          task: { en: 'Let bob assume CrossAccountRole as well.', ja: 'bob も CrossAccountRole を引き受けられるようにしてください。' },
          hint: {
            en: 'Give bob the same identity-based policy alice has. Account B does not need to change.',
            ja: 'alice と同じ ID ベースのポリシーを bob に追加します。アカウント B 側の変更は不要です。',
          },
          goal: [{ name: 'bob assumes the role with the external ID', principal: BOB, action: 'sts:AssumeRole', resource: ROLE, context: WITH_ID, expect: 'Allow' }],
          keep: [{ name: 'bob still needs the external ID', principal: BOB, action: 'sts:AssumeRole', resource: ROLE, expect: 'ImplicitDeny' }],
          solution: [{ path: ['users', 1, 'policies'], value: [inline('AssumeCrossAccountRole', ASSUME_CROSS_ACCOUNT_ROLE)] }],
          success: {
            en: 'Account B trusts the account; account A decides which of its users may use that trust.',
            ja: 'アカウント B はアカウントを信頼し、その信頼を使えるユーザーはアカウント A が決めます。',
          },
        },
      ],
    },
    {
      title: { en: 'The external ID travels with the request', ja: '外部 ID はリクエストと一緒に送られる' },
      body: {
        en: 'The CLI passes the ID explicitly:\n\n```bash\naws sts assume-role \\\n    --role-arn arn:aws:iam::222222222222:role/CrossAccountRole \\\n    --role-session-name my-session \\\n    --external-id unique-external-id\n```\n\nIn the request this is the context key `sts:ExternalId`. Without it, or with another value, the trust policy’s condition is false and AssumeRole fails.',
        ja: 'CLI では ID を明示的に渡します。\n\n```bash\naws sts assume-role \\\n    --role-arn arn:aws:iam::222222222222:role/CrossAccountRole \\\n    --role-session-name my-session \\\n    --external-id unique-external-id\n```\n\nリクエストではこれがコンテキストキー `sts:ExternalId` になります。これがない場合や値が違う場合、信頼ポリシーの条件は偽となり、AssumeRole は失敗します。',
      },
      focus: [ALICE, ROLE],
      predict: [
        {
          id: 'alice-no-id',
          question: { en: 'Can alice assume the role without passing an external ID?', ja: 'alice は外部 ID を渡さずにロールを引き受けられますか？' },
          request: { principal: ALICE, action: 'sts:AssumeRole', resource: ROLE },
          answer: 'Deny',
          why: {
            en: 'The key `sts:ExternalId` is absent, so `StringEquals` is false and the trust policy grants nothing.',
            ja: 'キー `sts:ExternalId` が存在しないため `StringEquals` は偽となり、信頼ポリシーは何も許可しません。',
          },
        },
        {
          id: 'alice-with-id',
          question: { en: 'And with `--external-id unique-external-id`?', ja: '`--external-id unique-external-id` を付けた場合は？' },
          request: { principal: ALICE, action: 'sts:AssumeRole', resource: ROLE, context: WITH_ID },
          answer: 'Allow',
          why: {
            en: 'The trust policy trusts account A with that ID, and alice’s policy allows the call.',
            ja: '信頼ポリシーはその ID でアカウント A を信頼し、alice のポリシーも呼び出しを許可しています。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'The CLI profile does the same', ja: 'CLI プロファイルでも同じことをする' },
      body: {
        en: 'A profile in `~/.aws/config` makes the CLI assume the role for you:\n\n```ini\n[profile cross-account]\nrole_arn = arn:aws:iam::222222222222:role/CrossAccountRole\nsource_profile = default\nexternal_id = unique-external-id\n```\n\n`source_profile` holds alice’s own credentials, which call AssumeRole; `external_id` becomes `sts:ExternalId` in that request. Every later command runs as the role session and gets temporary credentials with the role’s permissions.',
        ja: '`~/.aws/config` のプロファイルを使うと、CLI が代わりにロールを引き受けます。\n\n```ini\n[profile cross-account]\nrole_arn = arn:aws:iam::222222222222:role/CrossAccountRole\nsource_profile = default\nexternal_id = unique-external-id\n```\n\n`source_profile` は AssumeRole を呼び出す alice 自身の認証情報で、`external_id` はそのリクエストの `sts:ExternalId` になります。以降のコマンドはすべてロールセッションとして実行され、ロールの権限を持つ一時認証情報が使われます。',
      },
      focus: [ROLE, BUCKET],
      predict: [
        {
          id: 'session-put',
          question: { en: 'With the profile, can `aws s3 cp` upload into `shared-bucket`?', ja: 'このプロファイルで `aws s3 cp` を使って `shared-bucket` にアップロードできますか？' },
          request: { principal: SESSION, action: 's3:PutObject', resource: OBJECT },
          answer: 'Deny',
          why: {
            en: 'The session has the role’s permissions, which are read-only.',
            ja: 'セッションが持つのはロールの権限で、それは読み取り専用です。',
          },
        },
      ],
      tryIt: [],
    },
  ],
};
