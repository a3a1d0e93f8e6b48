/**
 * A node's icon in the panels: the same drawings as the graph (src/graph/icons.ts) for principals,
 * resources and shares; simple boxes for the organization, OUs and accounts.
 */
import type { GraphNode } from '../analysis/types';
import { iconBody } from '../graph/icons';
import { isBoxType, nodeTypeOf } from '../graph/vocabulary';

const BOX_BODIES: Readonly<Record<string, string>> = {
  organization:
    '<rect x="3" y="3" width="18" height="18" rx="3"/><rect x="7" y="7" width="10" height="10" rx="2"/>',
  ou: '<path d="M3 7.5a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z"/>',
  account: '<rect x="3.5" y="4.5" width="17" height="15" rx="2.5"/><path d="M3.5 9h17"/>',
  band: '<rect x="3" y="6" width="18" height="12" rx="2.5" stroke-dasharray="3 2.5"/>',
};

/** The icon of a graph node, in the current colour. */
export function NodeIcon({ node, size = 16 }: { readonly node: GraphNode; readonly size?: number }) {
  const type = nodeTypeOf(node);
  const body = isBoxType(type) ? (BOX_BODIES[type] ?? '') : iconBody(type);
  return (
    <svg
      className="ag-node-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-type={type}
      // The markup is the app's own constant drawings, never user input.
      dangerouslySetInnerHTML={{ __html: body }}
    />
  );
}
