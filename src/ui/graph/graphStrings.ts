/**
 * The words of the graph panel's own controls, in English; the app passes translated ones through
 * the `strings` prop (the panel does not reach into the store for them).
 */
import type { GraphStrings } from '../../graph/view';
import { DEFAULT_STRINGS } from '../../graph/view';

/** Every word the panel shows. `{name}`-style placeholders are replaced at run time. */
export interface GraphPanelStrings extends GraphStrings {
  readonly search: string;
  readonly noResults: string;
  readonly filters: string;
  readonly accounts: string;
  readonly types: string;
  readonly accessLevels: string;
  readonly action: string;
  readonly actionPlaceholder: string;
  readonly onlyExternal: string;
  readonly onlyFindings: string;
  readonly showGrants: string;
  readonly clearFilters: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fit: string;
  readonly relayout: string;
  readonly layout: string;
  readonly layoutDomain: string;
  readonly layoutFcose: string;
  readonly layoutElk: string;
  readonly legend: string;
  readonly export: string;
  readonly exportPng: string;
  readonly exportSvg: string;
  readonly empty: string;
  readonly hintNone: string;
  readonly hintPrincipal: string;
  readonly hintPrincipalDirect: string;
  readonly resource: string;
  readonly resources: string;
  readonly role: string;
  readonly roles: string;
  readonly principal: string;
  readonly principals: string;
  readonly hintPrincipalNothing: string;
  readonly hintLoading: string;
  readonly hintResource: string;
  readonly hintResourceNobody: string;
  readonly hintEdge: string;
  readonly hintBox: string;
  readonly hintCollapse: string;
  /** A large graph at rest: `{n}` trust and grant edges are drawn only for the selection. */
  readonly hintLargeHidden: string;
  /** A large graph with a selection: the edges still left out. */
  readonly hintLargeHiddenOthers: string;
  readonly graphLabel: string;
}

/** English. */
export const DEFAULT_PANEL_STRINGS: GraphPanelStrings = {
  ...DEFAULT_STRINGS,
  search: 'Search name or ARN',
  noResults: 'Nothing matches',
  filters: 'Filters',
  accounts: 'Accounts',
  types: 'Node types',
  accessLevels: 'Access levels',
  action: 'Action',
  actionPlaceholder: 's3:GetObject, s3:Put*…',
  onlyExternal: 'Only external and public',
  onlyFindings: 'Only nodes with findings',
  showGrants: 'Show every resource-policy grant',
  clearFilters: 'Clear filters',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to screen',
  relayout: 'Lay out again',
  layout: 'Layout',
  layoutDomain: 'Organization',
  layoutFcose: 'Force',
  layoutElk: 'Layered',
  legend: 'Legend',
  export: 'Export the graph',
  exportPng: 'PNG image',
  exportSvg: 'SVG drawing',
  empty: 'Nothing to draw yet',
  hintNone: 'Select a principal to see what it can reach, or a resource to see who can reach it',
  hintPrincipal: '{name} reaches {resources} through {roles}',
  hintPrincipalDirect: '{name} reaches {resources}',
  resource: 'resource',
  resources: 'resources',
  role: 'role',
  roles: 'roles',
  principal: 'principal',
  principals: 'principals',
  hintPrincipalNothing: '{name} reaches nothing',
  hintLoading: 'Loading what {name} reaches…',
  hintResource: '{principals} can reach {name}',
  hintResourceNobody: 'Nobody can reach {name}',
  hintEdge: 'The inspector shows the statements behind this edge',
  hintBox: 'Double-click a box to fold or unfold it',
  hintCollapse: 'Double-click to unfold',
  hintLargeHidden: '{n} trust and grant edges hidden at this size — select a principal or resource to see its paths',
  hintLargeHiddenOthers: '{n} other trust and grant edges hidden at this size',
  graphLabel: 'Access graph',
};

/** `"{n} things"` with the placeholders filled. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** "1 resource", "3 resources" (the words come from the strings, so translations decide). */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
