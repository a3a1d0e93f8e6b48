/**
 * The access changes in brief beside undo and redo (`+1 −3`), shown once an edit has changed some
 * access: the Changes section sits under the Explorer's tree, out of sight in a large organization.
 * A click opens the Explorer and brings the section into view.
 */
import { changeTotals, selectAccessChanges } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';

export function ChangesChip() {
  const t = useT();
  const store = useAppStoreApi();
  const changes = useAppStore(selectAccessChanges);
  if (changes.kind === 'diff' && changes.count === 0) return null;
  if (changes.kind !== 'diff' && changes.kind !== 'many') return null;
  let parts: { readonly mark: string; readonly kind: string; readonly n: number }[];
  if (changes.kind === 'many') parts = [{ mark: '±', kind: 'changed', n: changes.edges }];
  else {
    const totals = changeTotals(changes.diff);
    parts = [
      { mark: '+', kind: 'added', n: totals.added },
      { mark: '−', kind: 'removed', n: totals.removed },
      { mark: '~', kind: 'changed', n: totals.changed },
    ].filter((p) => p.n > 0);
  }
  return (
    <button
      type="button"
      className="ag-changes-chip"
      data-testid="changes-chip"
      title={t('changes.chipTitle')}
      onClick={() => {
        store.getState().setPanelOpen('explorer', true);
        // After the Explorer has been drawn open.
        requestAnimationFrame(() =>
          document.querySelector('[data-testid="access-changes"]')?.scrollIntoView({ block: 'nearest' }),
        );
      }}
    >
      {parts.map((p) => (
        <span key={p.kind} className="ag-change-mark" data-change={p.kind}>
          {p.mark}
          {p.n}
        </span>
      ))}
    </button>
  );
}
