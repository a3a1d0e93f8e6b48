/**
 * The access changes since the scenario was opened, under the findings: what an edit adds and removes,
 * principal by resource by action, and the role assumptions it gains or loses. A row selects its
 * principal, so the graph lights up the access it now has. "Compare from here" makes the access on
 * screen the new baseline.
 */
import { useState } from 'react';
import type { AccessChange, AssumeChange } from '../../analysis/diffTypes';
import type { AccessGraph } from '../../analysis/types';
import { lookupOf } from '../../state/graphLookup';
import { changeTotals, selectAccessChanges, selectGraph } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';
import { SectionToggle } from './SectionToggle';

/** Rows drawn before "and N more": the list is for reading an edit's effect, not for auditing thousands. */
const SHOWN = 40;

const MARK = { added: '+', removed: '−', changed: '~' } as const;
const CHANGE_KEY: Record<AccessChange['change'], 'changes.added' | 'changes.removed' | 'changes.changed'> = {
  added: 'changes.added',
  removed: 'changes.removed',
  changed: 'changes.changed',
};
const DECISION_KEY: Readonly<
  Record<string, 'decision.allowed' | 'decision.conditional' | 'decision.blocked'>
> = {
  allowed: 'decision.allowed',
  conditional: 'decision.conditional',
  blocked: 'decision.blocked',
};

type Row =
  | { readonly kind: 'access'; readonly change: AccessChange }
  | { readonly kind: 'assume'; readonly change: AssumeChange };

export function ExplorerChanges() {
  const t = useT();
  const store = useAppStoreApi();
  const changes = useAppStore(selectAccessChanges);
  const graph = useAppStore(selectGraph);
  const [open, setOpen] = useState(true);
  if (changes.kind === 'none' || graph === undefined) return null;
  const label = labelIn(graph);
  const diff = changes.kind === 'diff' ? changes.diff : undefined;
  const rows: Row[] =
    diff === undefined
      ? []
      : [
          ...diff.assume.map((change): Row => ({ kind: 'assume', change })),
          ...diff.access.map((change): Row => ({ kind: 'access', change })),
        ];
  const decision = (d: string | undefined): string =>
    d === undefined ? '—' : t(DECISION_KEY[d] ?? 'decision.blocked');
  return (
    <section className="ag-explorer-changes" data-testid="access-changes">
      <SectionToggle
        open={open}
        onToggle={() => setOpen((o) => !o)}
        title={t('changes.title')}
        count={changes.kind === 'diff' ? changes.count : changes.kind === 'many' ? `${changes.edges}+` : '–'}
        highlighted={(changes.kind === 'diff' && changes.count > 0) || changes.kind === 'many'}
      />
      {!open ? null : changes.kind === 'untracked' ? (
        <p className="ag-empty">{t('changes.untracked')}</p>
      ) : changes.kind === 'many' ? (
        <div className="ag-changes-summary">
          <span>{t('changes.many', { count: changes.edges })}</span>
          <CompareFromHere />
        </div>
      ) : diff === undefined || rows.length === 0 ? (
        <p className="ag-empty">{t('changes.none')}</p>
      ) : (
        <>
          <p className="ag-changes-summary">
            <span>{t('changes.summary', changeTotals(diff))}</span>
            <CompareFromHere />
          </p>
          <ul className="ag-changes">
            {rows.slice(0, SHOWN).map((row) => (
              <li key={rowKey(row)} data-change={row.change.change}>
                <button
                  type="button"
                  className="ag-change"
                  title={row.change.principal}
                  onClick={() => store.getState().select(row.change.principal, { focus: true })}
                >
                  {/* The mark is drawn; the word is read (aria-label on a plain span is not). */}
                  <span className="ag-change-mark" data-change={row.change.change} aria-hidden="true">
                    {MARK[row.change.change]}
                  </span>
                  <span className="ag-visually-hidden">{t(CHANGE_KEY[row.change.change])}: </span>
                  <span className="ag-change-body">
                    <span className="ag-change-what">
                      {row.kind === 'access'
                        ? row.change.action
                        : t('changes.assume', { role: label(row.change.role) })}
                    </span>
                    <span className="ag-change-who">
                      {row.kind === 'access'
                        ? `${label(row.change.principal)} → ${label(row.change.resource)}`
                        : label(row.change.principal)}
                    </span>
                    <ChangeDetail row={row} graph={graph} decision={decision} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {rows.length > SHOWN ? (
            <p className="ag-empty">{t('changes.more', { count: rows.length - SHOWN })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Makes the access on screen the baseline. */
function CompareFromHere() {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <button
      type="button"
      className="ag-link"
      title={t('changes.resetTitle')}
      onClick={() => store.getState().setBaseline()}
    >
      {t('changes.reset')}
    </button>
  );
}

/** A node's short name in the graph, or its id when the graph no longer has it (a removed resource). */
function labelIn(graph: AccessGraph): (id: string) => string {
  const { nodes } = lookupOf(graph);
  return (id) => nodes.get(id)?.label ?? id;
}

function rowKey(row: Row): string {
  return row.kind === 'access'
    ? `a|${row.change.principal}|${row.change.resource}|${row.change.action}|${row.change.after?.resource ?? row.change.before?.resource ?? ''}`
    : `r|${row.change.principal}|${row.change.role}`;
}

/** The decision it moved between (a change), or how it is reached (an addition or removal through roles, conditional). */
function ChangeDetail({
  row,
  graph,
  decision,
}: {
  readonly row: Row;
  readonly graph: AccessGraph;
  readonly decision: (d: string | undefined) => string;
}) {
  const t = useT();
  const label = labelIn(graph);
  if (row.kind === 'assume') {
    if (row.change.change !== 'changed') return null;
    return (
      <span className="ag-change-detail">
        {t('changes.decision', { before: decision(row.change.before), after: decision(row.change.after) })}
      </span>
    );
  }
  const { before, after } = row.change;
  if (row.change.change === 'changed')
    return (
      <span className="ag-change-detail">
        {t('changes.decision', { before: decision(before?.decision), after: decision(after?.decision) })}
      </span>
    );
  const access = after ?? before;
  const parts = [
    access?.via === undefined || access.via.length === 0
      ? undefined
      : t('changes.via', { roles: access.via.map(label).join(' → ') }),
    access?.decision === 'conditional' ? t('decision.conditional') : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? null : <span className="ag-change-detail">{parts.join(' · ')}</span>;
}
