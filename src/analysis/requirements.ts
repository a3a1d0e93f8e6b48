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

/** The catalog services of a list of resource ARNs, per list: an edit of a policy keeps the scenario's lists. */
const SERVICES = new WeakMap<readonly string[] | readonly object[], readonly string[]>();
/** The AWS managed policies a holder attaches, per holder: an edit rebuilds only the edited one. */
const MANAGED = new WeakMap<object, readonly string[]>();

function servicesOf<T>(list: readonly T[], arnsOf: (item: T) => readonly string[]): readonly string[] {
  let services = SERVICES.get(list as readonly object[]);
  if (services === undefined) {
    const found = new Set<string>();
    for (const item of list)
      for (const arn of arnsOf(item)) {
        const service = parseArn(arn)?.service;
        if (service !== undefined) found.add(service.toLowerCase());
      }
    services = [...found];
    SERVICES.set(list as readonly object[], services);
  }
  return services;
}

function managedOf(holder: { readonly policies: readonly PolicyAttachment[]; readonly permissionsBoundary?: string | undefined }): readonly string[] {
  let arns = MANAGED.get(holder);
  if (arns === undefined) {
    const found: string[] = [];
    for (const a of holder.policies) if (a.kind === 'managed' && isAwsManagedPolicyArn(a.arn)) found.push(a.arn);
    const boundary = holder.permissionsBoundary;
    if (boundary !== undefined && isAwsManagedPolicyArn(boundary)) found.push(boundary);
    arns = found;
    MANAGED.set(holder, arns);
  }
  return arns;
}

/**
 * Lists the requirements of `scenario`. The worker asks on every edit; what it reads of an unchanged
 * list or holder (the same object after an incremental parse) is remembered, so an edit costs a walk
 * over the holders, not parsing every ARN again (6 ms at M).
 */
export function scenarioRequirements(scenario: Scenario): ScenarioRequirements {
  const services = new Set(['sts', 'iam']);
  for (const s of servicesOf(scenario.resources, (r) => [r.arn])) services.add(s);
  for (const s of servicesOf(scenario.resourceShares, (share) => share.resources)) services.add(s);
  const managed = new Set<string>();
  for (const list of [scenario.users, scenario.groups, scenario.roles, scenario.sessions])
    for (const holder of list) for (const arn of managedOf(holder)) managed.add(arn);
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
