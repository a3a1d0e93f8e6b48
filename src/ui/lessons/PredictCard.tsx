/**
 * Predict, then reveal: the learner answers Allow or Deny before anything is shown; then the engine's
 * live decision (not the answer stored in the lesson, which only raises a warning when they differ),
 * the deciding statement and the lesson's `why`, and whether the learner was right.
 */
import type { PredictAnswer, PredictQuestion } from '../../lessons';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { reasonKey } from '../inspector/explainText';
import { StatementLink } from '../inspector/StatementLink';
import { useT } from '../useT';
import { InlineMarkdown } from './Markdown';

function shortArn(arn: string): string {
  return arn.slice(Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':')) + 1) || arn;
}

export function PredictCard({ question }: { readonly question: PredictQuestion }) {
  const t = useT();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.view.language);
  const answer = useAppStore((s) => s.lesson.answers[question.id]);
  const result = useAppStore((s) => (s.lesson.checks.lessonId === s.lesson.id ? s.lesson.checks.predict[question.id] : undefined));
  const { request } = question;
  const engineAnswer: PredictAnswer | undefined = result === undefined ? undefined : result.decision === 'Allow' ? 'Allow' : 'Deny';
  const right = answer !== undefined && engineAnswer !== undefined && answer === engineAnswer;

  function showEvaluation() {
    const s = store.getState();
    const context = Object.entries(request.context ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
    s.setSimulator({ principal: request.principal, action: request.action, resource: request.resource, context });
    s.setPanelOpen('inspector', true);
    void s.simulate();
  }

  return (
    <section className="ag-predict" data-testid="predict-card" data-question={question.id} data-state={answer === undefined ? 'asking' : 'revealed'}>
      <div className="ag-lesson-kicker">{t('lessons.predict.title')}</div>
      <p className="ag-predict-question">
        <InlineMarkdown text={question.question[language]} />
      </p>
      <dl className="ag-predict-request">
        <dt>principal</dt>
        <dd title={request.principal}>{shortArn(request.principal)}</dd>
        <dt>action</dt>
        <dd>{request.action}</dd>
        <dt>resource</dt>
        <dd title={request.resource}>{request.resource.replace(/^arn:aws[\w-]*:/, '')}</dd>
        {Object.entries(request.context ?? {}).map(([key, value]) => (
          <div key={key} className="ag-predict-context">
            <dt>{key}</dt>
            <dd>{typeof value === 'string' ? value : value.join(', ')}</dd>
          </div>
        ))}
      </dl>
      {answer === undefined ? (
        <div className="ag-predict-choices" role="group" aria-label={t('lessons.predict.prompt')}>
          <span>{t('lessons.predict.prompt')}</span>
          <button type="button" className="ag-button ag-predict-choice" data-answer="Allow" onClick={() => store.getState().answerPredict(question.id, 'Allow')}>
            <span className="ag-predict-choice-mark" aria-hidden="true">✓</span>
            {t('lessons.predict.allow')}
          </button>
          <button type="button" className="ag-button ag-predict-choice" data-answer="Deny" onClick={() => store.getState().answerPredict(question.id, 'Deny')}>
            <span className="ag-predict-choice-mark" aria-hidden="true">✕</span>
            {t('lessons.predict.deny')}
          </button>
        </div>
      ) : (
        <div className="ag-predict-reveal" data-testid="predict-reveal" data-correct={engineAnswer === undefined ? undefined : String(right)}>
          {result === undefined ? (
            <p className="ag-muted">{t('lessons.predict.evaluating')}</p>
          ) : (
            <>
              <p className="ag-predict-verdict" data-decision={result.decision}>
                <span className="ag-predict-mark" aria-hidden="true">{right ? '✓' : '✕'}</span>
                <span>
                  {t(right ? 'lessons.predict.correct' : 'lessons.predict.incorrect', { answer: t(engineAnswer === 'Allow' ? 'lessons.predict.allow' : 'lessons.predict.deny') })}{' '}
                  {right ? null : <span className="ag-muted">{t('lessons.predict.yourAnswer', { answer: t(answer === 'Allow' ? 'lessons.predict.allow' : 'lessons.predict.deny') })}</span>}
                </span>
              </p>
              <p className="ag-predict-engine">
                <span className="ag-predict-decision" data-decision={result.decision}>{t(`decision.${result.decision}`)}</span> {t(reasonKey(result.explanation.reason))}
              </p>
              {result.explanation.deciding.length > 0 ? (
                <div className="ag-predict-deciding">
                  <span className="ag-muted">{t('lessons.predict.deciding')}</span>
                  {result.explanation.deciding.slice(0, 2).map((statement, i) => (
                    <StatementLink key={i} statement={statement} />
                  ))}
                </div>
              ) : null}
              <p className="ag-predict-why">
                <strong>{t('lessons.predict.why')}</strong> <InlineMarkdown text={question.why[language]} />
              </p>
              {engineAnswer !== question.answer ? (
                <p className="ag-lesson-warning" role="note" data-testid="predict-mismatch">
                  {t('lessons.predict.mismatch', { expected: t(question.answer === 'Allow' ? 'lessons.predict.allow' : 'lessons.predict.deny') })}
                </p>
              ) : null}
              <button type="button" className="ag-link-button" onClick={showEvaluation}>
                {t('lessons.predict.showEvaluation')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
