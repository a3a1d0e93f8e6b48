/**
 * Fingerprints of everything one side of an evaluation depends on, so that an incremental analysis can
 * reuse every cell (principal × target) whose two sides did not change. A fingerprint is a 64-bit FNV-1a
 * structural hash (structuralHash.ts) of the values it depends on; documents and entries are hashed once
 * per object, in place (no JSON text is built).
 */
import type { PolicySite, ScenarioIndex } from './scenarioIndex';
import { documentHash, hashValue, StructuralHash } from '../model/structuralHash';

/** A 16-hex-digit hash of `text`. */
export function hashText(text: string): string {
  return new StructuralHash().string(text).digest();
}

/** The hash of any scenario object (a resource entry, a share), once per object. */
const objectHashes = new WeakMap<object, string>();

function objectHash(value: object): string {
  let hash = objectHashes.get(value);
  if (hash === undefined) {
    hash = hashValue(value);
    objectHashes.set(value, hash);
  }
  return hash;
}

function siteText(site: PolicySite | undefined): string {
  if (site === undefined) return '-';
  // References are rebuilt with every index, so a per-object memo of their hash would never hit; their
  // JSON is short (kind, name, owner, level, share and path).
  const { kind, name, owner, level, via, path } = site.ref;
  return `${JSON.stringify([kind, name, owner, level ?? null, via ?? null, path])}=${documentHash(site.document)}`;
}

const levelTexts = new WeakMap<ScenarioIndex, Map<string, string>>();

/** The control policies above an account, as text (once per index, account and type). */
function levelsText(index: ScenarioIndex, account: string | undefined, type: 'SCP' | 'RCP'): string {
  if (account === undefined) return '';
  let byKey = levelTexts.get(index);
  if (byKey === undefined) levelTexts.set(index, (byKey = new Map<string, string>()));
  const key = `${type}:${account}`;
  let text = byKey.get(key);
  if (text === undefined) {
    text = index
      .controlLevels(account, type)
      .map((level) => `${level.level}:${level.sites.map(siteText).join(',')}`)
      .join(';');
    byKey.set(key, text);
  }
  return text;
}

/** What every cell depends on: the organization tree and the accounts. A change invalidates every cell. */
export function globalFingerprint(index: ScenarioIndex): string {
  const org = index.scenario.organization;
  const tree = org === undefined ? null : { id: org.id, root: org.rootId, mgmt: org.managementAccountId, units: org.units.map((u) => [u.id, u.parentId]), ram: org.ramSharingWithOrganization };
  return hashValue({ tree, accounts: [...index.accounts.values()].map((a) => [a.id, a.partition, a.parent, a.listed, a.external]) });
}

/** The principal side of a request source (its policies, boundary, session policies, SCPs, tags). */
export function sourceFingerprint(index: ScenarioIndex, id: string, account: string | undefined): string {
  const principal = index.principals.get(id);
  if (principal === undefined) return new StructuralHash().string(id).string(account ?? '').string(levelsText(index, account, 'SCP')).digest();
  const hash = new StructuralHash().string(id).string(principal.kind).value(principal.account).value(principal.path).value(principal.tags);
  hash.string(principal.roleArn ?? '').string(principal.userArn ?? '');
  for (const site of principal.identity) hash.string(siteText(site));
  hash.separator().string(siteText(principal.boundary));
  for (const site of principal.session) hash.string(siteText(site));
  return hash.separator().string(levelsText(index, principal.account, 'SCP')).digest();
}

const sharesByNode = new WeakMap<ScenarioIndex, Map<string, object[]>>();

/** The RAM shares that hold each resource, in scenario order (built once per index, not per target). */
function sharesOf(index: ScenarioIndex): Map<string, object[]> {
  let byNode = sharesByNode.get(index);
  if (byNode === undefined) {
    byNode = new Map();
    for (const share of index.scenario.resourceShares) {
      for (const resource of new Set<string>(share.resources)) {
        const list = byNode.get(resource);
        if (list === undefined) byNode.set(resource, [share]);
        else list.push(share);
      }
    }
    sharesByNode.set(index, byNode);
  }
  return byNode;
}

/** The resource side of a target (its entry and policy, RCPs, and the shares that hold it). */
export function targetFingerprint(index: ScenarioIndex, node: string, account: string, tableKey: string): string {
  const resource = index.resources.get(node);
  const hash = new StructuralHash().string(node).string(account).string(tableKey).string(resource === undefined ? '-' : objectHash(resource)).string(levelsText(index, account, 'RCP'));
  for (const share of sharesOf(index).get(node) ?? []) hash.string(objectHash(share));
  return hash.digest();
}

/** The trust side of a role (its trust policy, tags, RCPs). */
export function roleFingerprint(index: ScenarioIndex, roleArn: string, account: string): string {
  const role = index.roles.get(roleArn);
  const hash = new StructuralHash().string(roleArn).string(account);
  if (role === undefined) hash.string('-');
  else hash.string(role.trustPolicy === undefined ? '-' : documentHash(role.trustPolicy)).value(role.tags).value(role.path).value(role.maxSessionDuration);
  return hash.string(levelsText(index, account, 'RCP')).digest();
}
