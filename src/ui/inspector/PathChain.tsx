/**
 * A chain of role assumptions, as short names joined by arrows: the way a principal gets somewhere.
 */
import type { GraphNode } from '../../analysis/types';

export function PathChain({
  via,
  nodes,
  from,
}: {
  readonly via: readonly string[];
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly from?: string;
}) {
  const hops = from === undefined ? via : [from, ...via];
  return (
    <span className="ag-path" title={hops.join(' → ')}>
      {hops.map((id, i) => (
        <span key={`${id}-${i}`} className="ag-path-hop">
          {i > 0 ? <span className="ag-path-arrow">→</span> : null}
          {nodes.get(id)?.label ?? id}
        </span>
      ))}
    </span>
  );
}
