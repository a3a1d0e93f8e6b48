/**
 * One loaded service with the lookup tables the catalog's synchronous queries use.
 */
import { compileArnFormat, matchArnFormat, type ArnMatcher } from './arnFormat';
import { compileConditionKeyTemplate, isConditionKeyTemplate } from './patterns';
import type { CatalogAction, CatalogConditionKey, CatalogResourceType, ServiceData } from './types';

/** A service's data indexed for case-insensitive lookups. */
export interface LoadedService {
  readonly data: ServiceData;
  /** Action by lower-case name without prefix (`getobject`). */
  readonly actionsByName: ReadonlyMap<string, CatalogAction>;
  /** Resource type by lower-case key. */
  readonly resourceTypesByKey: ReadonlyMap<string, CatalogResourceType>;
  /** Actions that list a resource type, by the type's lower-case key, in action-name order. */
  readonly actionsByResourceType: ReadonlyMap<string, readonly CatalogAction[]>;
  /** Compiled ARN formats of every resource type. */
  readonly arnMatchers: readonly { readonly type: CatalogResourceType; readonly matcher: ArnMatcher }[];
  /** Condition key by lower-case key, for keys that are not templates. */
  readonly conditionKeysExact: ReadonlyMap<string, CatalogConditionKey>;
  /** Condition-key templates (`aws:ResourceTag/${TagKey}`) with their matchers. */
  readonly conditionKeyTemplates: readonly { readonly key: CatalogConditionKey; readonly pattern: RegExp }[];
}

/** Builds the lookup tables for one parsed service. */
export function indexService(data: ServiceData): LoadedService {
  const actionsByResourceType = new Map<string, CatalogAction[]>();
  for (const action of data.actions) {
    for (const ref of action.resourceTypes) {
      const key = ref.resourceType.toLowerCase();
      const list = actionsByResourceType.get(key) ?? [];
      if (list.at(-1) !== action) list.push(action);
      actionsByResourceType.set(key, list);
    }
  }
  const conditionKeysExact = new Map<string, CatalogConditionKey>();
  const conditionKeyTemplates: { key: CatalogConditionKey; pattern: RegExp }[] = [];
  for (const key of data.conditionKeys) {
    if (isConditionKeyTemplate(key.key)) conditionKeyTemplates.push({ key, pattern: compileConditionKeyTemplate(key.key) });
    else conditionKeysExact.set(key.key.toLowerCase(), key);
  }
  return {
    data,
    actionsByName: new Map(data.actions.map((action) => [action.name.toLowerCase(), action])),
    resourceTypesByKey: new Map(data.resourceTypes.map((type) => [type.key.toLowerCase(), type])),
    actionsByResourceType,
    arnMatchers: data.resourceTypes.flatMap((type) => type.arnFormats.map((format) => ({ type, matcher: compileArnFormat(format) }))),
    conditionKeysExact,
    conditionKeyTemplates,
  };
}

/**
 * The resource types of `service` whose ARN formats best match `arn` (ties kept, in key order), considering
 * only formats whose ARN service field is `arnService` or a placeholder.
 */
export function bestArnMatches(service: LoadedService, arn: string, arnService: string): { score: number; types: readonly CatalogResourceType[] } {
  let score = -1;
  let types: CatalogResourceType[] = [];
  for (const { type, matcher } of service.arnMatchers) {
    if (matcher.arnService !== undefined && matcher.arnService !== arnService) continue;
    const s = matchArnFormat(matcher, arn);
    if (s === undefined || s < score) continue;
    if (s > score) {
      score = s;
      types = [];
    }
    if (!types.includes(type)) types.push(type);
  }
  return { score, types };
}

/** The condition key `name` resolves to within one service: an exact key first, then a template. */
export function findConditionKey(service: LoadedService, name: string): CatalogConditionKey | undefined {
  return service.conditionKeysExact.get(name.toLowerCase()) ?? service.conditionKeyTemplates.find((t) => t.pattern.test(name))?.key;
}
