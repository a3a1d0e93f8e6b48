/**
 * Measures the action catalog in Node: time and memory of `loadAll()`, and the counts it holds.
 * Run: node --expose-gc --import tsx scripts/catalog-stats.ts   (figures for issue reports; not a test)
 */
import { createCatalog } from '../src/catalog/Catalog';
import { createNodeCatalogSource } from '../src/cli/nodeCatalogSource';

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const heapBefore = heapMb();
const started = performance.now();
const catalog = await createCatalog(createNodeCatalogSource());
const indexed = performance.now();
await catalog.loadAll();
const loaded = performance.now();
const heapAfter = heapMb();

const data = catalog.services.flatMap((service) => catalog.serviceData(service.prefix) ?? []);
function count(pick: (d: (typeof data)[number]) => readonly unknown[]): number {
  return data.reduce((n, d) => n + pick(d).length, 0);
}
const levels = new Map<string, number>();
for (const d of data) for (const a of d.actions) levels.set(a.accessLevels.join(', '), (levels.get(a.accessLevels.join(', ')) ?? 0) + 1);

const expandStart = performance.now();
const all = catalog.expandActionPattern('*');
const expandMs = performance.now() - expandStart;

console.log(
  JSON.stringify(
    {
      services: catalog.services.length,
      actions: count((d) => d.actions),
      resourceTypes: count((d) => d.resourceTypes),
      conditionKeys: count((d) => d.conditionKeys),
      globalConditionKeys: catalog.globalConditionKeys.length,
      rcpSupportedServices: catalog.rcpSupportedServices.length,
      accessLevels: Object.fromEntries(levels),
      indexMs: Math.round(indexed - started),
      loadAllMs: Math.round(loaded - indexed),
      heapMb: Math.round(heapAfter - heapBefore),
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
      expandStarMs: Math.round(expandMs),
      expandStarCount: all.length,
    },
    null,
    2,
  ),
);
