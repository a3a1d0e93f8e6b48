/**
 * The preset DEFLATE dictionary of share-link version `1`: strings that most scenarios contain (format
 * keys, IAM policy grammar, common actions, ARN prefixes), so even a small scenario compresses well.
 * DEFLATE finds matches in the dictionary as if it preceded the data; the most frequent strings come
 * last, where back-references are cheapest.
 *
 * INVARIANT: never edit this file. Every version-1 link ever written decodes only with exactly these
 * bytes (a test pins their SHA-256). A better dictionary means a new link version with its own file.
 */
import { encodeUtf8 } from './utf8';

const PARTS: readonly string[] = [
  // rarer, longer
  '"organization":{"id":"o-","managementAccountId":"","rootId":"r-","units":[{"id":"ou-","name":"","parentId":"r-"}],"policies":[{"name":"","type":"SCP","targets":[""],"document":',
  '"ramSharingWithOrganization":false,"resourceShares":[{"name":"","owner":"","resources":["arn:aws:ec2:us-east-1:","arn:aws:ec2:ap-northeast-1:",":subnet/subnet-",":transit-gateway/tgw-"],"principals":["arn:aws:organizations::",":ou/o-"],"allowExternalPrincipals":false}]',
  '"sessions":[{"arn":"arn:aws:sts::",":assumed-role/","groups":[{"arn":"arn:aws:iam::",":group/","permissionsBoundary":"maxSessionDuration":3600,"tags":{},"layout":{"x":,"y":}',
  '"parameters":{"DurationSeconds":"Tags":[{"Key":"","Value":""}]}',
  '"NotAction":"NotResource":"NotPrincipal":"Sid":"","Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":"false"}},"IpAddress":{"aws:SourceIp":"ArnLike":{"aws:PrincipalArn":"ArnEquals":{"aws:SourceArn":"StringNotEquals":{"StringEqualsIfExists":"ForAllValues:StringEquals":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":["',
  '"aws:SourceAccount":"aws:SourceOrgID":"o-","aws:PrincipalTag/","aws:ResourceTag/","aws:MultiFactorAuthPresent":"true"',
  '"Service":"ec2.amazonaws.com","Service":"lambda.amazonaws.com","Service":"cloudtrail.amazonaws.com","Federated":"',
  '"kms:Decrypt","kms:Encrypt","arn:aws:kms:us-east-1:",":key/","sqs:SendMessage","sns:Publish","ec2:RunInstances","ec2:*","cloudformation:',
  '"s3:ListBucket","s3:DeleteObject","s3:PutObject","s3:GetBucketAcl","s3:*","sts:AssumeRole"',
  '"StringEquals":{"aws:PrincipalOrgID":"o-","sts:ExternalId":""}}',
  '"via":"role-chain","expect":"Reachable"},{"name":"","expect":"Unreachable"},{"name":"","finding":"public-access","subject":"","expect":"Present"},{"name":"","expect":"Absent"},',
  '"context":{"sts:ExternalId":""},"expect":"ExplicitDeny"},{"name":"","principal":"anonymous","expect":"Deny"},',
  '"lesson":{"steps":[{"title":"","body":"","focus":["arn:aws:iam::',
  '{"format":"accessgraph/v1","title":"","description":"","accounts":[{"id":"","name":"","parentId":"ou-","partition":"aws-cn"},{"id":"',
  '"roles":[{"arn":"arn:aws:iam::",":role/","trustPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::",":root"},"Action":"sts:AssumeRole"}]},',
  '"users":[{"arn":"arn:aws:iam::",":user/","policies":[{"name":"","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}}]},',
  '"resources":[{"arn":"arn:aws:s3:::","account":"","policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::',
  '"assertions":[{"name":"","principal":"arn:aws:iam::","action":"s3:GetObject","resource":"arn:aws:s3:::","expect":"ImplicitDeny"},{"name":"","principal":"arn:aws:iam::","action":"sts:AssumeRole","resource":"arn:aws:iam::","expect":"Allow"},{"name":"',
];

/** The dictionary's bytes (UTF-8 of the parts, concatenated). */
export const SHARE_DICTIONARY_V1: Uint8Array = encodeUtf8(PARTS.join(''));
