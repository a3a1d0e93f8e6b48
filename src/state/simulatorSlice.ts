/**
 * The request simulator: a form (principal, action, resource, context) evaluated exactly by the
 * engine in the worker. The result is re-evaluated whenever a new graph arrives, so the walk always
 * describes the scenario on screen. A freshly opened scenario's form starts from its first request
 * assertion (`initialForm`), so there is something to run at once.
 */
import type { Request } from '../engine/types';
import { EngineError } from '../worker/EngineClient';
import type { ContextRow, SimulationState, SimulatorForm, SimulatorSlice } from './AppState';
import { tolerantValue } from './scenarioEdits';
import type { Slice, SliceDeps } from './storeDeps';

/** An empty form. */
export const EMPTY_FORM: SimulatorForm = { principal: '', action: '', resource: '', context: [] };
/** No simulation yet. */
export const IDLE_SIMULATION: SimulationState = {
  status: 'idle',
  request: undefined,
  result: undefined,
  error: undefined,
  revision: undefined,
};

function contextValue(raw: string): string | readonly string[] {
  const trimmed = raw.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed) && parsed.every((v): v is string => typeof v === 'string')) return parsed;
    } catch {
      // Not a list after all: the text is the value.
    }
  }
  return trimmed;
}

/** The request the form describes, or `undefined` when a field is missing. */
export function requestOf(form: SimulatorForm): Request | undefined {
  const principal = form.principal.trim();
  const action = form.action.trim();
  const resource = form.resource.trim();
  if (principal === '' || action === '' || resource === '') return undefined;
  const rows = form.context.filter((row) => row.key.trim() !== '');
  if (rows.length === 0) return { principal, action, resource };
  const context: Record<string, string | readonly string[]> = {};
  for (const row of rows) context[row.key.trim()] = contextValue(row.value);
  return { principal, action, resource, context };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first request assertion of a scenario value as a form, if it has one. */
export function formFromAssertions(scenario: unknown): SimulatorForm | undefined {
  const assertions =
    isRecord(scenario) && Array.isArray(scenario.assertions) ? (scenario.assertions as unknown[]) : [];
  for (const a of assertions) {
    if (
      !isRecord(a) ||
      typeof a.principal !== 'string' ||
      typeof a.action !== 'string' ||
      typeof a.resource !== 'string' ||
      a.via !== undefined
    )
      continue;
    const context: ContextRow[] = isRecord(a.context)
      ? Object.entries(a.context).map(([key, value]) => ({
          key,
          value: typeof value === 'string' ? value : JSON.stringify(value),
        }))
      : [];
    return { principal: a.principal, action: a.action, resource: a.resource, context };
  }
  return undefined;
}

/** The form a scenario opens with. */
export function initialForm(text: string): SimulatorForm {
  return formFromAssertions(tolerantValue(text)) ?? EMPTY_FORM;
}

/** Creates the simulator slice. */
export function createSimulatorSlice(deps: SliceDeps, initialText: string): Slice<SimulatorSlice> {
  return (set, get, api) => {
    let seq = 0;

    async function evaluate(request: Request): Promise<void> {
      const mine = ++seq;
      const revision = get().analysis.graphRevision;
      set({ simulation: { ...get().simulation, status: 'running', request, error: undefined } });
      // The answer is still wanted when no later evaluation started and the simulation was not reset
      // meanwhile (another scenario opened: `IDLE_SIMULATION` has no request).
      const wanted = (): boolean => mine === seq && get().simulation.request === request;
      try {
        const result = await deps.engine.evaluate(request);
        if (wanted()) set({ simulation: { status: 'done', request, result, error: undefined, revision } });
      } catch (error) {
        const code = error instanceof EngineError ? error.code : 'internal';
        const message = error instanceof Error ? error.message : String(error);
        if (wanted())
          set({
            simulation: { status: 'failed', request, result: undefined, error: { code, message }, revision },
          });
      }
    }

    api.subscribe((state, prev) => {
      if (state.analysis.graphRevision === prev.analysis.graphRevision || state.analysis.graph === undefined)
        return;
      const request = state.simulation.request;
      if (request !== undefined && state.simulation.status !== 'idle') void evaluate(request);
    });

    return {
      simulator: initialForm(initialText),
      simulation: IDLE_SIMULATION,
      setSimulator: (patch) => set({ simulator: { ...get().simulator, ...patch } }),
      async simulate() {
        const request = requestOf(get().simulator);
        if (request === undefined) {
          seq++;
          set({
            simulation: {
              ...IDLE_SIMULATION,
              status: 'failed',
              error: { code: 'incomplete', message: 'principal, action and resource are required' },
            },
          });
          return;
        }
        await evaluate(request);
      },
    };
  };
}
