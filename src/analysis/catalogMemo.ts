/**
 * Catalog look-ups that analysis repeats for every resource of every analysis, remembered per catalog:
 * an incremental analysis of a fresh parse asks again for the same ARNs. Pure memoisation (the catalog
 * is immutable); bounded so that a long editing session does not grow it without end.
 */
import type { Catalog } from '../catalog/Catalog';
import type { CatalogResourceType } from '../catalog/types';

const LIMIT = 200_000;
const typesByCatalog = new WeakMap<Catalog, Map<string, readonly CatalogResourceType[]>>();

/** `catalog.resourceTypesForArn(arn)`, remembered. */
export function resourceTypesOf(catalog: Catalog | undefined, arn: string): readonly CatalogResourceType[] {
  if (catalog === undefined) return [];
  let byArn = typesByCatalog.get(catalog);
  if (byArn === undefined) typesByCatalog.set(catalog, (byArn = new Map<string, readonly CatalogResourceType[]>()));
  let types = byArn.get(arn);
  if (types === undefined) {
    types = catalog.resourceTypesForArn(arn);
    if (byArn.size >= LIMIT) byArn.clear();
    byArn.set(arn, types);
  }
  return types;
}
