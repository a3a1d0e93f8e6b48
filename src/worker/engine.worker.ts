/**
 * The Web Worker entry: receive, dispatch, post back. All logic lives in `dispatch.ts`.
 */
import { createWorkerDeps } from './workerDeps';
import { createDispatcherState, handleRequest } from './dispatch';

const state = createDispatcherState(createWorkerDeps(self.location.href));

self.onmessage = (event: MessageEvent<unknown>) => {
  void handleRequest(state, event.data, (response) => self.postMessage(response));
};
