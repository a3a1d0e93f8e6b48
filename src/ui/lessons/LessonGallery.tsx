/**
 * The lesson gallery: one card per built-in lesson (title, summary, source, number of steps and
 * questions), the open one marked. Opening a lesson replaces the scenario as one undoable edit.
 */
import { useEffect, useRef } from 'react';
import { LESSONS, lessonQuestions, lessonTryIts, type LessonSource } from '../../lessons';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import type { Translate } from '../i18n';
import { useT } from '../useT';
import { InlineMarkdown } from './Markdown';

function sourceText(t: Translate, source: LessonSource): string {
  return `${t(source.seed === '000' ? 'lessons.source.000' : 'lessons.source.004')} · ${source.section}`;
}

export function LessonGallery() {
  const t = useT();
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.lesson.galleryOpen);
  const currentId = useAppStore((s) => s.lesson.id);
  const language = useAppStore((s) => s.view.language);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const current = dialog.current?.querySelector<HTMLElement>('[aria-current="true"]') ?? dialog.current?.querySelector<HTMLElement>('.ag-gallery-card');
    current?.focus();
  }, [open]);

  if (!open) return null;
  const close = () => store.getState().setGalleryOpen(false);
  return (
    <div className="ag-gallery-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="ag-gallery"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ag-gallery-title"
        data-testid="lesson-gallery"
        ref={dialog}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          close();
        }}
      >
        <header className="ag-gallery-header">
          <div>
            <h2 id="ag-gallery-title">{t('lessons.gallery.title')}</h2>
            <p>{t('lessons.gallery.intro')}</p>
          </div>
          <button type="button" className="ag-icon-button" aria-label={t('lessons.gallery.close')} title={t('lessons.gallery.close')} onClick={close}>
            <Icon name="close" />
          </button>
        </header>
        <ul className="ag-gallery-grid">
          {LESSONS.map((lesson, i) => {
            const current = lesson.id === currentId;
            const questions = lessonQuestions(lesson).length;
            const tasks = lessonTryIts(lesson).length;
            return (
              <li key={lesson.id}>
                <button
                  type="button"
                  className="ag-gallery-card"
                  aria-current={current}
                  data-lesson={lesson.id}
                  onClick={() => store.getState().openLesson(lesson.id)}
                >
                  <span className="ag-gallery-card-top">
                    <span className="ag-gallery-number">{String(i + 1).padStart(2, '0')}</span>
                    {current ? <span className="ag-gallery-current">{t('lessons.gallery.current')}</span> : null}
                  </span>
                  <span className="ag-gallery-card-title">
                    <InlineMarkdown text={lesson.title[language]} />
                  </span>
                  <span className="ag-gallery-card-summary">
                    <InlineMarkdown text={lesson.summary[language]} />
                  </span>
                  <span className="ag-gallery-card-meta">
                    <span>{t('lessons.gallery.steps', { count: lesson.steps.length })}</span>
                    {questions > 0 ? <span>{t('lessons.gallery.questions', { count: questions })}</span> : null}
                    {tasks > 0 ? <span>{t('lessons.gallery.tasks', { count: tasks })}</span> : null}
                  </span>
                  <span className="ag-gallery-card-source">
                    {t('lessons.gallery.source', { source: lesson.sources.map((source) => sourceText(t, source)).join(' / ') })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
