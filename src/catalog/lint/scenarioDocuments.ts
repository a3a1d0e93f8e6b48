/**
 * Every policy document written in a scenario, in a fixed order: control policies, then the policies of
 * users, groups, roles (trust first), declared managed policies (boundaries among them), sessions and
 * resources. AWS managed policies the scenario only names are not in its text, so they are not here.
 */
import type { PolicyDocument } from '../../model/policy';
import type { PolicyAttachment, Scenario } from '../../model/types';

function inline(list: readonly PolicyAttachment[]): PolicyDocument[] {
  return list.flatMap((attachment) => (attachment.kind === 'inline' ? [attachment.document] : []));
}

/** The documents of a scenario; each carries its kind and its JSON path. */
export function scenarioDocuments(scenario: Scenario): PolicyDocument[] {
  return [
    ...(scenario.organization?.policies ?? []).map((policy) => policy.document),
    ...scenario.users.flatMap((user) => inline(user.policies)),
    ...scenario.groups.flatMap((group) => inline(group.policies)),
    ...scenario.roles.flatMap((role) => [...(role.trustPolicy === undefined ? [] : [role.trustPolicy]), ...inline(role.policies)]),
    ...scenario.policies.map((policy) => policy.document),
    ...scenario.sessions.flatMap((session) => inline(session.policies)),
    ...scenario.resources.flatMap((resource) => (resource.policy === undefined ? [] : [resource.policy])),
  ];
}
