/**
 * The lesson's checkpoints (the scenario's assertions) with their live outcome against the scenario on
 * screen: they turn red as soon as an edit breaks one.
 */
import type { LessonDefinition } from '../../lessons';
import { useAppStore } from '../AppServices';
import { useT } from '../useT';
import { StatusMark } from './TryItCard';

export function Checkpoints({ lesson }: { readonly lesson: LessonDefinition }) {
  const t = useT();
  const current = useAppStore((s) => s.lesson.checks.lessonId === lesson.id && s.lesson.checks.revision === s.analysis.graphRevision);
  const statuses = useAppStore((s) => s.lesson.checks.checkpoints);
  const shown = current ? statuses : [];
  const passed = shown.filter((s) => s === 'pass').length;
  const failed = shown.length - passed;
  return (
    <details className="ag-checkpoints" data-testid="checkpoints">
      <summary>
        <span>{t('lessons.checkpoints.title')}</span>
        <span className="ag-checkpoints-summary" data-failed={failed > 0 ? 'true' : 'false'}>
          {current ? t('lessons.checkpoints.summary', { passed, failed }) : t('lessons.checkpoints.checking')}
        </span>
      </summary>
      <ul>
        {lesson.checkpoints.map((checkpoint, i) => {
          const status = shown[i];
          return (
            <li key={i} data-status={status ?? 'pending'} data-testid="checkpoint">
              <StatusMark status={status} />
              <span>{checkpoint.name}</span>
              <span className="ag-visually-hidden">
                {status === 'pass' ? t('lessons.checkpoints.pass') : status === 'fail' ? t('lessons.checkpoints.fail') : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
