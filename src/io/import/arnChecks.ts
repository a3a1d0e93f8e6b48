/**
 * ARN and id checks shared by the readers: what the scenario format accepts, so that the importer
 * never emits a value the model would refuse.
 */
import { PATTERNS } from '../../model/spec';
import { parseArn } from '../../model/ids';

const ARN = new RegExp(PATTERNS.arn);
const ACCOUNT = new RegExp(PATTERNS.accountId);
const ORG = new RegExp(PATTERNS.orgId);
const ROOT = new RegExp(PATTERNS.rootId);
const OU = new RegExp(PATTERNS.ouId);
/** Organizations policy ids (`p-` then 8 to 128 letters, digits or `_`), e.g. `p-FullAWSAccess`. */
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;

/** True when the scenario format accepts `raw` as an ARN (and its account, if any, is 12 digits). */
export function isScenarioArn(raw: string): boolean {
  return ARN.test(raw) && parseArn(raw) !== undefined;
}

/** A 12-digit account id. */
export function isAccountId(raw: string): boolean {
  return ACCOUNT.test(raw);
}

/** An organization id (`o-…`). */
export function isOrgId(raw: string): boolean {
  return ORG.test(raw);
}

/** A root id (`r-…`). */
export function isRootId(raw: string): boolean {
  return ROOT.test(raw);
}

/** An OU id (`ou-<root>-<suffix>`). */
export function isOuId(raw: string): boolean {
  return OU.test(raw);
}

/** An Organizations policy id. */
export function isPolicyId(raw: string): boolean {
  return POLICY_ID.test(raw);
}

/**
 * The root an OU id names: AWS builds OU ids as `ou-` + the root's suffix + `-` + a suffix of its own
 * (Organizations API reference, `OrganizationalUnit.Id`).
 */
export function rootOfOu(ouId: string): string | undefined {
  const match = /^ou-([0-9a-z]{4,32})-[a-z0-9]{8,32}$/.exec(ouId);
  return match?.[1] === undefined ? undefined : `r-${match[1]}`;
}

/** An Organizations ARN taken apart: the management account and the organization id it names. */
export function parseOrgResourceArn(raw: string): { readonly management: string; readonly orgId: string; readonly kind: string; readonly id: string } | undefined {
  const arn = parseArn(raw);
  if (arn === undefined || arn.service !== 'organizations' || !isAccountId(arn.account)) return undefined;
  const parts = arn.resource.split('/');
  const [kind, orgId] = parts;
  if (kind === undefined || orgId === undefined || !isOrgId(orgId)) return undefined;
  return { management: arn.account, orgId, kind, id: parts[parts.length - 1] ?? '' };
}

/** Unique ids of IAM users and roles, shown in place of an ARN once the principal is deleted. */
export const UNIQUE_PRINCIPAL_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/;
