/**
 * The top bar's Lessons button: opens the lesson gallery (src/ui/lessons/LessonGallery.tsx).
 */
import { useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';

export function LessonsMenu() {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <button type="button" className="ag-button ag-button-quiet" title={t('lessons.gallery.title')} data-testid="lessons-menu" aria-haspopup="dialog" onClick={() => store.getState().setGalleryOpen(true)}>
      <Icon name="book" />
      {t('lessons.gallery.title')}
    </button>
  );
}
