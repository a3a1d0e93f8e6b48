/**
 * Which policy documents concern a node of the graph, located in the scenario text: what the editor
 * opens as focused tabs when the node is selected (trust policy, permission policies, boundary,
 * resource policy, session policies, the control policies above an account). Pure; reads the raw
 * JSON tolerantly, because the editor may hold an error elsewhere.
 */
import type { NodeKind } from '../analysis/types';
import { formatJsonPath, type JsonPath } from '../model/ids';

/** What a focused tab edits. `group` is a policy of a group the user belongs to. */
export const POLICY_TAB_KINDS = [
  'trust',
  'identity',
  'group',
  'boundary',
  'resource',
  'session',
  'scp',
  'rcp',
] as const;
/** One tab kind. */
export type PolicyTabKind = (typeof POLICY_TAB_KINDS)[number];

/** A focused editor tab: one policy document at one JSON path. */
export interface PolicyTab {
  /** The formatted JSON path of the document (`$.roles[0].trustPolicy`): stable while the text keeps its shape. */
  readonly id: string;
  readonly kind: PolicyTabKind;
  /** Where the document object sits in the scenario. */
  readonly path: JsonPath;
  /** The policy's name: an inline name, a managed policy's name, a control policy's name; empty for trust and resource policies. */
  readonly name: string;
  /** Whose policy it is, by short name (a group name for `group` tabs, an OU or root id for inherited control policies). */
  readonly owner: string;
}

/** The part of a graph node the tabs depend on. */
export interface TabSubject {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly path: JsonPath | undefined;
}

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const step of path) {
    if (typeof step === 'number') value = Array.isArray(value) ? (value as unknown[])[step] : undefined;
    else value = isJson(value) && Object.hasOwn(value, step) ? value[step] : undefined;
  }
  return value;
}

function list(root: unknown, path: JsonPath): readonly unknown[] {
  const value = at(root, path);
  return Array.isArray(value) ? value : [];
}

function shortName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}

function tab(kind: PolicyTabKind, path: JsonPath, name: string, owner: string): PolicyTab {
  return { id: formatJsonPath(path), kind, path, name, owner };
}

/** The managed policy declared in `policies` with this ARN. */
function managedTab(root: unknown, arn: string, kind: PolicyTabKind, owner: string): PolicyTab | undefined {
  const index = list(root, ['policies']).findIndex((entry) => isJson(entry) && entry.arn === arn);
  if (index < 0 || !isJson(at(root, ['policies', index, 'document']))) return undefined;
  return tab(kind, ['policies', index, 'document'], shortName(arn), owner);
}

function attachmentTabs(root: unknown, path: JsonPath, kind: PolicyTabKind, owner: string): PolicyTab[] {
  return list(root, path).flatMap((entry, index): PolicyTab[] => {
    if (typeof entry === 'string') return [managedTab(root, entry, kind, owner)].flatMap((t) => t ?? []);
    if (isJson(entry) && isJson(entry.document))
      return [
        tab(kind, [...path, index, 'document'], typeof entry.name === 'string' ? entry.name : '', owner),
      ];
    return [];
  });
}

function boundaryTab(root: unknown, path: JsonPath, owner: string): PolicyTab[] {
  const arn = at(root, [...path, 'permissionsBoundary']);
  return typeof arn === 'string' ? [managedTab(root, arn, 'boundary', owner)].flatMap((t) => t ?? []) : [];
}

function groupTabs(root: unknown, userPath: JsonPath): PolicyTab[] {
  const groups = list(root, ['groups']);
  return list(root, [...userPath, 'groups']).flatMap((member) => {
    if (typeof member !== 'string') return [];
    const index = groups.findIndex(
      (g) => isJson(g) && typeof g.arn === 'string' && (g.arn === member || shortName(g.arn) === member),
    );
    return index < 0 ? [] : attachmentTabs(root, ['groups', index, 'policies'], 'group', member);
  });
}

/** Ids from an account or OU up to the root: the levels whose control policies apply. */
function orgChain(root: unknown, id: string): string[] {
  const chain = [id];
  const parents = new Map<string, string>();
  for (const account of list(root, ['accounts']))
    if (isJson(account) && typeof account.id === 'string' && typeof account.parentId === 'string')
      parents.set(account.id, account.parentId);
  for (const unit of list(root, ['organization', 'units']))
    if (isJson(unit) && typeof unit.id === 'string' && typeof unit.parentId === 'string')
      parents.set(unit.id, unit.parentId);
  for (let next = parents.get(id); next !== undefined && !chain.includes(next); next = parents.get(next))
    chain.push(next);
  return chain;
}

function controlPolicyTabs(root: unknown, id: string): PolicyTab[] {
  const chain = orgChain(root, id);
  return list(root, ['organization', 'policies']).flatMap((entry, index): PolicyTab[] => {
    if (!isJson(entry) || !Array.isArray(entry.targets) || !isJson(entry.document)) return [];
    const level = chain.find((levelId) => (entry.targets as unknown[]).includes(levelId));
    if (level === undefined) return [];
    const kind = entry.type === 'RCP' ? 'rcp' : 'scp';
    return [
      tab(
        kind,
        ['organization', 'policies', index, 'document'],
        typeof entry.name === 'string' ? entry.name : '',
        level,
      ),
    ];
  });
}

function tabsOf(root: unknown, subject: TabSubject): PolicyTab[] {
  const path = subject.path;
  if (subject.kind === 'account' || subject.kind === 'ou' || subject.kind === 'organization')
    return controlPolicyTabs(root, subject.id);
  if (path === undefined) return [];
  const owner = subject.label;
  switch (subject.kind) {
    case 'role': {
      const trust = isJson(at(root, [...path, 'trustPolicy']))
        ? [tab('trust', [...path, 'trustPolicy'], '', owner)]
        : [];
      return [
        ...trust,
        ...attachmentTabs(root, [...path, 'policies'], 'identity', owner),
        ...boundaryTab(root, path, owner),
      ];
    }
    case 'user':
      return [
        ...attachmentTabs(root, [...path, 'policies'], 'identity', owner),
        ...groupTabs(root, path),
        ...boundaryTab(root, path, owner),
      ];
    case 'group':
      return attachmentTabs(root, [...path, 'policies'], 'identity', owner);
    case 'session':
      return attachmentTabs(root, [...path, 'policies'], 'session', owner);
    case 'resource':
      return isJson(at(root, [...path, 'policy'])) ? [tab('resource', [...path, 'policy'], '', owner)] : [];
    case 'share':
    case 'service':
    case 'idp':
    case 'anonymous':
      return [];
  }
}

/** The policy documents that concern `subject` in the scenario value `root`, without duplicates. */
export function policyTabsFor(root: unknown, subject: TabSubject): readonly PolicyTab[] {
  const seen = new Set<string>();
  return tabsOf(root, subject).filter((t) => !seen.has(t.id) && seen.add(t.id) !== undefined);
}
