/**
 * `aws organizations describe-organization`, `list-roots`, `list-organizational-units-for-parent`
 * (and `describe-organizational-unit`), `list-accounts`, `list-accounts-for-parent` (and
 * `describe-account`) and `list-children`: the organization tree.
 */
import { isObject } from '../../model/checkShape';
import type { Request } from './conventions';
import { settle, type Draft } from './draft';
import { get, objects, strings, text, type Located, type Obj } from './fields';
import { isAccountId, isOrgId, isOuId, isRootId } from './arnChecks';
import { chooseParent, fileParent, noteMember, noteOrgArn, noteRoot, noteUnit, parentFromPath, setParent, touchOrg } from './orgFacts';
import { child, type Origin } from './origin';

/** `describe-organization`: the organization id and its management account. */
export function readDescribeOrganization(body: Obj, origin: Origin, draft: Draft): void {
  const { report } = draft;
  const at = child(origin, 'Organization');
  const org = get(body, 'Organization');
  if (!isObject(org)) return;
  touchOrg(draft, at);
  const id = text(org, 'Id', at, report, true);
  if (id !== undefined) {
    if (isOrgId(id)) draft.org.id = settle(draft, draft.org.id, id, child(at, 'Id'), 'the organization id');
    else report.error(child(at, 'Id'), 'bad-org-id', `\`${id}\` is not an organization id (\`o-\` and 10 to 32 letters or digits)`);
  }
  // The management account: its id, else the account field of the organization's ARNs.
  const key = get(org, 'ManagementAccountId') !== undefined ? 'ManagementAccountId' : 'MasterAccountId';
  const management = text(org, key, at, report);
  if (management !== undefined) {
    if (isAccountId(management)) {
      draft.org.management = settle(draft, draft.org.management, management, child(at, key), 'the management account');
      noteMember(draft, management, child(at, key));
    } else report.error(child(at, key), 'bad-account-id', `\`${management}\` is not a 12-digit account id`);
  }
  for (const arnKey of ['Arn', 'ManagementAccountArn', 'MasterAccountArn']) noteOrgArn(draft, text(org, arnKey, at, report), child(at, arnKey));
  if (get(org, 'FeatureSet') === 'CONSOLIDATED_BILLING') {
    report.warn(child(at, 'FeatureSet'), 'assumed-value', 'this organization has only consolidated billing, so SCPs and RCPs do not apply to it; the import still lists any it finds');
  }
}

/** `list-roots`: the root (an organization has exactly one). */
export function readRoots(body: Obj, origin: Origin, draft: Draft): void {
  const roots = objects(body, 'Roots', origin, draft.report);
  touchOrg(draft, origin);
  roots.forEach((root, i) => {
    const id = text(root.value, 'Id', root.origin, draft.report, true);
    if (id === undefined) return;
    if (!isRootId(id)) {
      draft.report.error(child(root.origin, 'Id'), 'bad-format', `\`${id}\` is not a root id (\`r-…\`)`);
      return;
    }
    if (i > 0) draft.report.warn(root.origin, 'not-imported', 'an organization has one root: only the first is used');
    else noteRoot(draft, id, child(root.origin, 'Id'));
    noteOrgArn(draft, text(root.value, 'Arn', root.origin, draft.report), child(root.origin, 'Arn'));
  });
}

function entries(body: Obj, listKey: string, singleKey: string, origin: Origin, draft: Draft): Located<Obj>[] {
  const single = get(body, singleKey);
  if (isObject(single)) return [{ value: single, origin: child(origin, singleKey) }];
  return objects(body, listKey, origin, draft.report);
}

/** `list-organizational-units-for-parent` / `describe-organizational-unit`. */
export function readUnits(body: Obj, origin: Origin, request: Request, draft: Draft): void {
  const { report } = draft;
  const parent = fileParent(draft, request, origin);
  touchOrg(draft, origin);
  for (const item of entries(body, 'OrganizationalUnits', 'OrganizationalUnit', origin, draft)) {
    const id = text(item.value, 'Id', item.origin, report, true);
    if (id === undefined) continue;
    if (!isOuId(id)) {
      report.error(child(item.origin, 'Id'), 'bad-format', `\`${id}\` is not an OU id (\`ou-…-…\`), so this OU is not imported`);
      continue;
    }
    const unit = noteUnit(draft, id, item.origin);
    unit.name ??= text(item.value, 'Name', item.origin, report);
    noteOrgArn(draft, text(item.value, 'Arn', item.origin, report), child(item.origin, 'Arn'));
    const path = text(item.value, 'Path', item.origin, report);
    const fromPath = path === undefined ? undefined : parentFromPath(draft, path, id, child(item.origin, 'Path'));
    setParent(draft, unit, chooseParent(draft, parent, fromPath, id));
  }
}

/** `list-accounts`, `list-accounts-for-parent` / `describe-account`: member accounts. */
export function readAccounts(body: Obj, origin: Origin, request: Request, draft: Draft): void {
  const { report } = draft;
  const parent = fileParent(draft, request, origin);
  touchOrg(draft, origin);
  for (const item of entries(body, 'Accounts', 'Account', origin, draft)) {
    const id = text(item.value, 'Id', item.origin, report, true);
    if (id === undefined) continue;
    if (!isAccountId(id)) {
      report.error(child(item.origin, 'Id'), 'bad-account-id', `\`${id}\` is not a 12-digit account id, so this account is not imported`);
      continue;
    }
    const account = noteMember(draft, id, item.origin);
    account.name ??= text(item.value, 'Name', item.origin, report);
    noteOrgArn(draft, text(item.value, 'Arn', item.origin, report), child(item.origin, 'Arn'));
    const paths = strings(item.value, 'Paths', item.origin, report);
    const path = paths[0];
    const fromPath = path === undefined ? undefined : parentFromPath(draft, path.value, id, path.origin);
    setParent(draft, account, chooseParent(draft, parent, fromPath, id));
  }
}

/** `list-children`: the OUs or accounts directly under one parent, which the file must name. */
export function readChildren(body: Obj, origin: Origin, request: Request, draft: Draft): void {
  const { report } = draft;
  const parent = fileParent(draft, request, origin);
  if (parent === undefined) {
    report.error(origin, 'missing-key', 'cannot tell whose children these are: add `"ParentId": "…"` next to `Children`, or put the parent id in the file name (`children.r-a1b2.json`)');
    return;
  }
  touchOrg(draft, origin);
  for (const item of objects(body, 'Children', origin, report)) {
    const id = text(item.value, 'Id', item.origin, report, true);
    if (id === undefined) continue;
    const fact = { value: parent.value, origin: parent.origin };
    if (isAccountId(id)) setParent(draft, noteMember(draft, id, item.origin), fact);
    else if (isOuId(id)) setParent(draft, noteUnit(draft, id, item.origin), fact);
    else report.error(child(item.origin, 'Id'), 'bad-format', `\`${id}\` is neither an account id nor an OU id`);
  }
}
