/**
 * Findings that need evaluations: access from outside the organization (`external-access`) and grants
 * that a control policy silently blocks (`blocked-by-control-policy`).
 */
import { isControlPolicyBlock } from '../blockers';
import type { ControlBlock } from '../effectiveAccess';
import { makeFinding } from '../findingMessages';
import type { Finding } from '../findingTypes';
import type { Blocker, EffectiveAccessEdge, GraphEdge, GraphNode } from '../types';

function isOutsider(node: GraphNode | undefined): boolean {
  return node !== undefined && node.kind !== 'anonymous' && node.kind !== 'service' && node.flags.includes('external');
}

function blockFinding(subject: string, principal: string, action: string, blocker: Blocker): Finding {
  const policy = blocker.statements[0]?.policy ?? blocker.policies[0];
  const policyType = policy?.kind === 'rcp' || blocker.reason === 'rcp' ? 'RCP' : 'SCP';
  return makeFinding({
    code: 'blocked-by-control-policy',
    subject,
    params: { principal, action, policy: policy?.name ?? blocker.level ?? 'FullAWSAccess', policyType },
    ...(policy !== undefined ? { policy } : {}),
    ...(blocker.statements[0] !== undefined ? { statement: blocker.statements[0] } : {}),
    detail: `${principal}|${policy?.name ?? ''}`,
  });
}

/** The finding one edge gives, if any. */
export function edgeFinding(nodes: ReadonlyMap<string, GraphNode>, edge: GraphEdge): Finding | undefined {
  if (edge.kind === 'effective-access' || (edge.kind === 'can-assume' && edge.decision !== 'blocked')) {
    if (!isOutsider(nodes.get(edge.source))) return undefined;
    const via = edge.kind === 'effective-access' ? viaOf(edge) : undefined;
    const decision = edge.decision === 'allowed' ? 'allowed' : 'conditional';
    return makeFinding({ code: 'external-access', subject: edge.target, params: { principal: edge.source, decision, ...(via ? { via } : {}) }, path: nodes.get(edge.target)?.path ?? [], detail: edge.source });
  }
  if (edge.kind === 'grants') {
    const target = nodes.get(edge.target);
    // Declared outsiders are judged by their evaluated edges; accounts and undeclared principals by the grant.
    if (!isOutsider(target) || (target?.kind !== 'account' && !target?.flags.includes('undeclared'))) return undefined;
    const statement = edge.statements[0];
    return makeFinding({ code: 'external-access', subject: edge.source, params: { principal: edge.target, decision: 'conditional' }, ...(statement ? { statement } : {}), detail: edge.target });
  }
  if (edge.kind === 'can-assume' && edge.blockedBy !== undefined && isControlPolicyBlock(edge.blockedBy)) return blockFinding(edge.target, edge.source, edge.action, edge.blockedBy);
  return undefined;
}

/** The findings of a list of edges, in edge order. */
export function edgeFindings(nodes: ReadonlyMap<string, GraphNode>, edges: Iterable<GraphEdge>): Finding[] {
  const out: Finding[] = [];
  for (const edge of edges) {
    const finding = edgeFinding(nodes, edge);
    if (finding !== undefined) out.push(finding);
  }
  return out;
}

/** The blocked-by-control-policy findings of direct-access blocks, in block order. */
export function blockFindings(blocks: Iterable<ControlBlock>): Finding[] {
  const out: Finding[] = [];
  for (const block of blocks) out.push(blockFinding(block.node, block.source, block.action, block.blocker));
  return out;
}

/** External-access and blocked-by-control-policy findings from the evaluated edges. */
export function accessFindings(nodes: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[], blocks: readonly ControlBlock[]): Finding[] {
  return [...edgeFindings(nodes, edges), ...blockFindings(blocks)];
}

function viaOf(edge: EffectiveAccessEdge): string | undefined {
  if (edge.grants.some((g) => g.via === undefined)) return undefined;
  return edge.grants[0]?.via?.join(' → ');
}
