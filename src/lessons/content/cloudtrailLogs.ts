/**
 * Lesson (k): the organization's CloudTrail writes into a central bucket in the log archive account,
 * limited with `aws:SourceOrgID` (seed 000, "パターン1: 中央ログ集約"; https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention).
 */
import type { JsonObject } from '../../io/share/jsonValue';
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ORG = 'o-a1b2c3d4e5';
const OTHER_ORG = 'o-z9y8x7w6v5';
const ROOT = 'r-a1b2';
const SECURITY_OU = 'ou-a1b2-secu0001';
const WORKLOADS_OU = 'ou-a1b2-wkld0001';
const MANAGEMENT = '999999999999';
const LOG_ARCHIVE = '111111111111';
const APP = '222222222222';
const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
const CENTRAL = 'arn:aws:s3:::central-logs-bucket';
const LEGACY = 'arn:aws:s3:::legacy-logs-bucket';
const LOG_KEY = `AWSLogs/${ORG}/${APP}/CloudTrail/ap-northeast-1/2025/12/08/${APP}_CloudTrail_ap-northeast-1_20251208T0000Z_a1b2c3d4.json.gz`;
const CENTRAL_LOG = `${CENTRAL}/${LOG_KEY}`;
const LEGACY_LOG = `${LEGACY}/${LOG_KEY}`;
const DEVELOPER = `arn:aws:iam::${APP}:user/developer`;
const FROM_ORG = { 'aws:SourceOrgID': ORG };
const FROM_OTHER_ORG = { 'aws:SourceOrgID': OTHER_ORG };

function trailStatements(bucket: string, condition: JsonObject | undefined): JsonObject[] {
  const limit = condition === undefined ? {} : { Condition: condition };
  return [
    { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: CLOUDTRAIL }, Action: 's3:GetBucketAcl', Resource: bucket, ...limit },
    { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: CLOUDTRAIL }, Action: 's3:PutObject', Resource: `${bucket}/*`, ...limit },
  ];
}

const ORG_CONDITION = { StringEquals: { 'aws:SourceOrgID': ORG } };

/** The central log bucket, and a legacy one that forgot the condition. */
export const CLOUDTRAIL_LOGS: LessonDefinition = {
  id: 'cloudtrail-central-logs',
  title: {
    en: 'Central CloudTrail logs with aws:SourceOrgID',
    ja: 'aws:SourceOrgID を使った CloudTrail ログの集約',
  },
  summary: {
    en: 'CloudTrail writes every account’s logs into one bucket in the log archive account; `aws:SourceOrgID` makes sure it does so only for your organization.',
    ja: 'CloudTrail はすべてのアカウントのログをログアーカイブアカウントの 1 つのバケットに書き込みます。`aws:SourceOrgID` によって、それが自分の組織のためだけに行われるようにします。',
  },
  sources: [{ seed: '000', section: 'パターン1: 中央ログ集約' }],
  scenario: {
    organization: {
      id: ORG,
      managementAccountId: MANAGEMENT,
      rootId: ROOT,
      units: [
        { id: SECURITY_OU, name: 'Security', parentId: ROOT },
        { id: WORKLOADS_OU, name: 'Workloads', parentId: ROOT },
      ],
    },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: LOG_ARCHIVE, name: 'Log archive', parentId: SECURITY_OU },
      { id: APP, name: 'Application', parentId: WORKLOADS_OU },
    ],
    users: [{ arn: DEVELOPER, policies: [inline('WriteObjects', { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' })] }],
    resources: [
      { arn: CENTRAL, account: LOG_ARCHIVE, policy: doc(...trailStatements(CENTRAL, ORG_CONDITION)) },
      { arn: LEGACY, account: LOG_ARCHIVE, policy: doc(...trailStatements(LEGACY, undefined)) },
    ],
  },
  checkpoints: [
    { name: 'CloudTrail checks the bucket ACL for the organization', principal: CLOUDTRAIL, action: 's3:GetBucketAcl', resource: CENTRAL, context: FROM_ORG, expect: 'Allow' },
    { name: 'CloudTrail writes the organization’s logs', principal: CLOUDTRAIL, action: 's3:PutObject', resource: CENTRAL_LOG, context: FROM_ORG, expect: 'Allow' },
    { name: 'CloudTrail acting for another organization is refused', principal: CLOUDTRAIL, action: 's3:PutObject', resource: CENTRAL_LOG, context: FROM_OTHER_ORG, expect: 'ImplicitDeny' },
    { name: 'without a source organization the condition is false', principal: CLOUDTRAIL, action: 's3:PutObject', resource: CENTRAL_LOG, expect: 'ImplicitDeny' },
    { name: 'people cannot write into the log bucket', principal: DEVELOPER, action: 's3:PutObject', resource: CENTRAL_LOG, expect: 'ImplicitDeny' },
    { name: 'the legacy bucket accepts logs for any organization', principal: CLOUDTRAIL, action: 's3:PutObject', resource: LEGACY_LOG, context: FROM_OTHER_ORG, expect: 'Allow' },
    { name: 'the legacy grant to a service has no source condition', finding: 'service-without-source', subject: LEGACY, expect: 'Present' },
    { name: 'the central grant is limited to the organization', finding: 'service-without-source', subject: CENTRAL, expect: 'Absent' },
  ],
  steps: [
    {
      title: { en: 'One bucket for every account’s trail', ja: 'すべてのアカウントの証跡を 1 つのバケットに' },
      body: {
        en: 'The log archive account owns `central-logs-bucket`. CloudTrail in the member accounts writes into it across accounts. The bucket policy grants the **service principal** `cloudtrail.amazonaws.com` two things: `s3:GetBucketAcl` on the bucket (statement `AWSCloudTrailAclCheck`) and `s3:PutObject` on its objects (`AWSCloudTrailWrite`).',
        ja: 'ログアーカイブアカウントが `central-logs-bucket` を所有しています。メンバーアカウントの CloudTrail は、アカウントをまたいでこのバケットに書き込みます。バケットポリシーは**サービスプリンシパル** `cloudtrail.amazonaws.com` に 2 つのことを許可しています。バケットへの `s3:GetBucketAcl`（ステートメント `AWSCloudTrailAclCheck`）と、オブジェクトへの `s3:PutObject`（`AWSCloudTrailWrite`）です。',
      },
      focus: [LOG_ARCHIVE, CENTRAL, CLOUDTRAIL],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Only for your organization', ja: '自分の組織のためだけに' },
      body: {
        en: 'CloudTrail serves every AWS customer. Each statement therefore requires `StringEquals aws:SourceOrgID = o-a1b2c3d4e5`: when CloudTrail writes on behalf of a trail, the request carries the organization of the trail’s account. A trail from another organization — or a call without that key — gets nothing. This is the cross-service form of the confused deputy problem.',
        ja: 'CloudTrail はすべての AWS の顧客にサービスを提供しています。そのため各ステートメントは `StringEquals aws:SourceOrgID = o-a1b2c3d4e5` を要求します。CloudTrail が証跡のために書き込むとき、リクエストにはその証跡のアカウントが属する組織が付きます。別の組織の証跡や、このキーのない呼び出しは何も許可されません。これはサービス間での混乱した代理問題の対策です。',
      },
      focus: [CENTRAL, ROOT],
      predict: [
        {
          id: 'other-org-write',
          question: { en: 'Can CloudTrail write into `central-logs-bucket` for a trail of organization `o-z9y8x7w6v5`?', ja: 'CloudTrail は組織 `o-z9y8x7w6v5` の証跡のために `central-logs-bucket` に書き込めますか？' },
          request: { principal: CLOUDTRAIL, action: 's3:PutObject', resource: CENTRAL_LOG, context: FROM_OTHER_ORG },
          answer: 'Deny',
          why: {
            en: '`aws:SourceOrgID` is `o-z9y8x7w6v5`, not `o-a1b2c3d4e5`.',
            ja: '`aws:SourceOrgID` が `o-a1b2c3d4e5` ではなく `o-z9y8x7w6v5` だからです。',
          },
        },
        {
          id: 'developer-write',
          question: { en: 'Can `developer` (allowed `s3:PutObject` on `*`) write a fake log file?', ja: '`developer`（`*` への `s3:PutObject` を許可）は偽のログファイルを書き込めますか？' },
          request: { principal: DEVELOPER, action: 's3:PutObject', resource: CENTRAL_LOG },
          answer: 'Deny',
          why: {
            en: 'The bucket grants only the CloudTrail service principal, and the developer is in another account.',
            ja: 'バケットは CloudTrail のサービスプリンシパルにしか許可しておらず、developer は別のアカウントにいます。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'A legacy bucket without the condition', ja: '条件のない旧バケット' },
      body: {
        en: '`legacy-logs-bucket` has the same two statements without a condition. CloudTrail would write into it for any trail of any customer that names the bucket. AccessGraph reports this as `service-without-source`.',
        ja: '`legacy-logs-bucket` には条件のない同じ 2 つのステートメントがあります。CloudTrail は、このバケットを指定したあらゆる顧客の証跡のために書き込んでしまいます。AccessGraph はこれを `service-without-source` として報告します。',
      },
      focus: [LEGACY],
      predict: [],
      tryIt: [
        {
          id: 'fix-legacy',
          task: {
            en: 'Limit `legacy-logs-bucket` to your organization’s trails.',
            ja: '`legacy-logs-bucket` を自分の組織の証跡だけに制限してください。',
          },
          hint: {
            en: 'Add `"Condition": {"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}}` to both statements.',
            ja: '両方のステートメントに `"Condition": {"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}}` を追加します。',
          },
          goal: [
            { name: 'another organization’s trail is refused', principal: CLOUDTRAIL, action: 's3:PutObject', resource: LEGACY_LOG, context: FROM_OTHER_ORG, expect: 'ImplicitDeny' },
            { name: 'the legacy bucket is no longer flagged', finding: 'service-without-source', subject: LEGACY, expect: 'Absent' },
          ],
          keep: [{ name: 'your own trail still writes', principal: CLOUDTRAIL, action: 's3:PutObject', resource: LEGACY_LOG, context: FROM_ORG, expect: 'Allow' }],
          solution: [{ path: ['resources', 1, 'policy', 'Statement'], value: trailStatements(LEGACY, ORG_CONDITION) }],
          success: {
            en: 'Whenever you grant a service principal, pin it to your source with `aws:SourceOrgID`, `aws:SourceAccount` or `aws:SourceArn`.',
            ja: 'サービスプリンシパルに許可するときは、常に `aws:SourceOrgID`、`aws:SourceAccount`、`aws:SourceArn` のいずれかで送信元を限定しましょう。',
          },
        },
      ],
    },
  ],
};
