/**
 * The IAM catalog in components: loaded on first use, with services loaded on demand; re-renders
 * when what was asked for has arrived.
 */
import { useEffect, useState } from 'react';
import type { Catalog } from '../catalog';
import { useServices } from './AppServices';

/** The catalog once loaded (`undefined` before, or when it cannot load), with `prefixes` loaded too. */
export function useCatalog(prefixes: readonly string[] = []): Catalog | undefined {
  const { catalog } = useServices();
  const [loaded, setLoaded] = useState<{ catalog: Catalog; key: string } | undefined>(undefined);
  const key = [...new Set(prefixes.map((p) => p.toLowerCase()))].sort().join(',');
  useEffect(() => {
    let live = true;
    catalog()
      .then(async (c) => {
        await c.loadServices(key === '' ? [] : key.split(','));
        if (live) setLoaded({ catalog: c, key });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [catalog, key]);
  return loaded?.catalog;
}
