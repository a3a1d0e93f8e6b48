/**
 * Fingerprints of everything one side of an evaluation depends on, so that an incremental analysis can
 * reuse every cell (principal × target) whose two sides did not change. A fingerprint is a 64-bit FNV-1a
 * hash (two 32-bit lanes) of a canonical JSON text; documents are hashed once per object.
 */
import type { PolicyDocument } from '../model/policy';
import type { PolicySite, ScenarioIndex } from './scenarioIndex';

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// Hashes by text, so that an incremental analysis of a fresh parse (new objects, same texts) does not
// rehash them; bounded by total characters held.
const TEXT_CACHE_CHARS = 4_000_000;
const textHashes = new Map<string, string>();
let textCacheChars = 0;

/** A 16-hex-digit hash of `text`. */
export function hashText(text: string): string {
  let hash = textHashes.get(text);
  if (hash === undefined) {
    hash = fnv(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv(text, 0x9e3779b9).toString(16).padStart(8, '0');
    if (textCacheChars + text.length > TEXT_CACHE_CHARS) {
      textHashes.clear();
      textCacheChars = 0;
    }
    textHashes.set(text, hash);
    textCacheChars += text.length;
  }
  return hash;
}

const documentHashes = new WeakMap<PolicyDocument, string>();

/** The hash of a document (its statements, validity and location). */
export function documentHash(document: PolicyDocument): string {
  let hash = documentHashes.get(document);
  if (hash === undefined) {
    hash = hashText(JSON.stringify(document));
    documentHashes.set(document, hash);
  }
  return hash;
}

function siteText(site: PolicySite | undefined): string {
  return site === undefined ? '-' : `${JSON.stringify(site.ref)}=${documentHash(site.document)}`;
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
  return hashText(JSON.stringify({ tree, accounts: [...index.accounts.values()].map((a) => [a.id, a.partition, a.parent, a.listed, a.external]) }));
}

/** The principal side of a request source (its policies, boundary, session policies, SCPs, tags). */
export function sourceFingerprint(index: ScenarioIndex, id: string, account: string | undefined): string {
  const principal = index.principals.get(id);
  if (principal === undefined) return hashText(`${id}|${account ?? ''}|${levelsText(index, account, 'SCP')}`);
  const parts = [
    id,
    principal.kind,
    principal.account,
    JSON.stringify(principal.path),
    JSON.stringify(principal.tags),
    principal.roleArn ?? '',
    principal.userArn ?? '',
    principal.identity.map(siteText).join(','),
    siteText(principal.boundary),
    principal.session.map(siteText).join(','),
    levelsText(index, principal.account, 'SCP'),
  ];
  return hashText(parts.join('\n'));
}

const sharesByNode = new WeakMap<ScenarioIndex, Map<string, unknown[]>>();

/** The RAM shares that hold each resource, in scenario order (built once per index, not per target). */
function sharesOf(index: ScenarioIndex): Map<string, unknown[]> {
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
  const shares = sharesOf(index).get(node) ?? [];
  const parts = [node, account, tableKey, resource === undefined ? '-' : JSON.stringify(resource), levelsText(index, account, 'RCP'), JSON.stringify(shares)];
  return hashText(parts.join('\n'));
}

/** The trust side of a role (its trust policy, tags, RCPs). */
export function roleFingerprint(index: ScenarioIndex, roleArn: string, account: string): string {
  const role = index.roles.get(roleArn);
  return hashText([roleArn, account, role === undefined ? '-' : JSON.stringify({ trust: role.trustPolicy, tags: role.tags, path: role.path, max: role.maxSessionDuration }), levelsText(index, account, 'RCP')].join('\n'));
}
