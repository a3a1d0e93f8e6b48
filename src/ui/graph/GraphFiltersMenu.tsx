/**
 * The filter popover: accounts, node types, access levels, an action pattern, and the "only
 * external" / "only findings" / "show grants" switches. Edits go straight to `onChange`.
 */
import type { AccessGraph } from '../../analysis/types';
import { ACCESS_LEVELS } from '../../catalog/vocabulary';
import type { AccessLevel } from '../../catalog/vocabulary';
import { iconUri } from '../../graph/icons';
import type { Theme } from '../../graph/tokens';
import { TOKENS } from '../../graph/tokens';
import type { GraphFilters } from '../../graph/view';
import type { LeafType } from '../../graph/vocabulary';
import { LEAF_TYPES, nodeTypeOf } from '../../graph/vocabulary';
import type { GraphPanelStrings } from './graphStrings';

export interface GraphFiltersMenuProps {
  readonly graph: AccessGraph | undefined;
  readonly filters: GraphFilters;
  readonly onChange: (filters: GraphFilters) => void;
  readonly theme: Theme;
  readonly strings: GraphPanelStrings;
}

/** How many filters are active (for the button's badge). */
export function activeFilterCount(filters: GraphFilters): number {
  return (
    (filters.accounts?.length ? 1 : 0) +
    (filters.types?.length ? 1 : 0) +
    (filters.accessLevels?.length ? 1 : 0) +
    (filters.action !== undefined && filters.action.trim() !== '' ? 1 : 0) +
    (filters.onlyExternal === true ? 1 : 0) +
    (filters.onlyFindings === true ? 1 : 0) +
    (filters.showGrants === true ? 1 : 0)
  );
}

function toggle<T>(list: readonly T[] | undefined, value: T): readonly T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

/** The filter popover. */
export function GraphFiltersMenu({ graph, filters, onChange, theme, strings }: GraphFiltersMenuProps) {
  const t = TOKENS[theme];
  const accounts = (graph?.nodes ?? []).filter((node) => node.kind === 'account');
  const present = new Set((graph?.nodes ?? []).map((node) => nodeTypeOf(node)));
  const types = LEAF_TYPES.filter((type) => present.has(type));
  const set = (patch: Partial<GraphFilters>): void => onChange({ ...filters, ...patch });
  return (
    <div className="ag-g-surface ag-g-filters" role="dialog" aria-label={strings.filters} data-testid="graph-filters">
      <fieldset>
        <legend>{strings.accounts}</legend>
        <div className="ag-g-chips">
          {accounts.map((account) => (
            <button
              key={account.id}
              type="button"
              className="ag-g-chip"
              aria-pressed={filters.accounts?.includes(account.id) === true}
              title={account.id}
              onClick={() => set({ accounts: toggle(filters.accounts, account.id) })}
            >
              {account.label !== '' && account.label !== account.id ? account.label : account.id}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{strings.types}</legend>
        <div className="ag-g-chips">
          {types.map((type: LeafType) => (
            <button key={type} type="button" className="ag-g-chip" aria-pressed={filters.types?.includes(type) === true} onClick={() => set({ types: toggle(filters.types, type) })} data-type={type}>
              <img src={iconUri(type, t.principal)} alt="" />
              {type.replace('-', ' ')}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{strings.accessLevels}</legend>
        <div className="ag-g-chips">
          {ACCESS_LEVELS.map((level: AccessLevel) => (
            <button key={level} type="button" className="ag-g-chip" aria-pressed={filters.accessLevels?.includes(level) === true} onClick={() => set({ accessLevels: toggle(filters.accessLevels, level) })}>
              {level}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{strings.action}</legend>
        <input className="ag-g-input" type="text" spellCheck={false} placeholder={strings.actionPlaceholder} value={filters.action ?? ''} onChange={(event) => set({ action: event.target.value })} aria-label={strings.action} />
      </fieldset>
      <fieldset>
        <label className="ag-g-check">
          <input type="checkbox" checked={filters.onlyExternal === true} onChange={(event) => set({ onlyExternal: event.target.checked })} data-testid="filter-only-external" />
          {strings.onlyExternal}
        </label>
        <label className="ag-g-check">
          <input type="checkbox" checked={filters.onlyFindings === true} onChange={(event) => set({ onlyFindings: event.target.checked })} data-testid="filter-only-findings" />
          {strings.onlyFindings}
        </label>
        <label className="ag-g-check">
          <input type="checkbox" checked={filters.showGrants === true} onChange={(event) => set({ showGrants: event.target.checked })} data-testid="filter-show-grants" />
          {strings.showGrants}
        </label>
      </fieldset>
      <button type="button" className="ag-g-btn" onClick={() => onChange({})} disabled={activeFilterCount(filters) === 0}>
        {strings.clearFilters}
      </button>
    </div>
  );
}
