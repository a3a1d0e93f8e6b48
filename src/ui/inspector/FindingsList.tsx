/**
 * Findings, most severe first: each focuses the graph on its subject, and its statement (when it has
 * one) opens in the editor.
 */
import type { Finding } from '../../analysis/types';
import { lookupOf } from '../../state/graphLookup';
import { selectGraph } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { RichText } from '../RichText';
import { useT } from '../useT';
import { findingMessageKey, findingWhyKey, severityKey } from './findingText';

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /** Compact rows (the Explorer) or with explanations (the Inspector). */
  readonly compact?: boolean;
}

export function FindingsList({ findings, compact = false }: FindingsListProps) {
  const t = useT();
  const store = useAppStoreApi();
  const graph = useAppStore(selectGraph);
  const selected = useAppStore((s) => s.selection.id);
  if (findings.length === 0) return <p className="ag-empty">{t('findings.none')}</p>;
  const labelOf = (id: string) => (graph === undefined ? id : (lookupOf(graph).nodes.get(id)?.label ?? id));
  return (
    <ul className="ag-findings" data-compact={compact}>
      {findings.map((finding) => (
        <li
          key={finding.id}
          className="ag-finding"
          data-severity={finding.severity}
          aria-current={finding.subject === selected}
        >
          <button
            type="button"
            className="ag-finding-main"
            onClick={() => store.getState().select(finding.subject, { focus: true })}
            title={t('findings.focus')}
          >
            <span className="ag-severity" data-severity={finding.severity}>
              {t(severityKey(finding.severity))}
            </span>
            <span className="ag-finding-title">{t(findingMessageKey(finding.code))}</span>
            <span className="ag-finding-subject">{labelOf(finding.subject)}</span>
          </button>
          {compact ? null : (
            <div className="ag-finding-detail">
              <p>
                <RichText text={finding.message} />
              </p>
              <p className="ag-muted">{t(findingWhyKey(finding.code))}</p>
              {finding.statement === undefined && finding.path.length === 0 ? null : (
                <button
                  type="button"
                  className="ag-link"
                  onClick={() => store.getState().revealPath(finding.statement?.path ?? finding.path)}
                >
                  <Icon name="arrowRight" size={12} /> {t('findings.showInEditor')}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
