/**
 * Turns the IAM part of the draft into the scenario's `users`, `groups`, `roles` and `policies`:
 * managed policies by ARN (customer managed ones declared with their default version, AWS managed ones
 * left to the built-in catalog), inline policies, boundaries, tags and trust policies.
 */
import { isAwsManagedPolicyArn, parseIamArn } from '../../model/arns';
import type { Draft, DraftAttachment, DraftPrincipal } from './draft';
import type { Obj } from './fields';
import type { Provenance } from './provenance';
import { resolvePrincipals } from './principals';

/** The identity collections of the scenario. */
export interface Identity {
  readonly users: Obj[];
  readonly groups: Obj[];
  readonly roles: Obj[];
  readonly policies: Obj[];
}

function sorted<T extends { readonly arn: string }>(map: ReadonlyMap<string, T>): T[] {
  return [...map.values()].sort((a, b) => a.arn.localeCompare(b.arn));
}

/** Builds the identity collections, registering where each part came from. */
export function buildIdentity(draft: Draft, prov: Provenance): Identity {
  const policies = sorted(draft.policies).map((p, i) => {
    prov.add(['policies', i], p.origin, false);
    prov.add(['policies', i, 'document'], p.document.origin, true);
    return { arn: p.arn, document: resolvePrincipals(p.document, draft) };
  });
  const groupIndex = new Map<string, string>();
  for (const group of draft.groups.values()) {
    const parsed = parseIamArn(group.arn);
    if (parsed !== undefined) groupIndex.set(`${parsed.account}/${parsed.name}`, group.arn);
  }
  const groups = sorted(draft.groups).map((g, i) => ({ arn: g.arn, policies: attachments(g, ['groups', i], draft, prov) }));
  const users = sorted(draft.users).map((u, i) => {
    const out: Obj = { arn: u.arn, groups: memberships(u, groupIndex, draft), policies: attachments(u, ['users', i], draft, prov) };
    return withCommon(out, u, ['users', i], draft, prov);
  });
  const roles = sorted(draft.roles).map((r, i) => {
    const out: Obj = { arn: r.arn };
    if (r.trust !== undefined) {
      out.trustPolicy = resolvePrincipals(r.trust, draft);
      prov.add(['roles', i, 'trustPolicy'], r.trust.origin, true);
    }
    out.policies = attachments(r, ['roles', i], draft, prov);
    const duration = r.maxSessionDuration;
    if (duration !== undefined) {
      if (duration >= 3600 && duration <= 43200) out.maxSessionDuration = duration;
      else draft.report.warn(r.origin, 'not-imported', `\`MaxSessionDuration\` ${duration} is outside 3600..43200, so it is not imported`);
    }
    return withCommon(out, r, ['roles', i], draft, prov);
  });
  return { users, groups, roles, policies };
}

function withCommon(out: Obj, principal: DraftPrincipal, path: readonly (string | number)[], draft: Draft, prov: Provenance): Obj {
  prov.add(path, principal.origin, false);
  const boundary = principal.boundary;
  if (boundary !== undefined) {
    if (isAwsManagedPolicyArn(boundary.value) || draft.policies.has(boundary.value)) out.permissionsBoundary = boundary.value;
    else draft.report.warn(boundary.origin, 'not-imported', `the permissions boundary \`${boundary.value}\` is not in the export, so it is left out and this ${principal.kind}'s permissions are over-estimated`);
  }
  if (Object.keys(principal.tags).length > 0) out.tags = principal.tags;
  return out;
}

function attachments(principal: DraftPrincipal, path: readonly (string | number)[], draft: Draft, prov: Provenance): (Obj | string)[] {
  const items: (Obj | string)[] = [];
  const seen = new Set<string>();
  for (const attachment of principal.policies) {
    const item = attachment.kind === 'managed' ? managed(attachment, principal, draft, seen) : inline(attachment, [...path, 'policies', items.length], draft, prov, seen);
    if (item !== undefined) items.push(item);
  }
  return items;
}

function managed(attachment: Extract<DraftAttachment, { kind: 'managed' }>, principal: DraftPrincipal, draft: Draft, seen: Set<string>): string | undefined {
  if (seen.has(attachment.arn)) return undefined;
  seen.add(attachment.arn);
  if (isAwsManagedPolicyArn(attachment.arn) || draft.policies.has(attachment.arn)) return attachment.arn;
  draft.report.warn(attachment.origin, 'not-imported', `policy \`${attachment.arn}\` is not in the export, so this ${principal.kind}'s attachment to it is left out`);
  return undefined;
}

function inline(attachment: Extract<DraftAttachment, { kind: 'inline' }>, path: readonly (string | number)[], draft: Draft, prov: Provenance, seen: Set<string>): Obj | undefined {
  const key = `inline:${attachment.name}`;
  if (seen.has(key)) {
    draft.report.warn(attachment.origin, 'duplicate-id', `a second inline policy named \`${attachment.name}\`: only the first is kept`);
    return undefined;
  }
  seen.add(key);
  prov.add(path, attachment.origin, false);
  prov.add([...path, 'document'], attachment.document.origin, true);
  return { name: attachment.name, document: attachment.document.value };
}

function memberships(user: DraftPrincipal, index: ReadonlyMap<string, string>, draft: Draft): string[] {
  const out: string[] = [];
  for (const group of user.groups) {
    const arn = index.get(`${user.account}/${group.value}`);
    if (arn === undefined) draft.report.warn(group.origin, 'not-imported', `group \`${group.value}\` is not in the export, so this membership is left out`);
    else if (!out.includes(arn)) out.push(arn);
  }
  return out;
}
