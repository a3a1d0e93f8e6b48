/**
 * The nodes of the access graph: the organization tree, accounts (listed and external), principals,
 * resources, RAM shares, and the principals that policies name without declaring them (external
 * users and roles, service principals, identity providers, anonymous callers).
 */
import { parseIamArn, parseStsArn } from '../model/arns';
import { parseArn, type AccountId } from '../model/ids';
import { namedPrincipals, policySites, type NamedPrincipal } from './policySites';
import type { AccountInfo, ScenarioIndex } from './scenarioIndex';
import type { GraphNode, NodeFlag, NodeKind } from './types';

/** The id of the node of the anonymous (and, by extension, any) caller. */
export const ANONYMOUS_NODE_ID = 'anonymous';

/** The node id of a RAM share. */
export function shareNodeId(owner: string, name: string): string {
  return `ram-share:${owner}:${name}`;
}

/** The short label of an ARN: an IAM name, an S3 bucket or object key, or the last resource segment. */
export function shortLabel(arn: string): string {
  const iam = parseIamArn(arn);
  if (iam !== undefined) return iam.kind === 'root' ? iam.account : iam.name;
  const sts = parseStsArn(arn);
  if (sts !== undefined) return sts.kind === 'assumed-role' ? `${sts.roleName}/${sts.sessionName}` : sts.name;
  const parts = parseArn(arn);
  if (parts === undefined) return arn;
  if (parts.service === 's3') return parts.resource;
  const segments = parts.resource.split(/[/:]/).filter((s) => s !== '');
  return segments.at(-1) ?? parts.resource;
}

function flagsOf(...flags: (NodeFlag | false)[]): NodeFlag[] {
  return [...new Set(flags.filter((f): f is NodeFlag => f !== false))].sort();
}

/** Where nodes are collected. */
export interface NodeSink {
  readonly nodes: Map<string, GraphNode>;
  readonly index: ScenarioIndex;
}

function accountNode(account: AccountInfo): GraphNode {
  return {
    id: account.id,
    kind: 'account',
    label: account.name,
    parent: account.inOrganization ? account.parent : undefined,
    account: account.id,
    partition: account.partition,
    flags: flagsOf(account.external && 'external', account.management && 'management-account', !account.listed && 'undeclared'),
    path: account.path,
    resourceTypes: [],
  };
}

function entityNode(sink: NodeSink, id: string, kind: NodeKind, account: string, extra: { path?: GraphNode['path']; flags?: NodeFlag[]; resourceTypes?: readonly string[]; partition?: string }): GraphNode {
  const info = sink.index.accounts.get(account);
  return {
    id,
    kind,
    label: shortLabel(id),
    parent: info === undefined ? undefined : account,
    account: info === undefined ? undefined : (account as AccountId),
    partition: extra.partition ?? info?.partition ?? parseArn(id)?.partition,
    flags: flagsOf(...(extra.flags ?? []), info?.external === true && 'external'),
    path: extra.path,
    resourceTypes: extra.resourceTypes ?? [],
  };
}

/** Adds the node of a principal that a policy or share names, unless it exists. */
export function mentionedNode(sink: NodeSink, named: NamedPrincipal): void {
  const { nodes } = sink;
  switch (named.kind) {
    case 'anyone':
      if (!nodes.has(ANONYMOUS_NODE_ID)) nodes.set(ANONYMOUS_NODE_ID, { id: ANONYMOUS_NODE_ID, kind: 'anonymous', label: 'anyone', parent: undefined, account: undefined, partition: undefined, flags: ['external'], path: undefined, resourceTypes: [] });
      return;
    case 'account':
      return;
    case 'service':
      if (!nodes.has(named.name)) nodes.set(named.name, { id: named.name, kind: 'service', label: named.name.replace(/\.amazonaws\.com(\.cn)?$/, ''), parent: undefined, account: undefined, partition: undefined, flags: ['aws-managed'], path: undefined, resourceTypes: [] });
      return;
    case 'idp':
      if (!nodes.has(named.id)) {
        nodes.set(
          named.id,
          named.account === undefined
            ? { id: named.id, kind: 'idp', label: named.id, parent: undefined, account: undefined, partition: undefined, flags: ['external'], path: undefined, resourceTypes: [] }
            : entityNode(sink, named.id, 'idp', named.account, {}),
        );
      }
      return;
    case 'iam':
      if (!nodes.has(named.arn)) {
        const kind: NodeKind = named.entity;
        const flags: NodeFlag[] = ['undeclared'];
        if (named.entity === 'session' && parseStsArn(named.arn)?.kind === 'federated-user') flags.push('federated-session');
        nodes.set(named.arn, entityNode(sink, named.arn, kind, named.account, { flags, partition: named.partition }));
      }
      return;
  }
}

/** Builds every node, keyed by id. `typesOf` gives the catalog resource types of an ARN (`s3:bucket`). */
export function buildNodes(index: ScenarioIndex, typesOf: (arn: string) => readonly string[]): Map<string, GraphNode> {
  const sink: NodeSink = { nodes: new Map(), index };
  const { nodes } = sink;
  const { scenario } = index;
  const org = scenario.organization;
  if (org !== undefined) {
    nodes.set(org.rootId, { id: org.rootId, kind: 'organization', label: org.id, parent: undefined, account: undefined, partition: undefined, flags: [], path: org.path, resourceTypes: [] });
    for (const unit of org.units) nodes.set(unit.id, { id: unit.id, kind: 'ou', label: unit.name, parent: unit.parentId, account: undefined, partition: undefined, flags: [], path: unit.path, resourceTypes: [] });
  }
  for (const account of index.accounts.values()) nodes.set(account.id, accountNode(account));
  for (const user of scenario.users) nodes.set(user.arn, entityNode(sink, user.arn, 'user', user.arn.split(':')[4] ?? '', { path: user.path }));
  for (const group of scenario.groups) nodes.set(group.arn, entityNode(sink, group.arn, 'group', group.arn.split(':')[4] ?? '', { path: group.path }));
  for (const principal of index.principals.values()) {
    if (principal.kind === 'user') continue;
    const flags: NodeFlag[] = [];
    if (principal.serviceLinked) flags.push('service-linked');
    if (principal.kind === 'session' && principal.roleArn === undefined && parseStsArn(principal.id)?.kind === 'federated-user') flags.push('federated-session');
    nodes.set(principal.id, entityNode(sink, principal.id, principal.kind, principal.account, { path: principal.path, flags }));
  }
  for (const resource of scenario.resources) nodes.set(resource.arn, entityNode(sink, resource.arn, 'resource', resource.account, { path: resource.path, resourceTypes: typesOf(resource.arn) }));
  for (const share of scenario.resourceShares) {
    const id = shareNodeId(share.owner, share.name);
    const info = index.accounts.get(share.owner);
    nodes.set(id, { id, kind: 'share', label: share.name, parent: info === undefined ? undefined : share.owner, account: share.owner, partition: info?.partition, flags: flagsOf(info?.external === true && 'external'), path: share.path, resourceTypes: [] });
  }
  for (const site of policySites(scenario)) {
    if (site.ref.kind !== 'resource' && site.ref.kind !== 'trust') continue;
    for (const statement of site.document.statements) {
      if (statement.effect === 'Allow' && statement.principal !== undefined) for (const named of namedPrincipals(statement.principal)) mentionedNode(sink, named);
    }
  }
  return nodes;
}
