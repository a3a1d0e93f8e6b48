/**
 * The simulator's answer: the decision, the reason in one sentence, the deciding statements, and a
 * step-by-step walk through the AWS evaluation flow (explicit deny → RCP → SCP → resource-based →
 * identity → boundary → session), each statement a link to its line.
 */
import type { EvaluationResult as Result, StepTrace } from '../../engine/types';
import { useAppStore } from '../AppServices';
import { countText, useT } from '../useT';
import { invalidKey, noteKey, outcomeKey, reasonKey, statementKey, stepKey } from './explainText';
import { StatementLink } from './StatementLink';

const DECISION_KEY = {
  Allow: 'decision.Allow',
  ExplicitDeny: 'decision.ExplicitDeny',
  ImplicitDeny: 'decision.ImplicitDeny',
} as const;

function Step({ trace, decisive }: { readonly trace: StepTrace; readonly decisive: boolean }) {
  const t = useT();
  const relevant = trace.statements.filter((s) => s.applies !== 'false' || trace.statements.length <= 6);
  const hidden = trace.statements.length - relevant.length;
  return (
    <li className="ag-step" data-outcome={trace.outcome} data-decisive={decisive} data-step={trace.step}>
      <div className="ag-step-head">
        <span className="ag-step-dot" aria-hidden="true" />
        <span className="ag-step-name">{t(stepKey(trace.step))}</span>
        <span className="ag-step-outcome">{t(outcomeKey(trace.outcome))}</span>
      </div>
      {trace.note === undefined ? null : <p className="ag-step-note">{t(noteKey(trace.note))}</p>}
      {trace.level === undefined ? null : (
        <p className="ag-step-note">{t('step.atLevel', { level: trace.level })}</p>
      )}
      {relevant.length === 0 ? null : (
        <ul className="ag-step-statements">
          {relevant.map((s) => (
            <li key={`${s.statement.policy.path.join('.')}#${s.statement.index}`} data-applies={s.applies}>
              <StatementLink statement={s.statement} />
              <span className="ag-why">
                {t(statementKey(s))}
                {s.condition === undefined ? null : (
                  <code className="ag-inline-code">
                    {s.condition.operator} {s.condition.key}
                  </code>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? <p className="ag-step-note">{countText(t, 'step.otherStatements', hidden)}</p> : null}
    </li>
  );
}

function ResultView({ result }: { readonly result: Result }) {
  const t = useT();
  const { explanation } = result;
  return (
    <div className="ag-result" data-decision={result.decision} data-testid="simulation-result">
      <div className="ag-decision" data-decision={result.decision}>
        <span className="ag-decision-mark" aria-hidden="true">
          {result.decision === 'Allow' ? '✓' : result.decision === 'ExplicitDeny' ? '⊘' : '–'}
        </span>
        <strong data-testid="decision">{t(DECISION_KEY[result.decision])}</strong>
        <span className="ag-decision-reason">{t(reasonKey(explanation.reason))}</span>
      </div>
      {explanation.invalid === undefined ? null : (
        <p className="ag-invalid">{t(invalidKey(explanation.invalid))}</p>
      )}
      {explanation.impliedAction === undefined ? null : (
        <p className="ag-muted ag-small">
          {t('result.impliedAction', { action: explanation.impliedAction })}
        </p>
      )}
      {explanation.deciding.length === 0 ? null : (
        <div className="ag-deciding" data-testid="deciding">
          <span className="ag-label">{t('result.deciding')}</span>
          {explanation.deciding.map((s) => (
            <StatementLink key={`${s.policy.path.join('.')}#${s.index}`} statement={s} />
          ))}
        </div>
      )}
      <ol className="ag-walk" aria-label={t('result.walk')}>
        {explanation.steps.map((trace) => (
          <Step key={trace.step} trace={trace} decisive={trace.step === explanation.step} />
        ))}
      </ol>
    </div>
  );
}

export function EvaluationResult() {
  const t = useT();
  const simulation = useAppStore((s) => s.simulation);
  const stale = useAppStore(
    (s) => s.simulation.revision !== s.analysis.graphRevision && s.simulation.status === 'done',
  );
  if (simulation.status === 'idle') return <p className="ag-muted ag-small">{t('simulator.idle')}</p>;
  if (simulation.status === 'failed') {
    const code = simulation.error?.code;
    const message =
      code === 'incomplete'
        ? t('simulator.incomplete')
        : code === 'no-scenario'
          ? t('simulator.noScenario')
          : t('simulator.failed', { message: simulation.error?.message ?? '' });
    return (
      <p className="ag-error" role="alert">
        {message}
      </p>
    );
  }
  if (simulation.result === undefined) return <p className="ag-muted ag-small">{t('simulator.running')}</p>;
  return (
    <div aria-busy={simulation.status === 'running'} data-stale={stale}>
      <ResultView result={simulation.result} />
    </div>
  );
}
