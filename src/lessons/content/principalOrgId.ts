/**
 * Lesson (i): `aws:PrincipalOrgID` opens a bucket to the whole organization and nobody else (seed 000,
 * "組織ID条件"; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid).
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
const DAVE = `arn:aws:iam::${MEMBER}:user/dave`;
const ADMIN = `arn:aws:iam::${MANAGEMENT}:user/admin`;
const CAROL = `arn:aws:iam::${OUTSIDE}:user/carol`;
const BUCKET = 'arn:aws:s3:::shared-bucket';
const OBJECT = 'arn:aws:s3:::shared-bucket/handbook.pdf';

const READ_ANY_OBJECT = inline('ReadObjects', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

/** shared-bucket allows `"*"` with `aws:PrincipalOrgID`. */
export const PRINCIPAL_ORG_ID: LessonDefinition = {
  id: 'principal-org-id',
  title: {
    en: 'Open to the organization: aws:PrincipalOrgID',
    ja: '組織全体に公開する: aws:PrincipalOrgID',
  },
  summary: {
    en: 'One condition lets every account of the organization read shared-bucket, including accounts that join later, and keeps everyone else out.',
    ja: '1 つの条件で、後から参加するアカウントも含めて組織内のすべてのアカウントが shared-bucket を読み取れるようになり、それ以外は締め出されます。',
  },
  sources: [{ seed: '000', section: '組織ID条件' }],
  scenario: {
    organization: { id: ORG, managementAccountId: MANAGEMENT, rootId: ROOT, units: [{ id: WORKLOADS, name: 'Workloads', parentId: ROOT }] },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: OWNER, name: 'Shared services', parentId: WORKLOADS },
      { id: MEMBER, name: 'Application', parentId: WORKLOADS },
      { id: OUTSIDE, name: 'Partner (outside the organization)' },
    ],
    users: [
      { arn: BOB, policies: [READ_ANY_OBJECT] },
      { arn: DAVE },
      { arn: ADMIN, policies: [READ_ANY_OBJECT] },
      { arn: CAROL, policies: [READ_ANY_OBJECT] },
    ],
    resources: [
      {
        arn: BUCKET,
        account: OWNER,
        policy: doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::shared-bucket/*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
        }),
      },
    ],
  },
  checkpoints: [
    { name: 'a member account user reads', principal: BOB, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' },
    { name: 'the management account is in the organization too', principal: ADMIN, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' },
    { name: 'an account outside the organization cannot read', principal: CAROL, action: 's3:GetObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'anonymous callers have no organization', principal: 'anonymous', action: 's3:GetObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'a member still needs its own identity policy', principal: DAVE, action: 's3:GetObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'only reading is granted', principal: BOB, action: 's3:PutObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'Principal "*" limited to the organization is not public', finding: 'public-access', subject: BUCKET, expect: 'Absent' },
  ],
  steps: [
    {
      title: { en: 'Everyone — in the organization', ja: '全員。ただし組織内の' },
      body: {
        en: 'The bucket policy of `shared-bucket` allows `"Principal": "*"` to `s3:GetObject`, with the condition `StringEquals aws:PrincipalOrgID = o-a1b2c3d4e5`. AWS sets `aws:PrincipalOrgID` on every request from a principal whose account belongs to an organization — the management account included.',
        ja: '`shared-bucket` のバケットポリシーは `"Principal": "*"` に `s3:GetObject` を許可し、条件として `StringEquals aws:PrincipalOrgID = o-a1b2c3d4e5` を指定しています。AWS は、組織に属するアカウントのプリンシパルからのすべてのリクエストに `aws:PrincipalOrgID` を設定します。管理アカウントも含まれます。',
      },
      focus: [BUCKET, ROOT],
      predict: [
        {
          id: 'admin-read',
          question: { en: 'Can `admin` in the management account read `handbook.pdf`?', ja: '管理アカウントの `admin` は `handbook.pdf` を読み取れますか？' },
          request: { principal: ADMIN, action: 's3:GetObject', resource: OBJECT },
          answer: 'Allow',
          why: {
            en: 'The management account belongs to the organization, so its principals carry its organization ID.',
            ja: '管理アカウントも組織に属しているため、そのプリンシパルにも組織 ID が付きます。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Outsiders and anonymous callers', ja: '組織外と匿名の呼び出し元' },
      body: {
        en: 'carol’s account is outside the organization: her requests carry no `o-a1b2c3d4e5`, and the condition is false. An anonymous caller has no `aws:PrincipalOrgID` at all. Neither can read, so this `"*"` is not public access.',
        ja: 'carol のアカウントは組織の外にあるため、リクエストに `o-a1b2c3d4e5` が付かず、条件は偽になります。匿名の呼び出し元にはそもそも `aws:PrincipalOrgID` がありません。どちらも読み取れないため、この `"*"` はパブリックアクセスではありません。',
      },
      focus: [CAROL, OUTSIDE, BUCKET],
      predict: [
        {
          id: 'carol-read',
          question: { en: 'Can carol (outside the organization, allowed `s3:GetObject` on `*`) read?', ja: 'carol（組織外、`*` への `s3:GetObject` を許可）は読み取れますか？' },
          request: { principal: CAROL, action: 's3:GetObject', resource: OBJECT },
          answer: 'Deny',
          why: {
            en: 'Her requests carry no organization ID matching `o-a1b2c3d4e5`.',
            ja: '彼女のリクエストには `o-a1b2c3d4e5` に一致する組織 ID が付きません。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'The identity side still counts', ja: 'ID 側の許可も必要' },
      body: {
        en: 'The condition decides which accounts the bucket trusts; it does not grant anyone in them. Requests from other accounts still need an Allow in the caller’s identity policy: bob has one, dave does not.',
        ja: 'この条件はバケットがどのアカウントを信頼するかを決めるだけで、そのアカウントの誰かに権限を与えるものではありません。他のアカウントからのリクエストには、呼び出し元の ID ポリシーでの Allow も必要です。bob にはそれがあり、dave にはありません。',
      },
      focus: [BOB, DAVE, BUCKET],
      predict: [
        {
          id: 'dave-read',
          question: { en: 'Can dave (same account as bob, no policy) read?', ja: 'dave（bob と同じアカウント、ポリシーなし）は読み取れますか？' },
          request: { principal: DAVE, action: 's3:GetObject', resource: OBJECT },
          answer: 'Deny',
          why: {
            en: 'Cross-account access needs an Allow on both sides; dave’s side allows nothing.',
            ja: 'クロスアカウントアクセスには両側での Allow が必要ですが、dave 側は何も許可していません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'partner-joins',
          task: {
            en: 'carol’s company is acquired and its account `333333333333` joins the Workloads OU. Move it into the organization.',
            ja: 'carol の会社が買収され、そのアカウント `333333333333` が Workloads OU に参加します。組織に移動してください。',
          },
          hint: {
            en: 'Give the account `"parentId": "ou-a1b2-wkld0001"`. The bucket policy does not change.',
            ja: 'アカウントに `"parentId": "ou-a1b2-wkld0001"` を追加します。バケットポリシーは変更しません。',
          },
          goal: [{ name: 'carol reads once her account joins', principal: CAROL, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' }],
          keep: [{ name: 'anonymous callers still cannot', principal: 'anonymous', action: 's3:GetObject', resource: OBJECT, expect: 'ImplicitDeny' }],
          solution: [{ path: ['accounts', 3, 'parentId'], value: WORKLOADS }],
          success: {
            en: 'No policy edit was needed: the organization condition follows membership.',
            ja: 'ポリシーを編集する必要はありませんでした。組織の条件はメンバーシップに従います。',
          },
        },
      ],
    },
  ],
};
