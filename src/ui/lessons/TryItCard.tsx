/**
 * A "try it" task: the task and a hint; the goals and keeps are checked live against the scenario as
 * the user edits it, and "Show me" applies the lesson's solution as one undoable edit.
 */
import type { AssertionJson, TryIt } from '../../lessons';
import type { CheckStatus } from '../../state/lessonChecks';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';
import { Markdown } from './Markdown';

const NONE: readonly CheckStatus[] = [];

function StatusMark({ status }: { readonly status: CheckStatus | undefined }) {
  const mark = status === 'pass' ? '✓' : status === 'fail' ? '✕' : status === 'error' ? '!' : '…';
  return (
    <span className="ag-check-mark" data-status={status ?? 'pending'} aria-hidden="true">
      {mark}
    </span>
  );
}

function AssertionList({ title, items, statuses }: { readonly title: string; readonly items: readonly AssertionJson[]; readonly statuses: readonly CheckStatus[] }) {
  if (items.length === 0) return null;
  return (
    <div className="ag-tryit-list">
      <div className="ag-muted">{title}</div>
      <ul>
        {items.map((item, i) => (
          <li key={i} data-status={statuses[i] ?? 'pending'}>
            <StatusMark status={statuses[i]} />
            <span>{item.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TryItCard({ task }: { readonly task: TryIt }) {
  const t = useT();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.view.language);
  const current = useAppStore((s) => s.lesson.checks.lessonId === s.lesson.id && s.lesson.checks.revision === s.analysis.graphRevision);
  const goal = useAppStore((s) => s.lesson.checks.tryIt[task.id]?.goal ?? NONE);
  const keep = useAppStore((s) => s.lesson.checks.tryIt[task.id]?.keep ?? NONE);
  const goalStatuses = current ? goal : NONE;
  const keepStatuses = current ? keep : NONE;
  const reached = goalStatuses.filter((s) => s === 'pass').length;
  const brokenAt = keepStatuses.findIndex((s) => s !== 'pass');
  const done = current && goalStatuses.length === task.goal.length && reached === task.goal.length && keepStatuses.length === task.keep.length && brokenAt < 0;
  const broken = current && brokenAt >= 0 ? task.keep[brokenAt] : undefined;
  return (
    <section className="ag-tryit" data-testid="try-it" data-task={task.id} data-done={String(done)}>
      <div className="ag-lesson-kicker">{t('lessons.tryIt.title')}</div>
      <Markdown className="ag-tryit-task" text={task.task[language]} />
      <details className="ag-tryit-hint">
        <summary>{t('lessons.tryIt.hint')}</summary>
        <Markdown text={task.hint[language]} />
      </details>
      {done ? (
        <div className="ag-tryit-success" role="status" data-testid="try-it-success">
          <span className="ag-check-mark" data-status="pass" aria-hidden="true">✓</span>
          <Markdown text={t('lessons.tryIt.achieved', { success: task.success[language] })} />
        </div>
      ) : (
        <p className="ag-tryit-progress" role="status">
          {current ? t('lessons.tryIt.notYet', { passed: reached, total: task.goal.length }) : t('lessons.checkpoints.checking')}
        </p>
      )}
      {broken === undefined ? null : (
        <p className="ag-lesson-warning" role="note">
          {t('lessons.tryIt.broken', { name: broken.name })}
        </p>
      )}
      <AssertionList title={t('lessons.tryIt.goal')} items={task.goal} statuses={goalStatuses} />
      <AssertionList title={t('lessons.tryIt.keep')} items={task.keep} statuses={keepStatuses} />
      <div className="ag-tryit-actions">
        <button type="button" className="ag-button" disabled={done} data-testid="try-it-solution" onClick={() => store.getState().showSolution(task.id)}>
          {t('lessons.tryIt.showSolution')}
        </button>
      </div>
    </section>
  );
}

export { StatusMark };
