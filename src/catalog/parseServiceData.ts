/**
 * Parses iam-data's per-service files (`actions/`, `resourceTypes/`, `conditionKeys/`) and its service
 * index into the catalog's readonly records.
 */
import { CatalogDataError } from './dataSource';
import { readArray, readBoolean, readRecord, readString, readStrings } from './jsonGuards';
import type { ActionResourceType, CatalogAction, CatalogConditionKey, CatalogResourceType, CatalogService, ServiceData } from './types';
import { isConditionKeyType, normaliseAccessLevels } from './vocabulary';

/** The raw JSON of one service's three files, as read from the data source. */
export interface RawServiceFiles {
  readonly actions: unknown;
  readonly resourceTypes: unknown;
  readonly conditionKeys: unknown;
}

/** The relative paths of a service's three data files. */
export function serviceFilePaths(prefix: string): { actions: string; resourceTypes: string; conditionKeys: string } {
  return { actions: `actions/${prefix}.json`, resourceTypes: `resourceTypes/${prefix}.json`, conditionKeys: `conditionKeys/${prefix}.json` };
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Builds the service list from `services.json`, `serviceNames.json` and `rcpSupportedServices.json`. */
export function parseServiceIndex(services: unknown, names: unknown, rcpSupported: unknown): readonly CatalogService[] {
  const prefixes = readStrings(services, 'services.json', 'the top level');
  const nameMap = readRecord(names, 'serviceNames.json', 'the top level');
  const rcp = new Set(readStrings(rcpSupported, 'rcpSupportedServices.json', 'the top level'));
  return prefixes
    .map((prefix) => ({
      prefix,
      name: readString(nameMap[prefix] ?? prefix, 'serviceNames.json', `\`${prefix}\``),
      rcpSupported: rcp.has(prefix),
    }))
    .sort(byKey((service) => service.prefix));
}

function parseResourceTypes(service: string, raw: unknown): readonly CatalogResourceType[] {
  const file = serviceFilePaths(service).resourceTypes;
  return Object.entries(readRecord(raw, file, 'the top level'))
    .map(([id, value]): CatalogResourceType => {
      const entry = readRecord(value, file, `\`${id}\``);
      const arn = readString(entry['arn'], file, `\`${id}\`.arn`);
      return {
        service,
        key: readString(entry['key'], file, `\`${id}\`.key`),
        // API Gateway lists its REST and HTTP API formats in one string, separated by ", ".
        arnFormats: arn.split(', ').filter((format) => format !== ''),
        conditionKeys: readStrings(entry['conditionKeys'], file, `\`${id}\`.conditionKeys`, true),
      };
    })
    .sort(byKey((type) => type.key));
}

function parseActionResourceType(value: unknown, file: string, where: string, keys: ReadonlyMap<string, string>): ActionResourceType {
  const entry = readRecord(value, file, where);
  const name = readString(entry['name'], file, `${where}.name`);
  return {
    resourceType: keys.get(name.toLowerCase()) ?? name,
    required: readBoolean(entry['required'], file, `${where}.required`),
    conditionKeys: readStrings(entry['conditionKeys'], file, `${where}.conditionKeys`, true),
    dependentActions: readStrings(entry['dependentActions'], file, `${where}.dependentActions`, true),
  };
}

function parseActions(service: string, raw: unknown, keys: ReadonlyMap<string, string>): readonly CatalogAction[] {
  const file = serviceFilePaths(service).actions;
  return Object.entries(readRecord(raw, file, 'the top level'))
    .map(([id, value]): CatalogAction => {
      const entry = readRecord(value, file, `\`${id}\``);
      const name = readString(entry['name'], file, `\`${id}\`.name`);
      const level = readString(entry['accessLevel'], file, `\`${id}\`.accessLevel`);
      const accessLevels = normaliseAccessLevels(level);
      if (accessLevels === undefined) throw new CatalogDataError(file, `unknown access level \`${level}\` at \`${id}\``);
      const resourceTypes = readArray(entry['resourceTypes'], file, `\`${id}\`.resourceTypes`);
      return {
        action: `${service}:${name}`,
        service,
        name,
        description: readString(entry['description'] ?? '', file, `\`${id}\`.description`),
        accessLevels,
        resourceTypes: resourceTypes.map((type, i) => parseActionResourceType(type, file, `\`${id}\`.resourceTypes[${i}]`, keys)),
        conditionKeys: readStrings(entry['conditionKeys'], file, `\`${id}\`.conditionKeys`, true),
        dependentActions: readStrings(entry['dependentActions'], file, `\`${id}\`.dependentActions`, true),
      };
    })
    .sort(byKey((action) => action.name));
}

function parseConditionKeys(service: string, raw: unknown): readonly CatalogConditionKey[] {
  const file = serviceFilePaths(service).conditionKeys;
  return Object.entries(readRecord(raw, file, 'the top level'))
    .map(([id, value]): CatalogConditionKey => {
      const entry = readRecord(value, file, `\`${id}\``);
      const type = readString(entry['type'], file, `\`${id}\`.type`);
      if (!isConditionKeyType(type)) throw new CatalogDataError(file, `unknown condition key type \`${type}\` at \`${id}\``);
      return {
        key: readString(entry['key'], file, `\`${id}\`.key`),
        type,
        description: readString(entry['description'] ?? '', file, `\`${id}\`.description`),
      };
    })
    .sort(byKey((key) => key.key));
}

/** Parses one service's three files; throws a `CatalogDataError` naming the file and field on bad data. */
export function parseServiceData(service: CatalogService, raw: RawServiceFiles): ServiceData {
  const resourceTypes = parseResourceTypes(service.prefix, raw.resourceTypes);
  const keys = new Map(resourceTypes.map((type) => [type.key.toLowerCase(), type.key]));
  return {
    service,
    actions: parseActions(service.prefix, raw.actions, keys),
    resourceTypes,
    conditionKeys: parseConditionKeys(service.prefix, raw.conditionKeys),
  };
}
