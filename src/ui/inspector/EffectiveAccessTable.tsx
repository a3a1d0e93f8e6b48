/**
 * What a principal can reach, grouped by account: one row per resource with its access levels as
 * chips and the roles it goes through; a row opens to list the actions. Sortable by resource, breadth
 * and path length.
 */
import { Fragment, useState } from 'react';
import type { AccessGraph } from '../../analysis/types';
import { lookupOf, partPending } from '../../state/graphLookup';
import { effectiveAccessOf, type AccessRow } from '../../state/selectors';
import { useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';
import { AccessChips } from './AccessChips';
import { PathChain } from './PathChain';
import { SortHeader, sortRows, type SortState } from './SortHeader';
import { CellLabel } from './CellLabel';

type Column = 'resource' | 'access' | 'via';

function breadth(row: AccessRow): number {
  return row.levels.reduce((n, l) => n + l.allowed + l.conditional, 0);
}

function groups(rows: readonly AccessRow[]): { account: string; label: string; rows: AccessRow[] }[] {
  const byAccount = new Map<string, { account: string; label: string; rows: AccessRow[] }>();
  for (const row of rows) {
    const key = row.account ?? '';
    const group = byAccount.get(key) ?? { account: key, label: row.accountLabel, rows: [] };
    group.rows.push(row);
    byAccount.set(key, group);
  }
  return [...byAccount.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export function EffectiveAccessTable({
  graph,
  principal,
}: {
  readonly graph: AccessGraph;
  readonly principal: string;
}) {
  const t = useT();
  const store = useAppStoreApi();
  const rows = effectiveAccessOf(graph, principal);
  const [sort, setSort] = useState<SortState<Column>>({ key: 'resource', descending: false });
  const [open, setOpen] = useState<string | undefined>(undefined);
  if (rows.length === 0 && partPending(graph, principal))
    return (
      <p className="ag-empty" data-testid="access-loading">
        {t('access.loading')}
      </p>
    );
  if (rows.length === 0) return <p className="ag-empty">{t('access.none')}</p>;
  const value = (row: AccessRow) =>
    sort.key === 'resource' ? row.label : sort.key === 'access' ? breadth(row) : row.via.length;
  const nodes = lookupOf(graph).nodes;
  return (
    <table className="ag-table" data-testid="effective-access">
      <thead>
        <tr>
          <SortHeader label={t('access.resource')} column="resource" sort={sort} onSort={setSort} />
          <SortHeader label={t('access.levels')} column="access" sort={sort} onSort={setSort} />
          <SortHeader label={t('access.via')} column="via" sort={sort} onSort={setSort} />
        </tr>
      </thead>
      <tbody>
        {groups(rows).map((group) => (
          <Fragment key={group.account}>
            <tr className="ag-group-row">
              <th colSpan={3} scope="rowgroup">
                {group.label} <span className="ag-muted ag-mono">{group.account}</span>
              </th>
            </tr>
            {sortRows(group.rows, value, sort.descending).map((row) => (
              <Fragment key={row.edge}>
                <tr className="ag-row" data-decision={row.decision} aria-expanded={open === row.edge}>
                  <td>
                    <button
                      type="button"
                      className="ag-row-toggle"
                      onClick={() => setOpen(open === row.edge ? undefined : row.edge)}
                      title={row.resource}
                    >
                      <Icon name={open === row.edge ? 'chevronDown' : 'chevronRight'} size={12} />
                      <CellLabel label={row.label} />
                    </button>
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
                  </td>
                </tr>
                {open === row.edge ? (
                  <tr className="ag-detail-row">
                    <td colSpan={3}>
                      <ul className="ag-actions">
                        {row.actions.map((a) => (
                          <li key={a.action} data-decision={a.decision}>
                            <code>{a.action}</code>
                            <span className="ag-muted">{a.levels.join(', ')}</span>
                            {a.decision === 'conditional' ? (
                              <span className="ag-tag ag-tag-conditional">{t('decision.conditional')}</span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      <button
                        type="button"
                        className="ag-link"
                        onClick={() => store.getState().select(row.resource, { focus: true })}
                      >
                        {t('access.selectResource')}
                      </button>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
