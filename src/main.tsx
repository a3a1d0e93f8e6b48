/**
 * The composition root (the only one): creates the engine worker client, the store, the catalog and
 * the graph test API, and renders the app. Everything else receives what it needs from here.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCatalog, type Catalog } from './catalog';
import { installGraphTestApi } from './graph/testApi';
import { cssVariables, THEMES } from './graph/tokens';
import { parseFragment } from './io/share';
import { pickLanguage, type Language } from './io/share/languages';
import { LESSONS, lessonById, lessonScenario } from './lessons';
import { createAppStore } from './state/createAppStore';
import type { KeyValueStorage } from './state/persistence';
import { App } from './ui/App';
import { ServicesProvider, type AppServices } from './ui/AppServices';
import { GraphSlot } from './ui/GraphSlot';
import './ui/styles/app.css';
import './ui/styles/panels.css';
import './ui/styles/editor.css';
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

/** The scenario a link in the address asks for, if any (a broken link opens the app as usual). */
function linkedText(language: Language): string | undefined {
  const request = parseFragment(location.hash);
  if (!request.ok) return undefined;
  if (request.value.kind === 'share') return request.value.share.scenarioText;
  if (request.value.kind === 'lesson')
    return lessonText(request.value.lesson.language ?? language, request.value.lesson.id);
  return undefined;
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
  const linkText = linkedText(language);
  const storage = localStorageOrUndefined();
  const store = createAppStore({
    engine,
    ...(storage === undefined ? {} : { storage }),
    defaultText: lessonText(language),
    ...(linkText === undefined ? {} : { linkText }),
    defaults: { theme, language },
  });
  document.documentElement.dataset.theme = store.getState().view.theme;

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
