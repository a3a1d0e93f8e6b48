/**
 * The `accessgraph/v1` scenario as the rest of the program sees it, after parsing and validation
 * (see DESIGN.md "The scenario format"). Every collection is present (possibly empty) and every
 * policy document is already normalised into statements; the raw JSON never travels further.
 */
import type { AccountId, Arn, JsonPath } from './ids';
import type { PolicyDocument } from './policy';

export const SCENARIO_FORMAT = 'accessgraph/v1' as const;

/** Decisions a request assertion may expect (`Deny` means either kind of deny). */
export const REQUEST_EXPECTATIONS = ['Allow', 'Deny', 'ExplicitDeny', 'ImplicitDeny'] as const;
export type RequestExpectation = (typeof REQUEST_EXPECTATIONS)[number];

/** Outcomes a `via: role-chain` assertion may expect. */
export const REACH_EXPECTATIONS = ['Reachable', 'Unreachable'] as const;
export type ReachExpectation = (typeof REACH_EXPECTATIONS)[number];

/** Outcomes a finding assertion may expect. */
export const FINDING_EXPECTATIONS = ['Present', 'Absent'] as const;
export type FindingExpectation = (typeof FINDING_EXPECTATIONS)[number];

/** The control-policy types an organization can hold. */
export const CONTROL_POLICY_TYPES = ['SCP', 'RCP'] as const;
export type ControlPolicyType = (typeof CONTROL_POLICY_TYPES)[number];

/** S3 Object Ownership settings (SEMANTICS §8.0). */
export const OBJECT_OWNERSHIPS = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] as const;
export type ObjectOwnership = (typeof OBJECT_OWNERSHIPS)[number];

/** S3 ACL permissions an object grant may carry. */
export const ACL_PERMISSIONS = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** A context value: a string or a list of strings (booleans are `"true"` / `"false"`). */
export type ContextValue = string | readonly string[];

/** Request context supplied by an assertion or a user; keys as written (lookup is case-insensitive). */
export type Context = Readonly<Record<string, ContextValue>>;

/** Where a policy document sits in the scenario, and what kind of policy it is there. */
export const POLICY_KINDS = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** A policy attached to a user, group, role or session: a managed-policy ARN or an inline document. */
export type PolicyAttachment =
  | { readonly kind: 'managed'; readonly arn: Arn; readonly path: JsonPath }
  | { readonly kind: 'inline'; readonly name: string; readonly document: PolicyDocument; readonly path: JsonPath };

export interface OrganizationalUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly path: JsonPath;
}

export interface ControlPolicy {
  readonly name: string;
  readonly type: ControlPolicyType;
  /** Root, OU or account ids the policy is attached to. */
  readonly targets: readonly string[];
  readonly document: PolicyDocument;
  readonly path: JsonPath;
}

export interface Organization {
  readonly id: string;
  readonly managementAccountId: AccountId;
  readonly rootId: string;
  readonly units: readonly OrganizationalUnit[];
  readonly policies: readonly ControlPolicy[];
  /** Whether RAM sharing with the organization is enabled (default `true`). */
  readonly ramSharingWithOrganization: boolean;
  readonly path: JsonPath;
}

export interface Account {
  readonly id: AccountId;
  readonly name: string;
  /** Root or OU id; absent for an account outside the organization. */
  readonly parentId: string | undefined;
  /** `aws` unless stated. */
  readonly partition: string;
  readonly path: JsonPath;
}

export type Tags = Readonly<Record<string, string>>;

export interface User {
  readonly arn: Arn;
  readonly groups: readonly string[];
  readonly policies: readonly PolicyAttachment[];
  readonly permissionsBoundary: Arn | undefined;
  readonly tags: Tags;
  readonly path: JsonPath;
}

export interface Group {
  readonly arn: Arn;
  readonly policies: readonly PolicyAttachment[];
  readonly path: JsonPath;
}

export interface Role {
  readonly arn: Arn;
  readonly trustPolicy: PolicyDocument | undefined;
  readonly policies: readonly PolicyAttachment[];
  readonly permissionsBoundary: Arn | undefined;
  readonly tags: Tags;
  /** Seconds, 3600 unless stated (IAM allows 3600..43200). */
  readonly maxSessionDuration: number;
  readonly path: JsonPath;
}

export interface ManagedPolicy {
  readonly arn: Arn;
  readonly document: PolicyDocument;
  readonly path: JsonPath;
}

export interface Session {
  /** `arn:P:sts::ACCT:assumed-role/ROLE/NAME` or `arn:P:sts::ACCT:federated-user/NAME`. */
  readonly arn: Arn;
  /** For a federated-user session: the IAM user that called GetFederationToken. */
  readonly user: Arn | undefined;
  readonly policies: readonly PolicyAttachment[];
  readonly tags: Tags;
  readonly path: JsonPath;
}

export interface AclGrant {
  /** An account id, a canonical user id, `AllUsers` or `AuthenticatedUsers`. */
  readonly grantee: string;
  readonly permission: AclPermission;
}

export interface S3Object {
  readonly key: string;
  readonly owner: AccountId;
  readonly acl: readonly AclGrant[];
}

export interface PublicAccessBlock {
  readonly BlockPublicAcls: boolean;
  readonly IgnorePublicAcls: boolean;
  readonly BlockPublicPolicy: boolean;
  readonly RestrictPublicBuckets: boolean;
}

export interface S3BucketSettings {
  readonly objectOwnership: ObjectOwnership;
  readonly objects: readonly S3Object[];
  readonly publicAccessBlock: PublicAccessBlock;
}

export interface Resource {
  readonly arn: Arn;
  /** Owner account: from the ARN, or the `account` field for ARNs without one (S3). */
  readonly account: AccountId;
  readonly policy: PolicyDocument | undefined;
  readonly tags: Tags;
  /** Only on S3 bucket entries. */
  readonly s3: S3BucketSettings | undefined;
  readonly path: JsonPath;
}

export interface ResourceShare {
  readonly name: string;
  readonly owner: AccountId;
  readonly resources: readonly Arn[];
  /** Account ids, org / OU ARNs, or IAM user and role ARNs. */
  readonly principals: readonly string[];
  readonly pendingPrincipals: readonly string[];
  readonly allowExternalPrincipals: boolean;
  /** RAM managed permission ARNs; empty means the default permission of each resource type. */
  readonly permissions: readonly Arn[];
  readonly path: JsonPath;
}

/** STS parameters of an `sts:AssumeRole*` assertion (SEMANTICS §8.0). */
export interface AssumeRoleParameters {
  readonly DurationSeconds: number | undefined;
  readonly Tags: readonly { readonly Key: string; readonly Value: string }[];
  readonly SourceIdentity: string | undefined;
}

export interface RequestAssertion {
  readonly type: 'request';
  readonly name: string;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
  readonly parameters: AssumeRoleParameters | undefined;
  readonly expect: RequestExpectation;
  readonly path: JsonPath;
}

export interface ReachAssertion {
  readonly type: 'reach';
  readonly name: string;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
  readonly expect: ReachExpectation;
  readonly path: JsonPath;
}

export interface FindingAssertion {
  readonly type: 'finding';
  readonly name: string;
  readonly finding: string;
  readonly subject: string;
  readonly expect: FindingExpectation;
  readonly path: JsonPath;
}

export type Assertion = RequestAssertion | ReachAssertion | FindingAssertion;

export interface LessonStep {
  readonly title: string;
  readonly body: string;
  /** Node ids (ARNs, account ids, OU ids) the graph focuses on during the step. */
  readonly focus: readonly string[];
}

export interface Lesson {
  readonly steps: readonly LessonStep[];
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly title: string;
  readonly description: string;
  readonly organization: Organization | undefined;
  readonly accounts: readonly Account[];
  readonly users: readonly User[];
  readonly groups: readonly Group[];
  readonly roles: readonly Role[];
  readonly policies: readonly ManagedPolicy[];
  readonly sessions: readonly Session[];
  readonly resources: readonly Resource[];
  readonly resourceShares: readonly ResourceShare[];
  readonly assertions: readonly Assertion[];
  readonly lesson: Lesson | undefined;
  readonly layout: Readonly<Record<string, Position>>;
}
