/**
 * Builds the organization tree and the account list, checking ids, parents and policy targets.
 */
import { isObject } from './checkShape';
import type { Collector } from './collector';
import type { AccountId, JsonPath } from './ids';
import { parsePolicy } from './parsePolicy';
import type { Account, ControlPolicy, Organization, OrganizationalUnit } from './types';

function strings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
}

function objects(raw: unknown): Record<string, unknown>[] {
  return Array.isArray(raw) ? raw.map((v) => (isObject(v) ? v : {})) : [];
}

/** Builds `organization` and `accounts` (shapes already checked). */
export function buildOrganization(value: Record<string, unknown>, out: Collector): { organization: Organization | undefined; accounts: Map<AccountId, Account> } {
  const rawOrg = isObject(value.organization) ? value.organization : undefined;
  const units: OrganizationalUnit[] = [];
  const nodeIds = new Set<string>();
  if (rawOrg !== undefined) {
    nodeIds.add(String(rawOrg.rootId));
    objects(rawOrg.units).forEach((u, i) => {
      const path = ['organization', 'units', i];
      const id = String(u.id);
      if (nodeIds.has(id)) out.error('duplicate-id', [...path, 'id'], `\`${id}\` is declared twice`);
      nodeIds.add(id);
      units.push({ id, name: String(u.name), parentId: String(u.parentId), path });
    });
    for (const unit of units) {
      if (!nodeIds.has(unit.parentId)) out.error('undeclared-parent', [...unit.path, 'parentId'], `parent \`${unit.parentId}\` is neither the root nor a declared OU`);
    }
    checkCycles(units, out);
  }

  const accounts = new Map<AccountId, Account>();
  objects(value.accounts).forEach((a, i) => {
    const path: JsonPath = ['accounts', i];
    const id = String(a.id) as AccountId;
    if (accounts.has(id)) out.error('duplicate-id', [...path, 'id'], `account \`${id}\` is declared twice`);
    const parentId = typeof a.parentId === 'string' ? a.parentId : undefined;
    if (parentId !== undefined) {
      if (rawOrg === undefined) out.error('undeclared-parent', [...path, 'parentId'], `account has parent \`${parentId}\` but the scenario declares no organization`);
      else if (!nodeIds.has(parentId)) out.error('undeclared-parent', [...path, 'parentId'], `parent \`${parentId}\` is neither the root nor a declared OU`);
    }
    accounts.set(id, { id, name: typeof a.name === 'string' && a.name !== '' ? a.name : id, parentId, partition: typeof a.partition === 'string' ? a.partition : 'aws', path });
  });

  if (rawOrg === undefined) return { organization: undefined, accounts };
  const managementAccountId = String(rawOrg.managementAccountId) as AccountId;
  const management = accounts.get(managementAccountId);
  if (management === undefined) out.error('undeclared-account', ['organization', 'managementAccountId'], `management account \`${managementAccountId}\` is not declared in \`accounts\``);
  else if (management.parentId === undefined) out.error('undeclared-parent', [...management.path], `the management account \`${managementAccountId}\` must have a \`parentId\` in the organization`);

  const targetIds = new Set([...nodeIds, ...[...accounts.values()].filter((a) => a.parentId !== undefined).map((a) => a.id)]);
  const policies: ControlPolicy[] = objects(rawOrg.policies).map((p, i) => {
    const path: JsonPath = ['organization', 'policies', i];
    const type = p.type === 'RCP' ? 'RCP' : 'SCP';
    const targets = strings(p.targets);
    targets.forEach((t, j) => {
      if (!targetIds.has(t)) out.error('undeclared-target', [...path, 'targets', j], `target \`${t}\` is not the root, a declared OU or a member account`);
    });
    const document = parsePolicy(p.document, type === 'RCP' ? 'rcp' : 'scp', [...path, 'document'], out);
    return { name: String(p.name), type, targets, document, path };
  });
  const organization: Organization = {
    id: String(rawOrg.id),
    managementAccountId,
    rootId: String(rawOrg.rootId),
    units,
    policies,
    ramSharingWithOrganization: rawOrg.ramSharingWithOrganization !== false,
    path: ['organization'],
  };
  return { organization, accounts };
}

function checkCycles(units: readonly OrganizationalUnit[], out: Collector): void {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  for (const unit of units) {
    const seen = new Set<string>([unit.id]);
    let at = parent.get(unit.id);
    while (at !== undefined && parent.has(at)) {
      if (seen.has(at)) {
        out.error('undeclared-parent', [...unit.path, 'parentId'], `OU \`${unit.id}\` is its own ancestor`);
        break;
      }
      seen.add(at);
      at = parent.get(at);
    }
  }
}
