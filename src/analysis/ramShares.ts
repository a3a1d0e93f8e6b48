/**
 * AWS RAM (SEMANTICS §6): share nodes' edges (resource → share → consumer account, OU, organization,
 * role or user), each association's status, and the share findings. Access through a share itself
 * comes from the engine, which adds the share's statements to each shared resource (`PolicyRef.via`).
 */
import { parseOrganizationsArn } from '../model/arns';
import { parseArn } from '../model/ids';
import type { ResourceShare } from '../model/types';
import { mentionedNode, shareNodeId, type NodeSink } from './buildNodes';
import { makeFinding } from './findingMessages';
import type { Finding } from './findingTypes';
import { namedAwsPrincipal } from './policySites';
import type { ScenarioIndex } from './scenarioIndex';
import { edgeId } from './staticEdges';
import type { GraphNode, ShareIssue, SharesEdge } from './types';

/** Where one share principal points and whether the association grants anything. */
interface Association {
  readonly target: string | undefined;
  readonly issue: ShareIssue | undefined;
  /** True for a consumer outside the owner's organization. */
  readonly external: boolean;
  readonly orgLevel: boolean;
}

function inOrg(index: ScenarioIndex, account: string): boolean {
  return index.accounts.get(account)?.inOrganization === true;
}

function associate(index: ScenarioIndex, share: ResourceShare, principal: string, sink: NodeSink): Association {
  const org = index.scenario.organization;
  const ownerInOrg = inOrg(index, share.owner);
  const orgArn = parseOrganizationsArn(principal);
  if (orgArn !== undefined) {
    const known = org !== undefined && orgArn.orgId === org.id && (orgArn.kind === 'organization' || orgArn.ouId === org.rootId || org.units.some((u) => u.id === orgArn.ouId));
    if (!known || org === undefined) return { target: undefined, issue: 'unknown-principal', external: false, orgLevel: true };
    const target = orgArn.kind === 'organization' ? org.rootId : orgArn.ouId;
    return { target, issue: org.ramSharingWithOrganization ? undefined : 'org-sharing-disabled', external: false, orgLevel: true };
  }
  if (/^[a-z0-9.-]+\.amazonaws\.com$/.test(principal)) {
    mentionedNode(sink, { kind: 'service', name: principal });
    return { target: principal, issue: undefined, external: false, orgLevel: false };
  }
  const named = namedAwsPrincipal(principal);
  if (named === undefined || named.kind === 'anyone' || named.kind === 'service' || named.kind === 'idp') return { target: undefined, issue: 'unknown-principal', external: false, orgLevel: false };
  if (named.kind === 'iam') mentionedNode(sink, named);
  const target = named.kind === 'account' ? named.account : named.arn;
  const external = !(ownerInOrg && inOrg(index, named.account));
  const issue: ShareIssue | undefined = external && !share.allowExternalPrincipals ? 'external-not-allowed' : undefined;
  return { target, issue, external, orgLevel: false };
}

function resourceNode(index: ScenarioIndex, arn: string): GraphNode {
  const account = parseArn(arn)?.account ?? '';
  const info = index.accounts.get(account);
  return {
    id: arn,
    kind: 'resource',
    label: arn.split(/[/:]/).at(-1) ?? arn,
    parent: info === undefined ? undefined : account,
    account: info?.id,
    partition: parseArn(arn)?.partition,
    flags: info?.external === true ? ['external', 'undeclared'] : ['undeclared'],
    path: undefined,
    resourceTypes: [],
  };
}

/** The edges and findings of every share; adds nodes for undeclared shared resources and consumers. */
export function shareEdges(index: ScenarioIndex, sink: NodeSink): { edges: SharesEdge[]; findings: Finding[] } {
  const edges: SharesEdge[] = [];
  const findings: Finding[] = [];
  for (const share of index.scenario.resourceShares) {
    const shareId = shareNodeId(share.owner, share.name);
    share.resources.forEach((arn, i) => {
      if (!sink.nodes.has(arn)) sink.nodes.set(arn, resourceNode(index, arn));
      const account = parseArn(arn)?.account ?? '';
      const foreign = account !== '' && account !== share.owner;
      edges.push({ id: edgeId('shares', arn, shareId), kind: 'shares', source: arn, target: shareId, share: share.name, role: 'resource', status: foreign ? 'invalid' : 'active', issue: foreign ? 'foreign-resource' : undefined, principal: undefined, path: [...share.path, 'resources', i] });
    });
    const lists = [
      { list: share.principals, field: 'principals', pending: false },
      { list: share.pendingPrincipals, field: 'pendingPrincipals', pending: true },
    ] as const;
    for (const { list, field, pending } of lists) {
      list.forEach((principal, i) => {
        const path = [...share.path, field, i];
        const a = associate(index, share, principal, sink);
        const issue = a.issue ?? (pending ? 'pending-invitation' : undefined);
        const status = issue === undefined ? 'active' : issue === 'pending-invitation' ? 'pending' : 'invalid';
        const target = a.target ?? principal;
        edges.push({ id: edgeId('shares', shareId, target), kind: 'shares', source: shareId, target, share: share.name, role: 'consumer', status, issue, principal, path });
        const params = { share: share.name, principal };
        // Findings are about the shared resources (their ARNs); a share without resources stands for itself.
        const subjects = share.resources.length > 0 ? share.resources : [shareId];
        const code = status === 'active' && a.external ? 'ram-external-share' : issue === 'org-sharing-disabled' ? 'ram-sharing-disabled' : issue === 'external-not-allowed' ? 'ram-invalid-association' : undefined;
        if (code !== undefined) for (const subject of subjects) findings.push(makeFinding({ code, subject, params, path, detail: `${share.name}|${principal}` }));
      });
    }
  }
  return { edges, findings };
}
