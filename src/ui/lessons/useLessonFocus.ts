/**
 * Focuses the graph on the current step when the lesson asks (`focusSeq`): selects the step's main
 * node and fits the view on every node the step names, as soon as the lesson's graph is drawn.
 */
import { useEffect } from 'react';
import { lessonById } from '../../lessons';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { fitOn, primaryFocus, whenDrawn } from './focusGraph';

export function useLessonFocus(): void {
  const store = useAppStoreApi();
  const focusSeq = useAppStore((s) => s.lesson.focusSeq);
  useEffect(() => {
    if (focusSeq === 0) return;
    const { lesson } = store.getState();
    const focus = lesson.id === undefined ? undefined : lessonById(lesson.id)?.steps[lesson.step]?.focus;
    if (focus === undefined || focus.length === 0) return;
    return whenDrawn(store, () => {
      if (!fitOn(focus)) return false;
      store.getState().select(primaryFocus(focus));
      return true;
    });
  }, [focusSeq, store]);
}
