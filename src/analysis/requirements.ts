/**
 * What an analysis needs loaded before it runs synchronously: the catalog services of the scenario's
 * resources and the AWS managed policies it attaches.
 */
import { isAwsManagedPolicyArn } from '../model/arns';
import { createCollector } from '../model/collector';
import { parseArn } from '../model/ids';
import type { PolicyDocument } from '../model/policy';
import { parsePolicy } from '../model/parsePolicy';
import type { PolicyAttachment, Scenario } from '../model/types';

/** Services and managed policies a scenario needs. */
export interface ScenarioRequirements {
  /** Catalog service prefixes (lower case, sorted). */
  readonly services: readonly string[];
  /** AWS managed policy ARNs (sorted). */
  readonly managedPolicies: readonly string[];
}

function managedOf(list: readonly PolicyAttachment[]): string[] {
  return list.flatMap((a) => (a.kind === 'managed' && isAwsManagedPolicyArn(a.arn) ? [a.arn] : []));
}

/** Lists the requirements of `scenario`. */
export function scenarioRequirements(scenario: Scenario): ScenarioRequirements {
  const services = new Set(['sts', 'iam']);
  for (const arn of [...scenario.resources.map((r) => r.arn), ...scenario.resourceShares.flatMap((s) => s.resources)]) {
    const service = parseArn(arn)?.service;
    if (service !== undefined) services.add(service.toLowerCase());
  }
  const managed = new Set<string>();
  for (const holder of [...scenario.users, ...scenario.groups, ...scenario.roles, ...scenario.sessions]) for (const arn of managedOf(holder.policies)) managed.add(arn);
  for (const holder of [...scenario.users, ...scenario.roles]) if (holder.permissionsBoundary !== undefined && isAwsManagedPolicyArn(holder.permissionsBoundary)) managed.add(holder.permissionsBoundary);
  return { services: [...services].sort(), managedPolicies: [...managed].sort() };
}

/**
 * Parses AWS managed policy documents (raw JSON by ARN) for analysis's own indexes. Their path is empty:
 * they are not part of the scenario text.
 */
export function parseManagedDocuments(raw: ReadonlyMap<string, unknown>, cache: Map<string, PolicyDocument> = new Map()): Map<string, PolicyDocument> {
  const out = new Map<string, PolicyDocument>();
  for (const [arn, document] of raw) {
    let parsed = cache.get(arn);
    if (parsed === undefined) {
      parsed = parsePolicy(document, 'identity', [], createCollector());
      cache.set(arn, parsed);
    }
    out.set(arn, parsed);
  }
  return out;
}
