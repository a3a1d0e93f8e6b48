/**
 * A thin bar under the top bar for analyses that take longer than 200 ms, with the phase and Cancel.
 */
import { useAppStore, useAppStoreApi } from '../AppServices';
import type { AnalysisPhase } from '../../analysis/types';
import { useT, type PlainKey } from '../useT';

function phaseKey(phase: AnalysisPhase): PlainKey {
  return `progress.phase.${phase}`;
}

export function ProgressBar() {
  const t = useT();
  const store = useAppStoreApi();
  const slow = useAppStore((s) => s.analysis.slow);
  const progress = useAppStore((s) => s.analysis.progress);
  if (!slow) return <div className="ag-progress" />;
  const fraction =
    progress === undefined || progress.total === 0 ? undefined : progress.done / progress.total;
  return (
    <div className="ag-progress" role="status" aria-live="polite">
      <div className="ag-progress-track">
        <div
          className="ag-progress-fill"
          data-indeterminate={fraction === undefined}
          style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }}
        />
      </div>
      <div className="ag-progress-label">
        <span>{progress === undefined ? t('progress.starting') : t(phaseKey(progress.phase))}</span>
        <button type="button" className="ag-button" onClick={() => store.getState().cancelAnalysis()}>
          {t('progress.cancel')}
        </button>
      </div>
    </div>
  );
}
