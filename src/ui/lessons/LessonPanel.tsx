/**
 * The open lesson: its title, the current step's narrative, the step's predict questions and try-it
 * tasks, navigation between steps, the prediction score and the live checkpoints. In presenter mode it
 * is the only panel next to the graph, in large type.
 */
import { useEffect, useRef } from 'react';
import { lessonQuestions, type LessonDefinition } from '../../lessons';
import { currentLesson } from '../../state/lessonSlice';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';
import { Checkpoints } from './Checkpoints';
import { InlineMarkdown, Markdown } from './Markdown';
import { PredictCard } from './PredictCard';
import { TryItCard } from './TryItCard';
import { useLessonFocus } from './useLessonFocus';
import { usePresenterKeys } from './usePresenterKeys';

function Score({ lesson }: { readonly lesson: LessonDefinition }) {
  const t = useT();
  const answers = useAppStore((s) => s.lesson.answers);
  const predict = useAppStore((s) => (s.lesson.checks.lessonId === lesson.id ? s.lesson.checks.predict : undefined));
  const questions = lessonQuestions(lesson);
  if (questions.length === 0) return null;
  let correct = 0;
  let answered = 0;
  for (const q of questions) {
    const given = answers[q.id];
    const result = predict?.[q.id];
    if (given === undefined) continue;
    answered++;
    if (result !== undefined && (result.decision === 'Allow' ? 'Allow' : 'Deny') === given) correct++;
  }
  return (
    <div className="ag-lesson-score" data-testid="lesson-score" data-correct={correct} data-answered={answered}>
      <span>{t('lessons.predict.score', { correct, total: questions.length })}</span>
      <span className="ag-lesson-score-bar" aria-hidden="true">
        {questions.map((q) => {
          const given = answers[q.id];
          const result = predict?.[q.id];
          const state = given === undefined || result === undefined ? 'open' : (result.decision === 'Allow' ? 'Allow' : 'Deny') === given ? 'right' : 'wrong';
          return <span key={q.id} data-state={state} />;
        })}
      </span>
    </div>
  );
}

function StepNav({ lesson, step }: { readonly lesson: LessonDefinition; readonly step: number }) {
  const t = useT();
  const store = useAppStoreApi();
  const total = lesson.steps.length;
  const last = step === total - 1;
  return (
    <nav className="ag-lesson-nav" aria-label={t('lessons.step.progress', { current: step + 1, total })}>
      <button type="button" className="ag-button" disabled={step === 0} onClick={() => store.getState().setLessonStep(step - 1)} data-testid="lesson-prev">
        ← {t('lessons.step.previous')}
      </button>
      <span className="ag-lesson-progress" data-testid="lesson-progress">
        {t('lessons.step.progress', { current: step + 1, total })}
      </span>
      {last ? (
        <button type="button" className="ag-button" onClick={() => store.getState().setLessonStep(0)} data-testid="lesson-restart">
          {t('lessons.step.restart')}
        </button>
      ) : (
        <button type="button" className="ag-button ag-button-primary" onClick={() => store.getState().setLessonStep(step + 1)} data-testid="lesson-next">
          {t('lessons.step.next')} →
        </button>
      )}
    </nav>
  );
}

export function LessonPanel() {
  const t = useT();
  const store = useAppStoreApi();
  const lesson = useAppStore(currentLesson);
  const step = useAppStore((s) => s.lesson.step);
  const presenter = useAppStore((s) => s.lesson.presenter);
  const language = useAppStore((s) => s.view.language);
  const body = useRef<HTMLDivElement>(null);
  useLessonFocus();
  usePresenterKeys();
  // A new step starts at its top.
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollTo, which React would call as a cleanup.
    if (body.current !== null) body.current.scrollTop = 0;
  }, [step, lesson, presenter]);
  if (lesson === undefined) return null;
  const definition = lesson.steps[step];
  if (definition === undefined) return null;
  const s = () => store.getState();
  return (
    <aside className="ag-lesson" data-presenter={String(presenter)} aria-label={t('lessons.panel.title')} data-testid="lesson-panel" data-lesson={lesson.id} data-step={step} lang={language}>
      <div className="ag-panel-header">
        <h2 className="ag-panel-title">{t('lessons.panel.title')}</h2>
        <button type="button" className="ag-icon-button" title={t('lessons.gallery.title')} aria-label={t('lessons.gallery.title')} onClick={() => s().setGalleryOpen(true)}>
          <Icon name="book" />
        </button>
        <button
          type="button"
          className="ag-icon-button"
          aria-pressed={presenter}
          title={t(presenter ? 'presenter.exit' : 'presenter.enter')}
          aria-label={t(presenter ? 'presenter.exit' : 'presenter.enter')}
          data-testid="presenter-toggle"
          onClick={() => s().setPresenter(!presenter)}
        >
          <Icon name="play" />
        </button>
        <button type="button" className="ag-icon-button" title={t('lessons.panel.close')} aria-label={t('lessons.panel.close')} onClick={() => s().closeLesson()}>
          <Icon name="close" />
        </button>
      </div>
      <div className="ag-lesson-body" ref={body}>
        <div className="ag-lesson-head">
          <div className="ag-lesson-title" data-testid="lesson-title">
            <InlineMarkdown text={lesson.title[language]} />
          </div>
          <ol className="ag-lesson-steps" aria-hidden="true">
            {lesson.steps.map((_, i) => (
              <li key={i} data-state={i < step ? 'done' : i === step ? 'current' : 'todo'}>
                <button type="button" tabIndex={-1} title={lesson.steps[i]?.title[language]} onClick={() => s().setLessonStep(i)} />
              </li>
            ))}
          </ol>
        </div>
        <article className="ag-lesson-step">
          <div className="ag-lesson-kicker">{t('lessons.step.progress', { current: step + 1, total: lesson.steps.length })}</div>
          <h3 className="ag-lesson-step-title" data-testid="lesson-step-title">{definition.title[language]}</h3>
          <Markdown className="ag-lesson-text" text={definition.body[language]} />
          {definition.focus.length > 0 && !presenter ? <p className="ag-lesson-focus-hint">{t('lessons.step.focusHint')}</p> : null}
        </article>
        {definition.predict.map((question) => (
          <PredictCard key={question.id} question={question} />
        ))}
        {definition.tryIt.map((task) => (
          <TryItCard key={task.id} task={task} />
        ))}
        <Score lesson={lesson} />
        {presenter ? null : <Checkpoints lesson={lesson} />}
      </div>
      <StepNav lesson={lesson} step={step} />
      {presenter ? <p className="ag-presenter-keys">{t('presenter.keys')}</p> : null}
    </aside>
  );
}
