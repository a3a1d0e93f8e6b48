/**
 * The analysis slice: every change of the text is sent to the engine worker — after a pause while
 * typing, at once otherwise — through the latest-wins client. The last good graph stays while the
 * text holds a blocking error; `slow` turns on the progress bar for analyses over `slowAfterMs`.
 *
 * A graph too large to copy comes without its effective access (`AccessGraph.omitted`); the slice then
 * asks the engine for the part the selected node needs and shows the graph with it put back
 * (`withNeighbourhood`). A selected edge keeps the part of the node selected before it.
 */
import { withNeighbourhood } from '../analysis/omittedAccess';
import type { AccessGraph } from '../analysis/types';
import type { AnalysisSlice, AnalysisState } from './AppState';
import { lookupOf } from './graphLookup';
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
  simulatorPart: undefined,
  baseline: undefined,
  baselineArmed: true,
};

/** Creates the analysis slice; it subscribes to the document and schedules analyses itself. */
export function createAnalysisSlice(deps: SliceDeps): Slice<AnalysisSlice> {
  return (set, get, api) => {
    let pending: unknown;
    let slowTimer: unknown;
    /** The last graph the engine sent, and a counter of them (a neighbourhood asked before it is dropped). */
    let base: AccessGraph | undefined;
    let baseSeq = 0;
    /** The node whose neighbourhood the shown graph holds. */
    let around: string | undefined;

    /** The node `selected` asks the neighbourhood of in `graph`: itself when a node, else the current one. */
    function centre(graph: AccessGraph, selected: string | undefined): string | undefined {
      if (selected !== undefined && lookupOf(graph).nodes.has(selected)) return selected;
      // An access edge the shown graph does not hold (selected from a link, say): its principal's part has it.
      const shown = get().analysis.graph;
      const held = selected !== undefined && shown !== undefined && lookupOf(shown).edges.has(selected);
      const source =
        !held && selected?.startsWith('effective-access|') === true ? selected.split('|')[1] : undefined;
      if (source !== undefined && lookupOf(graph).nodes.has(source)) return source;
      return around !== undefined && lookupOf(graph).nodes.has(around) ? around : undefined;
    }

    /** `graph` with the neighbourhood of the selection put back when it came without effective access. */
    async function withSelection(graph: AccessGraph): Promise<AccessGraph> {
      const node = graph.omitted === undefined ? undefined : centre(graph, get().selection.id);
      around = node;
      if (node === undefined) return graph;
      try {
        return withNeighbourhood(graph, await deps.engine.neighbourhood(node));
      } catch {
        // The engine restarted or holds no scenario: the structure alone is still right, and the next
        // selection of this node asks again.
        if (around === node) around = undefined;
        return graph;
      }
    }

    async function refocus(): Promise<void> {
      const graph = base;
      if (graph?.omitted === undefined) return;
      const node = centre(graph, get().selection.id);
      if (node === undefined || node === around) return;
      const seq = baseSeq;
      const shown = await withSelection(graph);
      if (seq === baseSeq && around === node && get().analysis.graph !== undefined)
        set({ analysis: { ...get().analysis, graph: shown } });
    }

    /** Asks for the simulator principal's part when the shown graph does not hold it. */
    async function fetchSimulatorPart(): Promise<void> {
      const graph = base;
      const principal = get().simulator.principal;
      const held = get().analysis.simulatorPart;
      const wanted =
        graph?.omitted !== undefined && principal !== around && lookupOf(graph).nodes.has(principal)
          ? principal
          : undefined;
      if (held?.node === wanted && held !== undefined) return;
      if (wanted === undefined) {
        if (held !== undefined) set({ analysis: { ...get().analysis, simulatorPart: undefined } });
        return;
      }
      const seq = baseSeq;
      let part;
      try {
        part = await deps.engine.neighbourhood(wanted);
      } catch {
        // No suggestions from it; the next change of the principal asks again.
        return;
      }
      if (seq === baseSeq && get().simulator.principal === wanted)
        set({ analysis: { ...get().analysis, simulatorPart: part } });
    }

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
      let graph = get().analysis.graph;
      if (outcome.graph !== undefined) {
        base = outcome.graph;
        baseSeq += 1;
        const seq = baseSeq;
        graph = await withSelection(outcome.graph);
        if (seq !== baseSeq || get().analysis.revision !== revision) return;
      }
      const previous = get().analysis;
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
          // A part of the previous graph is asked again below.
          simulatorPart: outcome.graph === undefined ? previous.simulatorPart : undefined,
          ...(outcome.graph !== undefined && previous.baselineArmed
            ? { baseline: outcome.graph, baselineArmed: false }
            : {}),
        },
      });
      void fetchSimulatorPart();
    }

    api.subscribe((state, prev) => {
      if (state.selection.id !== prev.selection.id) void refocus().then(fetchSimulatorPart);
      if (state.simulator.principal !== prev.simulator.principal) void fetchSimulatorPart();
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
      setBaseline() {
        const { analysis } = get();
        // The engine's graph, not the shown one a selection's part was put back into.
        if (base !== undefined) set({ analysis: { ...analysis, baseline: base, baselineArmed: false } });
      },
    };
  };
}
