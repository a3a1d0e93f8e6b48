/**
 * Requests that cannot exist in AWS (SEMANTICS §2.4 step 0, §7.2): a principal and resource in
 * different partitions [IAM-COMPARE], the root user calling `sts:AssumeRole` [STS-ASSUMEROLE], an
 * identity provider calling anything but its `AssumeRoleWith…` action (and only a provider calling it),
 * and STS durations the API refuses: below 900 seconds, above the role's maximum, or above one hour
 * for a chained role session [IAM-ROLES-USE, IAM-ROLES-TERMS]. Also the actions a call implies (§1.3):
 * `sts:TagSession` with session tags [IAM-SESSTAGS], `sts:SetSourceIdentity` with a source identity
 * [IAM-SRCID].
 */
import type { PrincipalView } from '../compile/principals';
import type { ResourceView } from '../compile/resources';
import type { RequestAction } from '../match/actionMatcher';
import type { InvalidRequestReason, Request } from '../types';

const MIN_DURATION = 900;
const MAX_DURATION = 43_200;
const CHAINED_MAX = 3600;

/** True for `sts:AssumeRole`, `sts:AssumeRoleWithSAML` and `sts:AssumeRoleWithWebIdentity`. */
export function isAssumeRole(action: RequestAction): boolean {
  return action.service === 'sts' && action.name.startsWith('assumerole');
}

function providerMismatch(principal: PrincipalView, action: RequestAction): boolean {
  const federatedAction =
    action.service === 'sts' &&
    (action.name === 'assumerolewithwebidentity' || action.name === 'assumerolewithsaml');
  if (principal.kind !== 'identity-provider') return federatedAction;
  if (!federatedAction) return true;
  const saml = principal.id.includes(':saml-provider/');
  return saml !== (action.name === 'assumerolewithsaml');
}

/** Why the request cannot exist, or `undefined`. `chained` says the caller's session came from role chaining. */
export function invalidReason(
  principal: PrincipalView,
  resource: ResourceView,
  action: RequestAction,
  request: Request,
  chained: boolean,
): InvalidRequestReason | undefined {
  const from = principal.partition;
  if (from !== undefined && resource.partition !== undefined && from !== resource.partition)
    return 'cross-partition';
  if (principal.kind === 'root' && action.service === 'sts' && action.name === 'assumerole')
    return 'root-assume-role';
  if (providerMismatch(principal, action)) return 'provider-action-mismatch';
  const duration = request.parameters?.DurationSeconds;
  if (duration !== undefined && isAssumeRole(action)) {
    if (duration < MIN_DURATION) return 'duration-below-minimum';
    if (duration > (resource.role?.maxSessionDuration ?? MAX_DURATION)) return 'duration-above-maximum';
    if (chained && action.name === 'assumerole' && duration > CHAINED_MAX)
      return 'chained-duration-above-hour';
  }
  return undefined;
}

/** The further actions the call needs, each authorized as its own request (§1.3). */
export function impliedActions(action: RequestAction, request: Request): string[] {
  if (!isAssumeRole(action) || request.parameters === undefined) return [];
  const out: string[] = [];
  if (request.parameters.Tags.length > 0) out.push('sts:TagSession');
  if (request.parameters.SourceIdentity !== undefined) out.push('sts:SetSourceIdentity');
  return out;
}
