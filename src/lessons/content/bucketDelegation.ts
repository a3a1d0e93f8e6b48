/**
 * Lesson (a), the app's first lesson: BucketA in AccountA grants AccountB full access to its objects, and
 * AccountB delegates only read access to User2 (seed 004, "Delegating AWS permissions in a resource-based
 * policy"; https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).
 */
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
// S3 bucket names are lowercase: the guide's `BucketA` is `bucket-a` here.
const BUCKET = 'arn:aws:s3:::bucket-a';
const OBJECT = 'arn:aws:s3:::bucket-a/report.csv';
const USER1 = `arn:aws:iam::${ACCOUNT_B}:user/User1`;
const USER2 = `arn:aws:iam::${ACCOUNT_B}:user/User2`;
const ROOT_B = `arn:aws:iam::${ACCOUNT_B}:root`;

/** The AccountA / AccountB delegation example. */
export const BUCKET_DELEGATION: LessonDefinition = {
  id: 'bucket-delegation',
  title: {
    en: 'An account delegates what it was granted',
    ja: 'アカウントは付与された範囲で委任する',
  },
  summary: {
    en: 'BucketA grants AccountB full access to its objects; AccountB passes only read access on to User2, and nothing to User1.',
    ja: 'BucketA は AccountB にオブジェクトへのフルアクセスを許可し、AccountB は User2 に読み取りだけを委任し、User1 には何も与えません。',
  },
  sources: [{ seed: '004', section: 'リソースベースのポリシーでの AWS アクセス許可の委任' }],
  scenario: {
    accounts: [
      { id: ACCOUNT_A, name: 'AccountA' },
      { id: ACCOUNT_B, name: 'AccountB' },
    ],
    users: [
      { arn: USER1 },
      {
        arn: USER2,
        policies: [inline('ReadBucketA', { Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: 'arn:aws:s3:::bucket-a/*' })],
      },
    ],
    resources: [
      {
        arn: BUCKET,
        account: ACCOUNT_A,
        policy: doc({ Sid: 'PrincipalAccess', Effect: 'Allow', Principal: { AWS: ROOT_B }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket-a/*' }),
      },
    ],
  },
  checkpoints: [
    { name: 'User2 reads an object in BucketA', principal: USER2, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' },
    { name: 'User2 cannot delete an object', principal: USER2, action: 's3:DeleteObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'User2 cannot create an object', principal: USER2, action: 's3:PutObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'User1 cannot read: AccountB granted it nothing', principal: USER1, action: 's3:GetObject', resource: OBJECT, expect: 'ImplicitDeny' },
    { name: 'the AccountB root user has the full access AccountB was granted', principal: ROOT_B, action: 's3:DeleteObject', resource: OBJECT, expect: 'Allow' },
    { name: 'not even the AccountB root user gets more than the grant', principal: ROOT_B, action: 's3:PutBucketPolicy', resource: BUCKET, expect: 'ImplicitDeny' },
  ],
  steps: [
    {
      title: { en: 'Two accounts, one bucket', ja: '2 つのアカウントと 1 つのバケット' },
      body: {
        en: 'AccountA owns **BucketA**. Its bucket policy names `arn:aws:iam::222222222222:root` — the whole of **AccountB** — and allows `s3:*` on every object (`bucket-a/*`).\n\nNaming an account in a resource-based policy does not give access to any particular user: it *delegates* to the account, whose administrator decides who gets what.',
        ja: 'AccountA は **BucketA** を所有しています。バケットポリシーは `arn:aws:iam::222222222222:root`、つまり **AccountB** 全体をプリンシパルに指定し、すべてのオブジェクト（`bucket-a/*`）に対する `s3:*` を許可しています。\n\nリソースベースのポリシーでアカウントを指定しても、特定のユーザーにアクセス権が与えられるわけではありません。アカウントに権限が*委任*され、誰に何を許可するかはそのアカウントの管理者が決めます。',
      },
      focus: [ACCOUNT_A, BUCKET, ACCOUNT_B],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'AccountB delegates read-only access to User2', ja: 'AccountB は User2 に読み取り専用アクセスを委任する' },
      body: {
        en: 'In AccountB, User2 has an identity-based policy allowing `s3:Get*` and `s3:List*` on `bucket-a/*`. For cross-account access a principal needs an **Allow in both** its identity policy and the resource policy: here both allow reading.',
        ja: 'AccountB では、User2 に `bucket-a/*` への `s3:Get*` と `s3:List*` を許可する ID ベースのポリシーがアタッチされています。クロスアカウントアクセスでは、プリンシパルは **ID ポリシーとリソースベースのポリシーの両方で Allow** を必要とします。ここでは両方が読み取りを許可しています。',
      },
      focus: [USER2, BUCKET],
      predict: [
        {
          id: 'user2-read',
          question: { en: 'Can User2 read `report.csv` in BucketA?', ja: 'User2 は BucketA の `report.csv` を読み取れますか？' },
          request: { principal: USER2, action: 's3:GetObject', resource: OBJECT },
          answer: 'Allow',
          why: {
            en: 'The bucket allows AccountB `s3:*` and AccountB allows User2 `s3:Get*`: both sides allow.',
            ja: 'バケットは AccountB に `s3:*` を、AccountB は User2 に `s3:Get*` を許可しているので、両側で許可されています。',
          },
        },
        {
          id: 'user2-delete',
          question: { en: 'Can User2 delete `report.csv`?', ja: 'User2 は `report.csv` を削除できますか？' },
          request: { principal: USER2, action: 's3:DeleteObject', resource: OBJECT },
          answer: 'Deny',
          why: {
            en: 'The bucket would allow it, but User2’s own policy allows only `Get*` and `List*`.',
            ja: 'バケット側は許可していますが、User2 自身のポリシーは `Get*` と `List*` しか許可していません。',
          },
        },
        {
          id: 'user2-list',
          question: { en: 'Can User2 list the bucket (`s3:ListBucket` on `bucket-a`)?', ja: 'User2 はバケットを一覧表示（`bucket-a` への `s3:ListBucket`）できますか？' },
          request: { principal: USER2, action: 's3:ListBucket', resource: BUCKET },
          answer: 'Deny',
          why: {
            en: 'Both policies name only the objects (`bucket-a/*`); listing is an action on the bucket itself.',
            ja: 'どちらのポリシーもオブジェクト（`bucket-a/*`）しか指定していません。一覧表示はバケット自体に対するアクションです。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'User1 gets nothing', ja: 'User1 には何も与えられない' },
      body: {
        en: 'AccountB’s administrator gave User1 no policy. By default a user has no permissions beyond what is explicitly granted, so User1 cannot reach BucketA even though the bucket trusts its account.',
        ja: 'AccountB の管理者は User1 にポリシーを与えていません。ユーザーはデフォルトで明示的に付与されたもの以外のアクセス許可を持たないため、バケットが User1 のアカウントを信頼していても、User1 は BucketA にアクセスできません。',
      },
      focus: [USER1, BUCKET],
      predict: [
        {
          id: 'user1-read',
          question: { en: 'Can User1 read `report.csv`?', ja: 'User1 は `report.csv` を読み取れますか？' },
          request: { principal: USER1, action: 's3:GetObject', resource: OBJECT },
          answer: 'Deny',
          why: {
            en: 'The bucket grants the account, not User1; AccountB never allowed User1 anything.',
            ja: 'バケットが許可しているのはアカウントであって User1 ではなく、AccountB は User1 に何も許可していません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'let-user1-read',
          task: {
            en: 'As AccountB’s administrator, let User1 read objects in BucketA — and nothing more.',
            ja: 'AccountB の管理者として、User1 が BucketA のオブジェクトを読み取れるようにしてください。それ以上の権限は与えないこと。',
          },
          hint: {
            en: 'Give User1 an identity-based policy like User2’s, with only `s3:GetObject` on `arn:aws:s3:::bucket-a/*`.',
            ja: 'User2 と同じような ID ベースのポリシーを User1 に追加し、`arn:aws:s3:::bucket-a/*` への `s3:GetObject` だけを許可します。',
          },
          goal: [{ name: 'User1 reads an object', principal: USER1, action: 's3:GetObject', resource: OBJECT, expect: 'Allow' }],
          keep: [{ name: 'User1 still cannot delete', principal: USER1, action: 's3:DeleteObject', resource: OBJECT, expect: 'ImplicitDeny' }],
          solution: [
            {
              path: ['users', 0, 'policies'],
              value: [inline('ReadObjects', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-a/*' })],
            },
          ],
          success: {
            en: 'The bucket already trusted AccountB; only the identity side was missing.',
            ja: 'バケットはすでに AccountB を信頼していたので、足りなかったのは ID 側の許可だけでした。',
          },
        },
      ],
    },
    {
      title: { en: 'Never more than the account was granted', ja: 'アカウントに付与された範囲を超えることはない' },
      body: {
        en: 'The AccountB root user holds every permission granted to the account, so it has full access to the objects. But AccountB can delegate at most what BucketA gave it: nobody in AccountB — not even root — can change the bucket policy, because the grant covers only the objects.',
        ja: 'AccountB のルートユーザーはアカウントに付与されたすべてのアクセス許可を保持しているため、オブジェクトへのフルアクセスを持っています。ただし AccountB が委任できるのは BucketA から付与された範囲までです。付与がオブジェクトだけを対象としているため、AccountB の誰も（ルートユーザーでさえ）バケットポリシーを変更できません。',
      },
      focus: [ACCOUNT_B, BUCKET],
      predict: [
        {
          id: 'root-delete',
          question: { en: 'Can the AccountB root user delete `report.csv`?', ja: 'AccountB のルートユーザーは `report.csv` を削除できますか？' },
          request: { principal: ROOT_B, action: 's3:DeleteObject', resource: OBJECT },
          answer: 'Allow',
          why: {
            en: 'The root user has all the permissions its account was granted, and the bucket grants `s3:*` on objects.',
            ja: 'ルートユーザーはアカウントに付与されたすべての権限を持ち、バケットはオブジェクトへの `s3:*` を許可しています。',
          },
        },
        {
          id: 'root-put-policy',
          question: { en: 'Can the AccountB root user replace the bucket policy?', ja: 'AccountB のルートユーザーはバケットポリシーを置き換えられますか？' },
          request: { principal: ROOT_B, action: 's3:PutBucketPolicy', resource: BUCKET },
          answer: 'Deny',
          why: {
            en: 'That is an action on the bucket, which BucketA never granted to AccountB.',
            ja: 'これはバケットに対するアクションで、BucketA は AccountB にそれを許可していません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'user2-full-access',
          task: {
            en: 'Replace User2’s policy with one that allows `s3:*` on `*`. What can User2 do now, and what still not?',
            ja: 'User2 のポリシーを `*` に対する `s3:*` を許可するものに置き換えてください。User2 は何ができるようになり、何がまだできないでしょうか？',
          },
          hint: {
            en: 'Edit the `Action` and `Resource` of User2’s `ReadBucketA` statement.',
            ja: 'User2 の `ReadBucketA` のステートメントの `Action` と `Resource` を編集します。',
          },
          goal: [{ name: 'User2 deletes an object', principal: USER2, action: 's3:DeleteObject', resource: OBJECT, expect: 'Allow' }],
          keep: [{ name: 'User2 still cannot change the bucket policy', principal: USER2, action: 's3:PutBucketPolicy', resource: BUCKET, expect: 'ImplicitDeny' }],
          solution: [
            {
              path: ['users', 1, 'policies'],
              value: [inline('ReadBucketA', { Effect: 'Allow', Action: 's3:*', Resource: '*' })],
            },
          ],
          success: {
            en: 'User2 now gets everything AccountB was granted on BucketA — and not one action more.',
            ja: 'User2 は AccountB が BucketA で付与されたすべてを得ましたが、それ以上のアクションは 1 つも得ていません。',
          },
        },
      ],
    },
  ],
};
