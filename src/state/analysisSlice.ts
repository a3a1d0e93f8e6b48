/**
 * The analysis slice: every change of the text is sent to the engine worker — after a pause while
 * typing, at once otherwise — through the latest-wins client. The last good graph stays while the
 * text holds a blocking error; `slow` turns on the progress bar for analyses over `slowAfterMs`.
 */
import type { AnalysisSlice, AnalysisState } from './AppState';
import type { Slice, SliceDeps } from './storeDeps';

const INITIAL: AnalysisState = {
  status: 'idle',
  revision: undefined,
  progress: undefined,
  slow: false,
  graph: undefined,
  graphRevision: undefined,
  stale: false,
  error: undefined,
  stats: undefined,
};

/** Creates the analysis slice; it subscribes to the document and schedules analyses itself. */
export function createAnalysisSlice(deps: SliceDeps): Slice<AnalysisSlice> {
  return (set, get, api) => {
    let pending: unknown;
    let slowTimer: unknown;

    function clearPending(): void {
      if (pending !== undefined) deps.timers.clearTimeout(pending);
      pending = undefined;
    }

    function patch(revision: number, update: Partial<AnalysisState>): void {
      // INVARIANT: only the newest analysis writes its outcome.
      if (get().analysis.revision === revision) set({ analysis: { ...get().analysis, ...update } });
    }

    async function run(): Promise<void> {
      clearPending();
      const { text, revision } = get().document;
      if (slowTimer !== undefined) deps.timers.clearTimeout(slowTimer);
      set({
        analysis: {
          ...get().analysis,
          status: 'running',
          revision,
          progress: undefined,
          slow: false,
          error: undefined,
        },
      });
      slowTimer = deps.timers.setTimeout(
        () => patch(revision, get().analysis.status === 'running' ? { slow: true } : {}),
        deps.slowAfterMs,
      );
      let outcome;
      try {
        outcome = await deps.engine.analyze(text, {
          onProgress: (progress) => patch(revision, { progress }),
        });
      } catch (error) {
        patch(revision, {
          status: 'failed',
          slow: false,
          progress: undefined,
          error: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      if (outcome.status === 'superseded' || get().analysis.revision !== revision) return;
      deps.timers.clearTimeout(slowTimer);
      if (outcome.status === 'cancelled') {
        patch(revision, { status: 'cancelled', slow: false, progress: undefined });
        return;
      }
      const previous = get().analysis;
      const graph = outcome.graph ?? previous.graph;
      set({
        document: { ...get().document, diagnostics: outcome.diagnostics, diagnosticsRevision: revision },
        analysis: {
          ...previous,
          status: 'done',
          slow: false,
          progress: undefined,
          graph,
          graphRevision: outcome.graph === undefined ? previous.graphRevision : revision,
          stale: outcome.graph === undefined,
          stats: outcome.stats,
        },
      });
    }

    api.subscribe((state, prev) => {
      if (state.document.revision === prev.document.revision) return;
      clearPending();
      const delay = state.document.origin === 'typing' ? deps.typingDelayMs : 0;
      pending = deps.timers.setTimeout(() => void run(), delay);
    });

    return {
      analysis: INITIAL,
      cancelAnalysis() {
        clearPending();
        if (get().analysis.status === 'running') deps.engine.cancel();
      },
      analyzeNow: () => void run(),
    };
  };
}
