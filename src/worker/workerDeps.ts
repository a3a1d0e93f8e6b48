/**
 * The dispatcher's dependencies inside the browser worker: the catalog and managed policies fetched
 * from the app's own origin, a fast yield through a message channel, and the worker's clock.
 */
import { createCatalog, type Catalog } from '../catalog/Catalog';
import { createManagedPolicyStore } from '../catalog/managedPolicies';
import type { DispatcherDeps } from './dispatch';
import { createFetchCatalogSource, createFetchManagedPolicySource, resolveBaseUrl } from './fetchCatalogSource';
import { DEFAULT_ENGINE } from '../analysis/defaultEngine';

/** Yields through a `MessageChannel` (not clamped like nested `setTimeout`). */
function channelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/** Builds the deps for a worker loaded from `location`. */
export function createWorkerDeps(location: string): DispatcherDeps {
  const base = resolveBaseUrl(import.meta.env.BASE_URL, location);
  let catalog: Promise<Catalog> | undefined;
  return {
    engine: DEFAULT_ENGINE,
    catalog: () => {
      // A failed load is not kept, so the next analysis retries.
      catalog ??= createCatalog(createFetchCatalogSource(base)).catch((error: unknown) => {
        catalog = undefined;
        throw error;
      });
      return catalog;
    },
    managedPolicies: createManagedPolicyStore(createFetchManagedPolicySource(base)),
    yieldControl: channelYield(),
    now: () => performance.now(),
  };
}
