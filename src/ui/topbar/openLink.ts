/**
 * Opening links: restores the view a share link carries (selection, simulated request, lesson step,
 * language) and handles links that arrive while the app is open (`hashchange`). A broken link leaves
 * the scenario alone and shows why (`lesson.linkError`).
 */
import { parseFragment, type ShareError, type ShareView } from '../../io/share';
import { lessonById } from '../../lessons';
import { lessonText } from '../../state/lessonSlice';
import type { AppStore } from '../../state/createAppStore';
import { fitOn, whenDrawn } from '../lessons/focusGraph';

/** What the fragment asked for, as the store should show it. */
export type LinkPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly error: ShareError }
  | { readonly kind: 'open'; readonly text: string; readonly view: ShareView; readonly warnings: boolean };

function unknownLesson(id: string): ShareError {
  return { code: 'bad-lesson-link', message: `there is no built-in lesson \`${id}\``, params: { id } };
}

/** Reads a fragment: the scenario text to open and the view to restore, or why it cannot be opened. */
export function planLink(hash: string, language: 'en' | 'ja'): LinkPlan {
  const request = parseFragment(hash);
  if (!request.ok) return { kind: 'error', error: request.error };
  const value = request.value;
  if (value.kind === 'none') return { kind: 'none' };
  if (value.kind === 'share') {
    const { share } = value;
    return { kind: 'open', text: share.scenarioText, view: share.view, warnings: share.viewDiagnostics.length > 0 };
  }
  const lesson = lessonById(value.lesson.id);
  if (lesson === undefined) return { kind: 'error', error: unknownLesson(value.lesson.id) };
  const shown = value.lesson.language ?? language;
  return {
    kind: 'open',
    text: lessonText(lesson, shown),
    view: { selection: [], request: undefined, lesson: { id: lesson.id, step: value.lesson.step }, language: value.lesson.language },
    warnings: false,
  };
}

/** Restores a link's view over the scenario already in the store. */
export function restoreView(store: AppStore, view: ShareView): void {
  const s = store.getState();
  if (view.language !== undefined) s.setLanguage(view.language);
  if (view.lesson !== undefined) {
    const opened = s.openLesson(view.lesson.id, { step: view.lesson.step, load: false, focus: view.selection.length === 0 });
    if (!opened) s.setLinkError(unknownLesson(view.lesson.id));
  }
  if (view.request !== undefined) {
    const { principal, action, resource, context } = view.request;
    const rows = Object.keys(context).map((key) => {
      const v = context[key] ?? '';
      return { key, value: typeof v === 'string' ? v : JSON.stringify(v) };
    });
    s.setSimulator({ principal, action, resource, context: rows });
    // Evaluated now, and again by the simulator once the link's scenario is analysed.
    void s.simulate();
  }
  const selected = view.selection[0];
  if (selected !== undefined) {
    s.select(selected);
    whenDrawn(store, () => fitOn([selected]));
  }
}

/** Removes the fragment from the address, so a reload opens the autosaved work, not the link again. */
export function clearFragment(): void {
  if (location.hash !== '') history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** Opens a link that arrived while the app runs: the scenario as one undoable edit, then its view. */
export function openLinkNow(store: AppStore, hash: string): void {
  const plan = planLink(hash, store.getState().view.language);
  if (plan.kind === 'none') return;
  clearFragment();
  if (plan.kind === 'error') {
    store.getState().setLinkError(plan.error);
    return;
  }
  store.getState().setLinkError(undefined);
  store.getState().loadScenario(plan.text);
  if (plan.view.lesson === undefined) store.getState().closeLesson();
  restoreView(store, plan.view);
  store.getState().notify(plan.warnings ? 'link-opened-warnings' : 'link-opened');
}
