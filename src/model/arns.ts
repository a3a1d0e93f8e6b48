/**
 * IAM and STS ARN shapes (IAM-ARNS): the entity kinds a principal or a policy reference names.
 */
import { parseArn } from './ids';

export const IAM_ENTITY_KINDS = ['user', 'role', 'group', 'policy', 'root', 'oidc-provider', 'saml-provider', 'instance-profile'] as const;
export type IamEntityKind = (typeof IAM_ENTITY_KINDS)[number];

/** An `arn:P:iam::ACCOUNT:kind/path/name` ARN taken apart. `account` is `aws` for AWS managed policies. */
export interface IamArn {
  readonly partition: string;
  readonly account: string;
  readonly kind: IamEntityKind;
  /** `/` or `/path/`, as IAM writes paths. */
  readonly path: string;
  readonly name: string;
}

/** Parses an IAM ARN; `undefined` when it is not one. */
export function parseIamArn(raw: string): IamArn | undefined {
  const arn = parseArn(raw);
  if (arn === undefined || arn.service !== 'iam' || arn.region !== '') return undefined;
  if (arn.resource === 'root') return { partition: arn.partition, account: arn.account, kind: 'root', path: '/', name: '' };
  const slash = arn.resource.indexOf('/');
  if (slash <= 0) return undefined;
  const kind = IAM_ENTITY_KINDS.find((k) => k === arn.resource.slice(0, slash));
  if (kind === undefined || kind === 'root') return undefined;
  const rest = arn.resource.slice(slash + 1);
  if (kind === 'oidc-provider' || kind === 'saml-provider') {
    return rest === '' ? undefined : { partition: arn.partition, account: arn.account, kind, path: '/', name: rest };
  }
  const last = rest.lastIndexOf('/');
  const name = rest.slice(last + 1);
  if (name === '') return undefined;
  return { partition: arn.partition, account: arn.account, kind, path: last < 0 ? '/' : `/${rest.slice(0, last + 1)}`, name };
}

/** An STS session ARN taken apart. */
export type StsArn =
  | { readonly partition: string; readonly account: string; readonly kind: 'assumed-role'; readonly roleName: string; readonly sessionName: string }
  | { readonly partition: string; readonly account: string; readonly kind: 'federated-user'; readonly name: string };

/** Parses `arn:P:sts::ACCT:assumed-role/ROLE/SESSION` or `arn:P:sts::ACCT:federated-user/NAME`. */
export function parseStsArn(raw: string): StsArn | undefined {
  const arn = parseArn(raw);
  if (arn === undefined || arn.service !== 'sts' || arn.region !== '') return undefined;
  const parts = arn.resource.split('/');
  if (parts[0] === 'assumed-role' && parts.length === 3 && parts[1] !== '' && parts[2] !== '') {
    return { partition: arn.partition, account: arn.account, kind: 'assumed-role', roleName: parts[1] ?? '', sessionName: parts[2] ?? '' };
  }
  if (parts[0] === 'federated-user' && parts.length === 2 && parts[1] !== '') {
    return { partition: arn.partition, account: arn.account, kind: 'federated-user', name: parts[1] ?? '' };
  }
  return undefined;
}

/** True for a service-linked role: its path begins with `/aws-service-role/` (SEMANTICS §1.2). */
export function isServiceLinkedRolePath(path: string): boolean {
  return path.startsWith('/aws-service-role/');
}

/** True for an AWS managed policy ARN (`arn:P:iam::aws:policy/…`). */
export function isAwsManagedPolicyArn(raw: string): boolean {
  const arn = parseIamArn(raw);
  return arn !== undefined && arn.kind === 'policy' && arn.account === 'aws';
}

/** An Organizations ARN used as a RAM principal. */
export type OrganizationsArn =
  | { readonly kind: 'organization'; readonly managementAccount: string; readonly orgId: string }
  | { readonly kind: 'ou'; readonly managementAccount: string; readonly orgId: string; readonly ouId: string };

/** Parses `arn:P:organizations::MGMT:organization/o-x` and `…:ou/o-x/ou-y`. */
export function parseOrganizationsArn(raw: string): OrganizationsArn | undefined {
  const arn = parseArn(raw);
  if (arn === undefined || arn.service !== 'organizations') return undefined;
  const parts = arn.resource.split('/');
  if (parts[0] === 'organization' && parts.length === 2 && parts[1]) return { kind: 'organization', managementAccount: arn.account, orgId: parts[1] };
  if (parts[0] === 'ou' && parts.length === 3 && parts[1] && parts[2]) return { kind: 'ou', managementAccount: arn.account, orgId: parts[1], ouId: parts[2] };
  return undefined;
}
