/**
 * Recognises an export by its content (never by its file name): the keys the AWS CLI writes for each
 * command. Returns the kind, or a hint for a file that is not an export AccessGraph reads.
 */
import { isObject } from '../../model/checkShape';
import { get, type Obj } from './fields';
import { namesPrincipals, resourcePolicyShape, type ResourcePolicyShape } from './readResourcePolicy';
import type { ExportKind } from './types';

/** What a file is. */
export type Recognition =
  | { readonly kind: ExportKind; readonly shape?: ResourcePolicyShape }
  | { readonly kind: undefined; readonly message: string };

const HAS_LIST: readonly (readonly [string, ExportKind])[] = [
  ['Roots', 'org-list-roots'],
  ['OrganizationalUnits', 'org-organizational-units'],
  ['Accounts', 'org-accounts'],
  ['Targets', 'org-policy-targets'],
  ['resourceShares', 'ram-resource-shares'],
  ['principals', 'ram-principals'],
  ['resourceShareAssociations', 'ram-associations'],
];

function isOrgPolicySummaryList(body: Obj): boolean {
  const policies = get(body, 'Policies');
  if (!Array.isArray(policies)) return false;
  return (policies as unknown[]).every((p) => isObject(p) && get(p, 'PolicyVersionList') === undefined && (typeof get(p, 'Type') === 'string' || String(get(p, 'Arn')).startsWith('arn:aws:organizations')));
}

/** Recognises one parsed file. */
export function recognise(body: unknown): Recognition {
  if (Array.isArray(body)) {
    const items = body as unknown[];
    if (items.length > 0 && items.every((i) => isObject(i) && get(i, 'Policy') !== undefined)) return { kind: 'resource-policy-list' };
    return { kind: undefined, message: 'this list is not an export AccessGraph reads (a list of `{"Resource", "Policy"}` entries is)' };
  }
  if (!isObject(body)) return { kind: undefined, message: 'an export is a JSON object' };
  if (['UserDetailList', 'GroupDetailList', 'RoleDetailList'].some((k) => get(body, k) !== undefined)) return { kind: 'iam-authorization-details' };
  if (get(body, 'Policies') !== undefined && get(body, 'Marker') !== undefined) return { kind: 'iam-authorization-details' };
  if (isObject(get(body, 'Organization'))) return { kind: 'org-describe-organization' };
  if (isObject(get(body, 'OrganizationalUnit'))) return { kind: 'org-organizational-units' };
  if (isObject(get(body, 'Account')) && get(body, 'Arn') === undefined) return { kind: 'org-accounts' };
  const policy = get(body, 'Policy');
  if (isObject(policy) && (get(policy, 'PolicySummary') !== undefined || get(policy, 'Content') !== undefined)) return { kind: 'org-describe-policy' };
  if (Array.isArray(get(body, 'Children'))) return { kind: typeof get(body, 'Id') === 'string' ? 'org-tree' : 'org-children' };
  if (isOrgPolicySummaryList(body)) return { kind: 'org-policies' };
  const managed = get(body, 'Policies');
  if (Array.isArray(managed)) {
    if ((managed as unknown[]).every((p) => isObject(p) && get(p, 'PolicyVersionList') !== undefined)) return { kind: 'iam-authorization-details' };
    return { kind: undefined, message: 'this policy list holds no documents (as `aws iam list-policies` writes it): import `aws iam get-account-authorization-details` instead' };
  }
  for (const [key, kind] of HAS_LIST) if (Array.isArray(get(body, key))) return { kind };
  const resources = get(body, 'resources');
  if (Array.isArray(resources) && (resources as unknown[]).every((r) => isObject(r) && get(r, 'resourceShareArn') !== undefined)) return { kind: 'ram-resources' };
  const policies = get(body, 'policies');
  if (Array.isArray(policies) && (policies as unknown[]).every((p) => typeof p === 'string')) return { kind: 'ram-resource-policies' };
  const shape = resourcePolicyShape(body);
  if (shape === 'document' && !namesPrincipals(body)) {
    return { kind: undefined, message: 'this is an identity policy document, not an export: import `aws iam get-account-authorization-details`, which holds it together with what it is attached to' };
  }
  if (shape !== undefined) return { kind: 'resource-policy', shape };
  const keys = Object.keys(body).slice(0, 4).map((k) => `\`${k}\``).join(', ');
  return { kind: undefined, message: `not an export AccessGraph reads${keys === '' ? '' : ` (top-level keys ${keys})`}: see the list of supported AWS CLI commands` };
}
