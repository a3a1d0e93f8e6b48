/**
 * The centre of the screen: the graph, with the banners that say what it shows — the last valid
 * scenario while the editor holds an error, or that the engine failed.
 */
import type { ReactNode } from 'react';
import { selectShowingLastValid } from '../state/selectors';
import { useAppStore, useAppStoreApi } from './AppServices';
import { useT } from './useT';

function Banners() {
  const t = useT();
  const store = useAppStoreApi();
  const lastValid = useAppStore(selectShowingLastValid);
  const failed = useAppStore((s) => (s.analysis.status === 'failed' ? s.analysis.error : undefined));
  const cancelled = useAppStore((s) => s.analysis.status === 'cancelled');
  const firstError = useAppStore((s) =>
    s.document.diagnostics.find((d) => d.severity === 'error' && d.excludes === undefined),
  );
  if (failed !== undefined) {
    return (
      <div className="ag-banner" data-kind="error" role="alert">
        {t('banner.failed', { message: failed })}
        <button type="button" className="ag-button" onClick={() => store.getState().analyzeNow()}>
          {t('banner.retry')}
        </button>
      </div>
    );
  }
  if (cancelled) {
    return (
      <div className="ag-banner" role="status">
        {t('banner.cancelled')}
        <button type="button" className="ag-button" onClick={() => store.getState().analyzeNow()}>
          {t('banner.retry')}
        </button>
      </div>
    );
  }
  if (!lastValid) return null;
  return (
    <div className="ag-banner" role="status" data-testid="last-valid-banner">
      {t('banner.lastValid')}
      {firstError === undefined ? null : (
        <button
          type="button"
          className="ag-button"
          onClick={() => store.getState().revealPath(firstError.path, firstError.range)}
        >
          {t('banner.showError', { line: firstError.range?.line ?? 1 })}
        </button>
      )}
    </div>
  );
}

/** The graph area around `graph` (the graph panel). */
export function GraphArea({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const hasGraph = useAppStore((s) => s.analysis.graph !== undefined);
  const status = useAppStore((s) => s.analysis.status);
  return (
    <main className="ag-center" aria-label={t('graph.title')}>
      <Banners />
      {children}
      {!hasGraph && status !== 'failed' ? <div className="ag-graph-loading">{t('graph.loading')}</div> : null}
    </main>
  );
}
