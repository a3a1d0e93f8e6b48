/**
 * A selected edge: its kind and decision, what it depends on, and the statements that create it.
 */
import type { GraphEdge } from '../../analysis/types';
import { lookupOf } from '../../state/graphLookup';
import { selectGraph } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';
import { AccessChips } from './AccessChips';
import { ConditionList } from './ConditionList';
import { edgeDecisionKey, edgeKindKey, reasonKey } from './explainText';
import { StatementLink } from './StatementLink';

export function EdgeSummary({ edge }: { readonly edge: GraphEdge }) {
  const t = useT();
  const store = useAppStoreApi();
  const graph = useAppStore(selectGraph);
  const label = (id: string) => (graph === undefined ? id : (lookupOf(graph).nodes.get(id)?.label ?? id));
  const statements =
    edge.kind === 'can-assume' || edge.kind === 'grants'
      ? edge.statements
      : edge.kind === 'effective-access'
        ? [
            ...new Map(
              edge.grants.flatMap((g) => g.statements).map((s) => [`${s.path.join('.')}`, s]),
            ).values(),
          ]
        : [];
  const decision = edge.kind === 'can-assume' || edge.kind === 'effective-access' ? edge.decision : undefined;
  return (
    <div className="ag-summary" data-testid="edge-summary">
      <div className="ag-edge-ends">
        <button
          type="button"
          className="ag-link"
          onClick={() => store.getState().select(edge.source, { focus: true })}
        >
          {label(edge.source)}
        </button>
        <span className="ag-path-arrow">→</span>
        <button
          type="button"
          className="ag-link"
          onClick={() => store.getState().select(edge.target, { focus: true })}
        >
          {label(edge.target)}
        </button>
      </div>
      <div className="ag-tags">
        <span className="ag-tag">{t(edgeKindKey(edge.kind))}</span>
        {decision === undefined ? null : (
          <span className="ag-tag" data-decision={decision}>
            {t(edgeDecisionKey(decision))}
          </span>
        )}
      </div>
      {edge.kind === 'effective-access' ? <AccessChips levels={edge.levels} /> : null}
      {edge.kind === 'can-assume' ? <ConditionList conditions={edge.conditions} /> : null}
      {edge.kind === 'can-assume' && edge.blockedBy !== undefined ? (
        <p className="ag-error">{t(reasonKey(edge.blockedBy.reason))}</p>
      ) : null}
      {statements.length === 0 ? null : (
        <div className="ag-deciding">
          <span className="ag-label">{t('result.statements')}</span>
          {statements.map((s) => (
            <StatementLink key={`${s.path.join('.')}`} statement={s} />
          ))}
        </div>
      )}
    </div>
  );
}
