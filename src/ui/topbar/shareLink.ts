/**
 * The link the Share button copies: the scenario text as the editor holds it and the view (selection,
 * the simulator's request, the lesson step), encoded by the share codec, after the page's own address.
 */
import { encodeShare, type Result, type ShareError, type ShareView, type SimulatedRequest } from '../../io/share';
import type { AppState } from '../../state/AppState';
import { requestOf } from '../../state/simulatorSlice';

function simulatedRequest(state: AppState): SimulatedRequest | undefined {
  const request = requestOf(state.simulator);
  if (request === undefined) return undefined;
  return { principal: request.principal, action: request.action, resource: request.resource, context: request.context ?? {} };
}

/** The view of the app a link carries. */
export function currentShareView(state: AppState): ShareView {
  const { id, step } = state.lesson;
  return {
    selection: state.selection.id === undefined ? [] : [state.selection.id],
    request: simulatedRequest(state),
    lesson: id === undefined ? undefined : { id, step },
    language: undefined,
  };
}

/** The full share URL for the state, at `base` (origin and path of the page). */
export function shareUrl(state: AppState, base: string): Result<string, ShareError> {
  const view = currentShareView(state);
  let fragment = encodeShare({ scenarioText: state.document.text, view });
  // A request the codec refuses (an odd context key typed in the simulator) must not stop the sharing.
  if (!fragment.ok && fragment.error.code === 'invalid-view') fragment = encodeShare({ scenarioText: state.document.text, view: { ...view, request: undefined } });
  return fragment.ok ? { ok: true, value: `${base}#${fragment.value}` } : fragment;
}
