/**
 * Who can reach a resource: every principal with effective access, with the path it takes (the
 * roles it assumes) and the conditions on the way.
 */
import { useState } from 'react';
import type { AccessGraph } from '../../analysis/types';
import { lookupOf, partPending } from '../../state/graphLookup';
import { reachersOf, type ReacherRow } from '../../state/selectors';
import { useAppStoreApi } from '../AppServices';
import { NodeIcon } from '../NodeIcon';
import { useT } from '../useT';
import { AccessChips } from './AccessChips';
import { ConditionList } from './ConditionList';
import { PathChain } from './PathChain';
import { SortHeader, sortRows, type SortState } from './SortHeader';
import { CellLabel } from './CellLabel';

type Column = 'principal' | 'access' | 'path';

export function WhoCanReach({ graph, resource }: { readonly graph: AccessGraph; readonly resource: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const rows = reachersOf(graph, resource);
  const [sort, setSort] = useState<SortState<Column>>({ key: 'principal', descending: false });
  if (rows.length === 0 && partPending(graph, resource))
    return (
      <p className="ag-empty" data-testid="access-loading">
        {t('access.loading')}
      </p>
    );
  if (rows.length === 0) return <p className="ag-empty">{t('reach.none')}</p>;
  const nodes = lookupOf(graph).nodes;
  const value = (row: ReacherRow) =>
    sort.key === 'principal'
      ? `${row.decision === 'allowed' ? 0 : 1}${row.label}`
      : sort.key === 'access'
        ? row.levels.length
        : row.via.length;
  return (
    <table className="ag-table" data-testid="who-can-reach">
      <thead>
        <tr>
          <SortHeader label={t('reach.principal')} column="principal" sort={sort} onSort={setSort} />
          <SortHeader label={t('access.levels')} column="access" sort={sort} onSort={setSort} />
          <SortHeader label={t('reach.path')} column="path" sort={sort} onSort={setSort} />
        </tr>
      </thead>
      <tbody>
        {sortRows(rows, value, sort.descending).map((row) => {
          const node = nodes.get(row.principal);
          return (
            <tr key={row.edge} className="ag-row" data-decision={row.decision}>
              <td>
                <button
                  type="button"
                  className="ag-row-toggle"
                  title={row.principal}
                  onClick={() => store.getState().select(row.principal, { focus: true })}
                >
                  {node === undefined ? null : <NodeIcon node={node} size={14} />}
                  <CellLabel label={row.label} />
                  {node?.flags.includes('external') === true ? (
                    <span className="ag-tag ag-tag-external">{t('tag.external')}</span>
                  ) : null}
                </button>
                {row.accountLabel === '' ? null : (
                  <div className="ag-muted ag-cell-sub">{row.accountLabel}</div>
                )}
              </td>
              <td>
                <AccessChips levels={row.levels} />
              </td>
              <td>
                {row.via.length === 0 ? (
                  <span className="ag-muted">{t('access.direct')}</span>
                ) : (
                  <PathChain via={row.via} nodes={nodes} />
                )}
                <ConditionList conditions={row.conditions} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
