/**
 * The Web Worker entry: receive, dispatch, post back. All logic lives in `dispatch.ts`; graphs cross
 * as patches of the previous one (`graphWire.ts`).
 */
import { createWorkerDeps } from './workerDeps';
import { createDispatcherState, handleRequest } from './dispatch';
import { createGraphEncoder } from './graphWire';

const state = createDispatcherState(createWorkerDeps(self.location.href));
// After the first graph, an analysis posts only what changed (the page rebuilds the rest).
const encode = createGraphEncoder();

self.onmessage = (event: MessageEvent<unknown>) => {
  void handleRequest(state, event.data, (response) => self.postMessage(encode(response)));
};
