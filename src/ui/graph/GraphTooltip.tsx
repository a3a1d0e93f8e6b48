/**
 * The tooltip over a node or edge: the full ARN (labels show only the short name) and, for an
 * edge, what it is and what it needs.
 */
import type { AccessGraph } from '../../analysis/types';
import { conditionSummary } from '../../graph/edgeLabels';
import type { Hover } from '../../graph/GraphController';
import { indexGraph } from '../../graph/graphIndex';
import { OUTSIDE_BAND, SERVICES_BAND } from '../../graph/toElements';

function edgeText(graph: AccessGraph, id: string): readonly [string, string] | undefined {
  const edge = indexGraph(graph).edges.get(id);
  if (edge === undefined) return undefined;
  switch (edge.kind) {
    case 'can-assume': {
      const needs = conditionSummary(edge.conditions);
      const detail = edge.decision === 'blocked' ? `blocked at ${edge.blockedBy?.step ?? 'a gate'}` : edge.decision === 'conditional' && needs !== '' ? `needs ${needs}` : edge.decision;
      return [`${edge.action}${edge.chained ? ' (chained)' : ''} · ${detail}`, `${edge.source} → ${edge.target}`];
    }
    case 'effective-access': {
      const count = edge.grants.reduce((sum, grant) => sum + grant.actions.length, 0);
      return [`${count} action${count === 1 ? '' : 's'} · ${edge.levels.map((l) => l.level).join(', ')}${edge.decision === 'conditional' ? ' · conditional' : ''}`, `${edge.source} → ${edge.target}`];
    }
    case 'grants':
      return [`resource policy grants ${edge.actions.join(', ')}`, `${edge.source} → ${edge.target}`];
    case 'shares':
      return [`RAM share ${edge.share}${edge.status === 'active' ? '' : ` · ${edge.status}`}`, `${edge.source} → ${edge.target}`];
    case 'member-of':
      return ['member of', `${edge.source} → ${edge.target}`];
  }
}

function nodeText(graph: AccessGraph, id: string): readonly [string, string] | undefined {
  if (id === OUTSIDE_BAND || id === SERVICES_BAND) return undefined;
  const node = indexGraph(graph).nodes.get(id);
  if (node === undefined) return undefined;
  const flags = node.flags.filter((flag) => flag !== 'aws-managed').join(', ');
  return [`${node.kind}${flags === '' ? '' : ` · ${flags}`} — ${node.label}`, node.id];
}

/** The tooltip, placed next to the pointer. */
export function GraphTooltip({ graph, hover }: { readonly graph: AccessGraph; readonly hover: Hover }) {
  const text = hover.group === 'nodes' ? nodeText(graph, hover.id) : edgeText(graph, hover.id);
  if (text === undefined) return null;
  return (
    <div className="ag-g-tip" style={{ left: hover.x, top: hover.y }} role="tooltip" data-testid="graph-tooltip">
      <div className="ag-g-tip-kind">{text[0]}</div>
      <div className="ag-g-tip-id">{text[1]}</div>
    </div>
  );
}
