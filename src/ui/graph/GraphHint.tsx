/**
 * One line at the bottom of the graph that says what the picture shows now: what to click first,
 * or what the selection reaches (UI.md "Empty states explain themselves"). On a large graph it also
 * says how many edges are left out until something is selected, so nothing is silently missing.
 */
import type { AccessGraph } from '../../analysis/types';
import { indexGraph } from '../../graph/graphIndex';
import { partPending } from '../../state/graphLookup';
import type { HiddenEdges } from '../../graph/edgeBudget';
import type { Highlight } from '../../graph/highlight';
import type { GraphPanelStrings } from './graphStrings';
import { fill, plural } from './graphStrings';

function sentence(graph: AccessGraph, highlight: Highlight, s: GraphPanelStrings): string {
  const index = indexGraph(graph);
  const selected = highlight.selected === undefined ? undefined : index.nodes.get(highlight.selected);
  const name = selected?.label ?? '';
  const litOf = (kinds: readonly string[]): number => [...highlight.nodes].filter((id) => id !== highlight.selected && kinds.includes(index.nodes.get(id)?.kind ?? '')).length;
  // A large graph's part for the selection is on its way: what it reaches is not known yet.
  if ((highlight.mode === 'principal' || highlight.mode === 'resource') && partPending(graph, highlight.selected ?? ''))
    return fill(s.hintLoading, { name });
  switch (highlight.mode) {
    case 'none':
      return s.hintNone;
    case 'principal': {
      const resources = litOf(['resource']);
      const roles = index.byPrincipal.get(highlight.selected ?? '')?.roles.length ?? 0;
      if (resources === 0 && roles === 0) return fill(s.hintPrincipalNothing, { name });
      const values = { name, resources: plural(resources, s.resource, s.resources), roles: plural(roles, s.role, s.roles) };
      return fill(roles === 0 ? s.hintPrincipalDirect : s.hintPrincipal, values);
    }
    case 'resource': {
      const principals = index.byResource.get(highlight.selected ?? '')?.principals.length ?? 0;
      if (principals === 0) return fill(s.hintResourceNobody, { name });
      return fill(s.hintResource, { name, principals: plural(principals, s.principal, s.principals) });
    }
    case 'edge':
      return s.hintEdge;
    case 'box':
    case 'group':
    case 'share':
      return s.hintBox;
  }
}

const COUNT = new Intl.NumberFormat('en-US');

/** The hint line (two when a large graph leaves edges out and something is selected). */
export function GraphHint(props: {
  readonly graph: AccessGraph | undefined;
  readonly highlight: Highlight;
  readonly hidden?: HiddenEdges | undefined;
  readonly strings: GraphPanelStrings;
}) {
  const { graph, highlight, hidden, strings } = props;
  if (graph === undefined || graph.nodes.length === 0) return null;
  const count = hidden?.total ?? 0;
  const n = COUNT.format(count);
  const atRest = highlight.mode === 'none';
  return (
    <div className={count > 0 ? 'ag-g-hint ag-g-hint-large' : 'ag-g-hint'} role="status" data-testid="graph-hint" data-hidden-edges={count}>
      {count > 0 && atRest ? null : <span>{sentence(graph, highlight, strings)}</span>}
      {count > 0 ? (
        <span className="ag-g-hint-hidden" data-testid="graph-hint-hidden">
          {fill(atRest ? strings.hintLargeHidden : strings.hintLargeHiddenOthers, { n })}
        </span>
      ) : null}
    </div>
  );
}
