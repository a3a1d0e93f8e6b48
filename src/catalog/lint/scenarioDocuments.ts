/**
 * Every policy document written in a scenario, in a fixed order: control policies, then the policies of
 * users, groups, roles (trust first), declared managed policies (boundaries among them), sessions and
 * resources. AWS managed policies the scenario only names are not in its text, so they are not here.
 */
import type { PolicyDocument } from '../../model/policy';
import type { PolicyAttachment, Scenario } from '../../model/types';

function inline(list: readonly PolicyAttachment[], out: PolicyDocument[]): void {
  for (const attachment of list) if (attachment.kind === 'inline') out.push(attachment.document);
}

/**
 * The documents of a scenario; each carries its kind and its JSON path. Gathered by pushing, not by
 * spreading nested lists: the worker lists them on every edit (10,000 at M).
 */
export function scenarioDocuments(scenario: Scenario): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  for (const policy of scenario.organization?.policies ?? []) out.push(policy.document);
  for (const user of scenario.users) inline(user.policies, out);
  for (const group of scenario.groups) inline(group.policies, out);
  for (const role of scenario.roles) {
    if (role.trustPolicy !== undefined) out.push(role.trustPolicy);
    inline(role.policies, out);
  }
  for (const policy of scenario.policies) out.push(policy.document);
  for (const session of scenario.sessions) inline(session.policies, out);
  for (const resource of scenario.resources) if (resource.policy !== undefined) out.push(resource.policy);
  return out;
}
