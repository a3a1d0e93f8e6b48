/**
 * What the composition root (`src/main.tsx`) hands to the components: the store and the services
 * that live outside it (the IAM catalog for suggestions). Components reach
 * them through hooks, never through module globals.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Catalog } from '../catalog/Catalog';
import type { AppState } from '../state/AppState';
import type { AppStore } from '../state/createAppStore';

/** The services of one app instance. */
export interface AppServices {
  readonly store: AppStore;
  /** The catalog, loaded once on first use; services load on demand through it. */
  readonly catalog: () => Promise<Catalog>;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

/** Provides the services to the tree. */
export function ServicesProvider({
  services,
  children,
}: {
  readonly services: AppServices;
  readonly children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services; throws outside the provider (a wiring bug). */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (services === undefined) throw new Error('invariant: useServices outside <ServicesProvider>');
  return services;
}

/** A narrow selection of the app state (STYLE.md rule 8: never the whole state). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

/** The store itself, for actions in event handlers (`store.getState().undo()`). */
export function useAppStoreApi(): AppStore {
  return useServices().store;
}
