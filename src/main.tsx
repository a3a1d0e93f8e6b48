/**
 * The composition root (the only one): creates the engine worker client, the store, the catalog and
 * the graph test API, and renders the app. Everything else receives what it needs from here.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCatalog, type Catalog } from './catalog';
import { installGraphTestApi } from './graph/testApi';
import { cssVariables, THEMES } from './graph/tokens';
import { pickLanguage, type Language } from './io/share/languages';
import { LESSONS, lessonById, lessonScenario } from './lessons';
import { createAppStore, type AppStore } from './state/createAppStore';
import type { KeyValueStorage } from './state/persistence';
import { App } from './ui/App';
import { ServicesProvider, type AppServices } from './ui/AppServices';
import { GraphSlot } from './ui/GraphSlot';
import { clearFragment, openLinkNow, planLink, restoreView } from './ui/topbar/openLink';
import './ui/styles/app.css';
import './ui/styles/panels.css';
import './ui/styles/editor.css';
import './ui/lessons/lessons.css';
import { createWebWorkerEngineClient } from './worker/EngineClient';
import { createFetchCatalogSource, resolveBaseUrl } from './worker/fetchCatalogSource';

function installTokens(): void {
  const style = document.createElement('style');
  style.dataset.agTokens = '';
  style.textContent = THEMES.map((theme) => `:root[data-theme='${theme}'] {\n${cssVariables(theme)}\n}`).join(
    '\n',
  );
  document.head.appendChild(style);
}

function lessonText(language: Language, id?: string): string {
  const lesson = (id === undefined ? undefined : lessonById(id)) ?? LESSONS[0];
  if (lesson === undefined) throw new Error('invariant: there is at least one built-in lesson');
  return `${JSON.stringify(lessonScenario(lesson, language), null, 2)}\n`;
}

const LESSON_KEY = 'accessgraph.lesson';

/** Reopens the lesson panel where the learner left it (or on the first lesson, on a first visit). */
function reopenLesson(store: AppStore, storage: KeyValueStorage | undefined): void {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(LESSON_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  const s = store.getState();
  if (typeof saved === 'object' && saved !== null && 'id' in saved && typeof saved.id === 'string') {
    const step = 'step' in saved && typeof saved.step === 'number' ? saved.step : 0;
    s.openLesson(saved.id, { step, load: false });
  } else if (saved === null && s.document.text === lessonText(s.view.language)) {
    s.openLesson(LESSONS[0]?.id ?? '', { load: false });
  }
}

/** Remembers which lesson is open, and at which step. */
function rememberLesson(store: AppStore, storage: KeyValueStorage | undefined): void {
  store.subscribe((state, prev) => {
    if (state.lesson.id === prev.lesson.id && state.lesson.step === prev.lesson.step) return;
    try {
      storage?.setItem(LESSON_KEY, JSON.stringify(state.lesson.id === undefined ? false : { id: state.lesson.id, step: state.lesson.step }));
    } catch {
      // The autosave reports storage trouble; the lesson position is a nicety.
    }
  });
}

function localStorageOrUndefined(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function start(): void {
  installTokens();
  installGraphTestApi();
  const language = pickLanguage(navigator.languages);
  const theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const engine = createWebWorkerEngineClient();
  // A link in the address opens over the autosave (which stays one undo away); a broken one opens the
  // app as usual and says why.
  const link = planLink(location.hash, language);
  const linkText = link.kind === 'open' ? link.text : undefined;
  clearFragment();
  const storage = localStorageOrUndefined();
  const store = createAppStore({
    engine,
    ...(storage === undefined ? {} : { storage }),
    defaultText: lessonText(language),
    ...(linkText === undefined ? {} : { linkText }),
    defaults: { theme, language },
  });
  document.documentElement.dataset.theme = store.getState().view.theme;
  if (link.kind === 'error') store.getState().setLinkError(link.error);
  if (link.kind === 'open') {
    restoreView(store, link.view);
    if (link.warnings) store.getState().notify('link-opened-warnings');
  } else if (link.kind === 'none') {
    reopenLesson(store, storage);
  }
  rememberLesson(store, storage);
  window.addEventListener('hashchange', () => openLinkNow(store, location.hash));

  const base = resolveBaseUrl(import.meta.env.BASE_URL, location.href);
  let catalog: Promise<Catalog> | undefined;
  const services: AppServices = {
    store,
    catalog: () => {
      catalog ??= createCatalog(createFetchCatalogSource(base)).catch((error: unknown) => {
        catalog = undefined;
        throw error;
      });
      return catalog;
    },
  };

  window.addEventListener('pagehide', () => store.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') store.flush();
  });

  const root = document.getElementById('root');
  if (root === null) throw new Error('invariant: index.html has #root');
  createRoot(root).render(
    <StrictMode>
      <ServicesProvider services={services}>
        <App graph={<GraphSlot />} />
      </ServicesProvider>
    </StrictMode>,
  );
}

start();
