/**
 * What every catalog lint rule receives: the catalog, the collector, and caches that live for one lint run
 * (services may load between runs, so nothing is cached across them).
 */
import type { Collector } from '../../model/collector';
import type { JsonPath } from '../../model/ids';
import type { Statement } from '../../model/policy';
import type { Catalog } from '../Catalog';
import type { CatalogResourceType } from '../types';
import { compileConditionKeyTemplate, isConditionKeyTemplate } from '../patterns';
import { compileFormat, type FormatTokens } from './globs';

/** The condition keys one service documents, for case-insensitive membership tests. */
export interface ServiceKeys {
  readonly exact: ReadonlySet<string>;
  readonly templates: readonly RegExp[];
}

/** One documented ARN format of a resource type. */
export interface TypedFormat {
  readonly type: CatalogResourceType;
  readonly format: string;
  /** Compiled on first use. */
  readonly tokens: () => FormatTokens;
}

/** The service field of an ARN or ARN format (`s3`), `undefined` when absent or a placeholder. */
export function arnServiceOf(arn: string): string | undefined {
  const service = arn.split(':')[2];
  return service === undefined || service === '' || /[*?$]/.test(service) ? undefined : service;
}

/** Shared state of one lint run. */
export interface LintContext {
  readonly catalog: Catalog;
  readonly out: Collector;
  /** The formats of a loaded service's resource types whose ARN service is `arnService` or a placeholder. */
  serviceFormats(prefix: string, arnService: string): readonly TypedFormat[];
  /** The formats of every loaded service whose ARN service field is literally `arnService`. */
  arnServiceFormats(arnService: string): readonly TypedFormat[];
  /** The keys of a loaded service; `undefined` when the service is unknown or not loaded. */
  serviceKeys(prefix: string): ServiceKeys | undefined;
  /** Resource types a pattern denotes within a service, by `service \n pattern`, computed once per run. */
  readonly memo: Map<string, readonly CatalogResourceType[]>;
  /** Whether a pattern fits some format of its ARN service, computed once per run. */
  readonly fits: Map<string, boolean>;
}

// Compiled formats depend only on the format text, so one cache serves every catalog and run.
const FORMATS = new Map<string, FormatTokens>();

function format(text: string): FormatTokens {
  let compiled = FORMATS.get(text);
  if (compiled === undefined) {
    compiled = compileFormat(text);
    FORMATS.set(text, compiled);
  }
  return compiled;
}

function typedFormats(types: readonly CatalogResourceType[], keep: (service: string | undefined) => boolean): TypedFormat[] {
  return types.flatMap((type) => type.arnFormats.filter((f) => keep(arnServiceOf(f))).map((f) => ({ type, format: f, tokens: () => format(f) })));
}

// Formats by ARN service over the loaded services, rebuilt when more services have loaded since.
const ARN_SERVICE_INDEX = new WeakMap<Catalog, { readonly loaded: number; readonly index: ReadonlyMap<string, readonly TypedFormat[]> }>();

function arnServiceIndex(catalog: Catalog): ReadonlyMap<string, readonly TypedFormat[]> {
  const loaded = catalog.services.filter((service) => catalog.isLoaded(service.prefix));
  const cached = ARN_SERVICE_INDEX.get(catalog);
  if (cached !== undefined && cached.loaded === loaded.length) return cached.index;
  const index = new Map<string, TypedFormat[]>();
  for (const service of loaded) {
    for (const typed of typedFormats(catalog.serviceData(service.prefix)?.resourceTypes ?? [], (s) => s !== undefined)) {
      const key = arnServiceOf(typed.format) ?? '';
      const list = index.get(key);
      if (list === undefined) index.set(key, [typed]);
      else list.push(typed);
    }
  }
  ARN_SERVICE_INDEX.set(catalog, { loaded: loaded.length, index });
  return index;
}

/** A fresh context over a catalog, reporting into `out`. */
export function createLintContext(catalog: Catalog, out: Collector): LintContext {
  const keys = new Map<string, ServiceKeys>();
  const serviceFormats = new Map<string, readonly TypedFormat[]>();
  function arnServiceFormats(arnService: string): readonly TypedFormat[] {
    return arnServiceIndex(catalog).get(arnService) ?? [];
  }

  return {
    catalog,
    out,
    serviceFormats(prefix, arnService) {
      const key = `${prefix}\n${arnService}`;
      let list = serviceFormats.get(key);
      if (list === undefined) {
        list = typedFormats(catalog.serviceData(prefix)?.resourceTypes ?? [], (s) => s === undefined || s === arnService);
        serviceFormats.set(key, list);
      }
      return list;
    },
    arnServiceFormats,
    memo: new Map(),
    fits: new Map(),
    serviceKeys(prefix) {
      const lower = prefix.toLowerCase();
      const cached = keys.get(lower);
      if (cached !== undefined) return cached;
      const data = catalog.serviceData(lower);
      if (data === undefined) return undefined;
      const exact = new Set<string>();
      const templates: RegExp[] = [];
      for (const { key } of data.conditionKeys) {
        if (isConditionKeyTemplate(key)) templates.push(compileConditionKeyTemplate(key));
        else exact.add(key.toLowerCase());
      }
      const built = { exact, templates };
      keys.set(lower, built);
      return built;
    },
  };
}

/** True when the service documents the condition key (an exact key or a template such as `s3:ExistingObjectTag/<key>`). */
export function serviceHasKey(keys: ServiceKeys, key: string): boolean {
  return keys.exact.has(key.toLowerCase()) || keys.templates.some((template) => template.test(key));
}

/** Where one entry of an element list is reported: the element for a single entry, the entry itself in a list. */
export function entryPath(statement: Statement, element: string, index: number, count: number): JsonPath {
  return count > 1 ? [...statement.path, element, index] : [...statement.path, element];
}

/** `a`, `b`, `c` (and N more): a short list of values in backticks. */
export function listValues(values: readonly string[], max = 3): string {
  const shown = values.slice(0, max).map((value) => `\`${value}\``).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
