/**
 * What effective access is computed on: for each resource node, the ARNs to evaluate and the actions
 * of each (every action of the ARN's catalog resource types). An S3 bucket is also evaluated on
 * `bucket/*` with the object actions, so that "can read the bucket's objects" shows on the bucket.
 * Resources whose ARN matches no catalog type fall back to the literal actions that policies name.
 */
import type { Catalog } from '../catalog/Catalog';
import type { AccessLevel } from '../catalog/vocabulary';
import { parseArn } from '../model/ids';
import type { PolicySite, ScenarioIndex } from './scenarioIndex';
import type { ActionTable } from './statementMatch';
import { resourceTypesOf } from './catalogMemo';

/** An action table with each action's access levels. */
export interface LevelledTable extends ActionTable {
  readonly levels: readonly (readonly AccessLevel[])[];
}

/** One ARN of one resource node to evaluate, with its actions. */
export interface AccessTarget {
  /** Unique among targets: the evaluated ARN. */
  readonly key: string;
  /** The resource node. */
  readonly node: string;
  /** The ARN requests name. */
  readonly arn: string;
  readonly account: string;
  readonly table: LevelledTable;
  /** False when the catalog knows no type for the ARN (the table then lists policy-named actions). */
  readonly typed: boolean;
}

/**
 * What a target's table depends on, as text: the key of a typed table (catalog types determine its
 * actions); an untyped table's key and actions (they come from every policy of the scenario).
 */
export function tableSignature(target: AccessTarget): string {
  return target.typed ? target.table.key : `${target.table.key}=${target.table.actions.join(',')}`;
}

function tableOf(catalog: Catalog | undefined, arn: string, cache: Map<string, LevelledTable>): LevelledTable | undefined {
  const types = resourceTypesOf(catalog, arn);
  if (types.length === 0) return undefined;
  const key = types.map((t) => `${t.service}:${t.key}`).join('+');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const seen = new Map<string, readonly AccessLevel[]>();
  for (const type of types) {
    for (const action of catalog?.actionsForResourceType(type.service, type.key) ?? []) seen.set(action.action, action.accessLevels);
  }
  const actions = [...seen.keys()].sort();
  const table = { key, actions, levels: actions.map((a) => seen.get(a) ?? []) };
  cache.set(key, table);
  return table;
}

const tablesByCatalog = new WeakMap<Catalog, Map<string, LevelledTable>>();

/** Typed tables by key, kept per catalog so that every analysis shares the same table objects. */
function tableCache(catalog: Catalog | undefined): Map<string, LevelledTable> {
  if (catalog === undefined) return new Map<string, LevelledTable>();
  let cache = tablesByCatalog.get(catalog);
  if (cache === undefined) tablesByCatalog.set(catalog, (cache = new Map<string, LevelledTable>()));
  return cache;
}

/** Literal actions of `service` named by statements anywhere in the scenario (for untyped resources). */
function literalActions(sites: readonly PolicySite[], service: string): string[] {
  const found = new Set<string>();
  for (const site of sites) {
    for (const statement of site.document.statements) {
      for (const action of statement.action ?? []) {
        if (!/[*?]/.test(action) && action.toLowerCase().startsWith(`${service}:`)) found.add(action);
      }
    }
  }
  return [...found].sort();
}

/** The targets of every resource node in `resources` (ARN → owner account). */
export function accessTargets(index: ScenarioIndex, catalog: Catalog | undefined, resources: ReadonlyMap<string, string>, sites: readonly PolicySite[]): AccessTarget[] {
  const cache = tableCache(catalog);
  const targets: AccessTarget[] = [];
  const allSites = [...sites, ...[...index.managed].map(([arn, document]): PolicySite => ({ ref: { kind: 'identity', name: arn, owner: arn, path: document.path }, document }))];
  for (const [arn, account] of resources) {
    const parts = parseArn(arn);
    if (parts === undefined) continue;
    const own = tableOf(catalog, arn, cache);
    if (own !== undefined) targets.push({ key: arn, node: arn, arn, account, table: own, typed: true });
    if (parts.service === 's3' && !parts.resource.includes('/')) {
      const objects = `${arn}/*`;
      const table = tableOf(catalog, objects, cache);
      if (table !== undefined) targets.push({ key: objects, node: arn, arn: objects, account, table, typed: true });
    }
    if (own === undefined) {
      const actions = literalActions(allSites, parts.service.toLowerCase());
      const levels = actions.map((a) => catalog?.lookupAction(a)?.accessLevels ?? []);
      if (actions.length > 0) targets.push({ key: arn, node: arn, arn, account, table: { key: `untyped:${arn}`, actions, levels }, typed: false });
    }
  }
  return targets;
}
