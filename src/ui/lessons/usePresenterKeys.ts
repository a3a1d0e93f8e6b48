/**
 * Presenter mode's keyboard: ← / → and PageUp / PageDown (what presentation clickers send) move between
 * steps, Esc leaves. Keys typed in a field or in the editor are left alone.
 */
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../AppServices';

const BACK = ['ArrowLeft', 'PageUp'];
const FORWARD = ['ArrowRight', 'PageDown'];

export function usePresenterKeys(): void {
  const store = useAppStoreApi();
  const presenter = useAppStore((s) => s.lesson.presenter);
  useEffect(() => {
    if (!presenter) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('[role="dialog"]') !== null) return;
      const s = store.getState();
      if (BACK.includes(event.key)) s.setLessonStep(s.lesson.step - 1);
      else if (FORWARD.includes(event.key)) s.setLessonStep(s.lesson.step + 1);
      else if (event.key === 'Escape') s.setPresenter(false);
      else return;
      event.preventDefault();
      event.stopPropagation();
    }
    // Capture: Esc must leave presenter mode before the global shortcut clears the selection.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [presenter, store]);
}
