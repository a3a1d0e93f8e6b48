/**
 * Small steps shared by the Organizations readers: recording the organization, OUs and member accounts,
 * and working out a parent from a request parameter, the file name, or an entity's `Path`.
 */
import { fromFileName, parameter, type Parameter, type Request } from './conventions';
import { noteAccount, settle, type Draft, type DraftAccount, type DraftUnit, type Fact } from './draft';
import { isOrgId, isOuId, isRootId, parseOrgResourceArn } from './arnChecks';
import type { Origin } from './origin';

/** Marks that the import describes an organization. */
export function touchOrg(draft: Draft, origin: Origin): void {
  draft.org.touched ??= origin;
}

/** Takes the organization id and management account from a well-formed Organizations ARN. */
export function noteOrgArn(draft: Draft, arn: string | undefined, origin: Origin): void {
  if (arn === undefined) return;
  const parsed = parseOrgResourceArn(arn);
  if (parsed === undefined) return;
  touchOrg(draft, origin);
  draft.org.id = settle(draft, draft.org.id, parsed.orgId, origin, 'the organization id');
  draft.org.management = settle(draft, draft.org.management, parsed.management, origin, 'the management account');
}

/** Records the root id. */
export function noteRoot(draft: Draft, id: string, origin: Origin): void {
  touchOrg(draft, origin);
  draft.org.root = settle(draft, draft.org.root, id, origin, 'the root id');
}

/** Records an OU (declaring it on first sight) and returns it. */
export function noteUnit(draft: Draft, id: string, origin: Origin): DraftUnit {
  touchOrg(draft, origin);
  let unit = draft.units.get(id);
  if (unit === undefined) {
    unit = { id, origin, name: undefined, parent: undefined };
    draft.units.set(id, unit);
  }
  return unit;
}

/** Records an account as a member of the organization. */
export function noteMember(draft: Draft, id: string, origin: Origin): DraftAccount {
  touchOrg(draft, origin);
  const account = noteAccount(draft, id, origin);
  account.inOrg = true;
  return account;
}

/** Sets the parent of an OU or account, reporting a conflict with an earlier statement. */
export function setParent(draft: Draft, node: { parent: Fact<string> | undefined; readonly id: string }, parent: Fact<string> | undefined): void {
  if (parent === undefined) return;
  if (parent.value === node.id) {
    draft.report.error(parent.origin, 'bad-value', `\`${node.id}\` cannot be its own parent, so this placement is not imported`);
    return;
  }
  node.parent = settle(draft, node.parent, parent.value, parent.origin, `the parent of \`${node.id}\``);
}

function isParentId(id: string): boolean {
  return isRootId(id) || isOuId(id);
}

/**
 * The parent a whole file is about (`list-organizational-units-for-parent`, `list-accounts-for-parent`,
 * `list-children`): a `ParentId` request parameter, else one root or OU id among the file name's
 * dot-separated segments.
 */
export function fileParent(draft: Draft, request: Request, origin: Origin): Parameter | undefined {
  const given = parameter(request, ['ParentId', 'parentId']);
  if (given !== undefined) {
    if (isParentId(given.value)) return given;
    draft.report.error(given.origin, 'bad-format', `\`${given.value}\` is not a root id (\`r-…\`) or an OU id (\`ou-…\`)`);
    return undefined;
  }
  return fromFileName(origin.file, origin, isParentId);
}

/**
 * The parent an entity's `Path` (`o-…/r-…/ou-…/ID/`) names: the segment before its own id. A path that
 * does not end with the entity's id (seen in documentation examples) yields its last root or OU, with
 * a warning. The path also gives the organization and the root.
 */
export function parentFromPath(draft: Draft, path: string, ownId: string, origin: Origin): Fact<string> | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  const orgId = segments[0];
  if (orgId !== undefined && isOrgId(orgId)) draft.org.id = settle(draft, draft.org.id, orgId, origin, 'the organization id');
  const root = segments[1];
  if (root !== undefined && isRootId(root)) noteRoot(draft, root, origin);
  const at = segments.lastIndexOf(ownId);
  const candidate = at > 0 ? segments[at - 1] : [...segments].reverse().find(isParentId);
  if (candidate === undefined || !isParentId(candidate)) return undefined;
  if (at <= 0) draft.report.warn(origin, 'assumed-value', `the path \`${path}\` does not end with \`${ownId}\`: its last root or OU, \`${candidate}\`, is taken as the parent`);
  return { value: candidate, origin };
}

/** Chooses between a file-level parent and a path-level one, reporting a disagreement. */
export function chooseParent(draft: Draft, file: Parameter | undefined, fromPath: Fact<string> | undefined, id: string): Fact<string> | undefined {
  if (file === undefined) return fromPath;
  if (fromPath !== undefined && fromPath.value !== file.value) {
    draft.report.warn(fromPath.origin, 'assumed-value', `the path names \`${fromPath.value}\` as the parent of \`${id}\`, but ${file.source} says \`${file.value}\`: the latter is kept`);
  }
  return { value: file.value, origin: file.origin };
}
