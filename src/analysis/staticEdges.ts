/**
 * Edges that need no evaluation: `member-of` (user → group, declared session → its role or user) and
 * `grants` (a resource or trust policy names a principal in an Allow).
 */
import { parseStsArn } from '../model/arns';
import { hasConstrainingCondition } from '../model/lintPolicy';
import type { ConditionEntry } from '../model/policy';
import { ANONYMOUS_NODE_ID } from './buildNodes';
import { namedPrincipals, statementRef, type NamedPrincipal } from './policySites';
import type { PolicySite, ScenarioIndex } from './scenarioIndex';
import type { GrantsEdge, MemberOfEdge } from './types';
import type { StatementRef } from '../engine/types';

/** The id of an edge of `kind` between two nodes. */
export function edgeId(kind: string, source: string, target: string, suffix?: string): string {
  return suffix === undefined ? `${kind}|${source}|${target}` : `${kind}|${source}|${target}|${suffix}`;
}

/** `member-of` edges. */
export function memberOfEdges(index: ScenarioIndex): MemberOfEdge[] {
  const out: MemberOfEdge[] = [];
  for (const user of index.scenario.users) {
    for (const group of user.groups) out.push({ id: edgeId('member-of', user.arn, group), kind: 'member-of', source: user.arn, target: group });
  }
  for (const principal of index.principals.values()) {
    if (principal.kind !== 'session') continue;
    const owner = principal.roleArn ?? principal.userArn;
    if (owner !== undefined) out.push({ id: edgeId('member-of', principal.id, owner), kind: 'member-of', source: principal.id, target: owner });
  }
  return out;
}

/** The node id a named principal maps to. */
export function principalNodeId(named: NamedPrincipal): string {
  switch (named.kind) {
    case 'anyone':
      return ANONYMOUS_NODE_ID;
    case 'account':
      return named.account;
    case 'iam':
      return named.arn;
    case 'service':
      return named.name;
    case 'idp':
      return named.id;
  }
}

interface GrantAcc {
  readonly source: string;
  readonly target: string;
  readonly statements: StatementRef[];
  readonly actions: Set<string>;
  readonly conditions: ConditionEntry[];
  constrained: boolean;
}

/** `grants` edges from the resource-based and trust policies of `sites` (valid documents only). */
export function grantsEdges(sites: readonly PolicySite[]): GrantsEdge[] {
  const acc = new Map<string, GrantAcc>();
  for (const site of sites) {
    if ((site.ref.kind !== 'resource' && site.ref.kind !== 'trust') || !site.document.valid) continue;
    for (const statement of site.document.statements) {
      if (statement.effect !== 'Allow' || statement.principal === undefined) continue;
      const targets = new Set(namedPrincipals(statement.principal).map(principalNodeId));
      for (const target of targets) {
        const id = edgeId('grants', site.ref.owner, target);
        let entry = acc.get(id);
        if (entry === undefined) {
          entry = { source: site.ref.owner, target, statements: [], actions: new Set(), conditions: [], constrained: true };
          acc.set(id, entry);
        }
        entry.statements.push(statementRef(site.ref, statement));
        for (const a of statement.action ?? []) entry.actions.add(a);
        for (const a of statement.notAction ?? []) entry.actions.add(`!${a}`);
        entry.conditions.push(...statement.conditions);
        if (target === ANONYMOUS_NODE_ID && !hasConstrainingCondition(statement)) entry.constrained = false;
      }
    }
  }
  return [...acc].map(([id, e]) => ({
    id,
    kind: 'grants',
    source: e.source,
    target: e.target,
    statements: e.statements,
    actions: [...e.actions].sort(),
    conditions: e.conditions,
    constrained: e.target === ANONYMOUS_NODE_ID ? e.constrained : true,
  }));
}

/** True for an STS session ARN of a role (not a federated user). */
export function isRoleSessionArn(arn: string): boolean {
  return parseStsArn(arn)?.kind === 'assumed-role';
}
