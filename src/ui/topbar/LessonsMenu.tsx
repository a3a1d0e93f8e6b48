/**
 * The built-in lessons. Opening one replaces the scenario as one undoable edit, so the user's own
 * work is always one undo away (and stays autosaved until then).
 */
import { LESSONS, lessonScenario } from '../../lessons';
import { selectTitle } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';
import { Menu } from './Menu';

export function LessonsMenu() {
  const t = useT();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.view.language);
  const title = useAppStore(selectTitle);
  return (
    <Menu
      title={t('lessons.gallery.title')}
      testId="lessons-menu"
      label={
        <>
          <Icon name="book" />
          {t('lessons.gallery.title')}
        </>
      }
    >
      {(close) => (
        <>
          <div className="ag-menu-label">{t('lessons.gallery.intro')}</div>
          {LESSONS.map((lesson) => (
            <button
              key={lesson.id}
              type="button"
              role="menuitem"
              className="ag-menu-item ag-lesson-item"
              aria-current={lesson.title[language] === title}
              onClick={() => {
                close();
                store
                  .getState()
                  .loadScenario(`${JSON.stringify(lessonScenario(lesson, language), null, 2)}\n`);
              }}
            >
              <span>
                {lesson.title[language]}
                <small>{lesson.summary[language]}</small>
              </span>
            </button>
          ))}
        </>
      )}
    </Menu>
  );
}
