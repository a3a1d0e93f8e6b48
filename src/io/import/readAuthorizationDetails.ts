/**
 * `aws iam get-account-authorization-details`: users, groups, roles (with trust policies), customer
 * managed policies (default version), inline policies, boundaries and tags. One file per account; each
 * entity keeps the account its ARN names.
 */
import { parseIamArn, isAwsManagedPolicyArn, type IamEntityKind } from '../../model/arns';
import { readDocument, type ImportedDocument } from './jsonSource';
import { fingerprint, noteAccount, noteUniqueId, type Draft, type DraftAttachment, type DraftPrincipal } from './draft';
import { get, integer, objects, strings, tagList, text, type Located, type Obj } from './fields';
import { isAccountId, isScenarioArn } from './arnChecks';
import { child, type Origin } from './origin';

const LISTS = [
  ['UserDetailList', 'user'],
  ['GroupDetailList', 'group'],
  ['RoleDetailList', 'role'],
] as const;

/** Reads one authorization-details file into the draft. */
export function readAuthorizationDetails(body: Obj, origin: Origin, draft: Draft): void {
  const { report } = draft;
  const home = homeAccount(body, origin, draft);
  if (get(body, 'IsTruncated') === true) {
    report.info(child(origin, 'IsTruncated'), 'not-imported', 'this is one page of a paginated export: import every page (or run the command with `--no-paginate`)');
  }
  for (const item of objects(body, 'Policies', origin, report)) readManagedPolicy(item.value, item.origin, draft, home);
  for (const [key, kind] of LISTS) {
    for (const item of objects(body, key, origin, report)) readPrincipal(item.value, item.origin, kind, draft, home);
  }
}

/**
 * The account the file describes: the one account named by its entity ARNs. It is used only to place
 * an entity whose ARN names no valid account (as in some published samples).
 */
function homeAccount(body: Obj, origin: Origin, draft: Draft): string | undefined {
  const counts = new Map<string, number>();
  for (const key of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']) {
    const items = get(body, key);
    if (!Array.isArray(items)) continue;
    for (const item of items as unknown[]) {
      const arn = typeof item === 'object' && item !== null ? get(item as Obj, 'Arn') : undefined;
      const account = typeof arn === 'string' ? parseIamArn(arn)?.account : undefined;
      if (account !== undefined && isAccountId(account)) counts.set(account, (counts.get(account) ?? 0) + 1);
    }
  }
  if (counts.size > 1) {
    const list = [...counts.keys()].map((a) => `\`${a}\``).join(', ');
    draft.report.info(origin, 'assumed-value', `this export holds entities of ${counts.size} accounts (${list}): each keeps the account its ARN names`);
  }
  return counts.size === 1 ? [...counts.keys()][0] : undefined;
}

/** Checks an entity ARN; an ARN whose account is not an id is placed in the file's account. */
function entityArn(obj: Obj, origin: Origin, kind: IamEntityKind, draft: Draft, home: string | undefined): string | undefined {
  const raw = text(obj, 'Arn', origin, draft.report, true);
  if (raw === undefined) return undefined;
  const at = child(origin, 'Arn');
  const parsed = parseIamArn(raw);
  if (parsed === undefined || parsed.kind !== kind) {
    draft.report.error(at, 'bad-arn', `\`${raw}\` is not an IAM ${kind} ARN, so this ${kind} is not imported`);
    return undefined;
  }
  let arn = raw;
  if (!isAccountId(parsed.account)) {
    if (home === undefined) {
      draft.report.error(at, 'bad-account-id', `\`${parsed.account}\` is not an account id, so this ${kind} is not imported`);
      return undefined;
    }
    arn = `arn:${parsed.partition}:iam::${home}:${kind}${parsed.path}${parsed.name}`;
    draft.report.warn(at, 'assumed-value', `\`${parsed.account}\` is not an account id: the ${kind} is placed in \`${home}\`, the account of this export's other entities`);
  }
  if (!isScenarioArn(arn)) {
    draft.report.error(at, 'bad-arn', `\`${raw}\` is not a valid ARN, so this ${kind} is not imported`);
    return undefined;
  }
  return arn;
}

function readManagedPolicy(obj: Obj, origin: Origin, draft: Draft, home: string | undefined): void {
  const { report } = draft;
  const raw = text(obj, 'Arn', origin, report, true);
  // AWS managed policies stay ARNs: the built-in catalog holds their documents.
  if (raw === undefined || isAwsManagedPolicyArn(raw)) return;
  const arn = entityArn(obj, origin, 'policy', draft, home);
  if (arn === undefined) return;
  const versions = objects(obj, 'PolicyVersionList', origin, report);
  const defaultId = text(obj, 'DefaultVersionId', origin, report);
  const chosen = versions.find((v) => get(v.value, 'IsDefaultVersion') === true) ?? versions.find((v) => defaultId !== undefined && get(v.value, 'VersionId') === defaultId);
  if (chosen === undefined) {
    report.warn(child(origin, 'PolicyVersionList'), 'not-imported', `policy \`${arn}\` has no default version in the export, so it is not imported`);
    return;
  }
  const document = readDocument(get(chosen.value, 'Document'), child(chosen.origin, 'Document'), report);
  if (document === undefined) return;
  const first = draft.policies.get(arn);
  if (first !== undefined) {
    if (fingerprint(first.document.value) !== fingerprint(document.value)) report.warn(origin, 'duplicate-id', `\`${arn}\` is also in \`${first.origin.file.name}\` with a different default version: the first is kept`);
    return;
  }
  noteAccount(draft, parseIamArn(arn)?.account ?? '', origin);
  draft.policies.set(arn, { arn, origin, document });
}

function readPrincipal(obj: Obj, origin: Origin, kind: 'user' | 'group' | 'role', draft: Draft, home: string | undefined): void {
  const { report } = draft;
  const arn = entityArn(obj, origin, kind, draft, home);
  if (arn === undefined) return;
  const account = parseIamArn(arn)?.account ?? '';
  const listKey = kind === 'user' ? 'UserPolicyList' : kind === 'group' ? 'GroupPolicyList' : 'RolePolicyList';
  const trustValue = get(obj, 'AssumeRolePolicyDocument');
  let trust: ImportedDocument | undefined;
  if (kind === 'role') {
    // A role without a trust policy is reported by the model once the scenario is built.
    if (trustValue !== undefined && trustValue !== null) trust = readDocument(trustValue, child(origin, 'AssumeRolePolicyDocument'), report);
    if (trustValue !== undefined && trustValue !== null && trust === undefined) {
      report.error(origin, 'not-imported', `role \`${arn}\` is not imported because its trust policy cannot be read`);
      return;
    }
  }
  const principal: DraftPrincipal = {
    kind,
    arn,
    account,
    origin,
    policies: [...managedAttachments(obj, origin, draft), ...inlineAttachments(obj, listKey, origin, draft)],
    boundary: boundaryOf(obj, origin, draft),
    tags: kind === 'group' ? {} : tagList(obj, 'Tags', origin, report),
    groups: kind === 'user' ? strings(obj, 'GroupList', origin, report) : [],
    trust,
    maxSessionDuration: kind === 'role' ? integer(obj, 'MaxSessionDuration', origin, report) : undefined,
    fingerprint: fingerprint(obj),
  };
  const map = kind === 'user' ? draft.users : kind === 'group' ? draft.groups : draft.roles;
  const first = map.get(arn);
  if (first !== undefined) {
    if (first.fingerprint !== principal.fingerprint) report.warn(origin, 'duplicate-id', `\`${arn}\` is also in \`${first.origin.file.name}\` with different content: the first is kept`);
    return;
  }
  map.set(arn, principal);
  noteAccount(draft, account, origin);
  draft.iamAccounts.add(account);
  noteUniqueId(draft, text(obj, kind === 'user' ? 'UserId' : kind === 'role' ? 'RoleId' : 'GroupId', origin, report), arn);
}

function managedAttachments(obj: Obj, origin: Origin, draft: Draft): DraftAttachment[] {
  const out: DraftAttachment[] = [];
  for (const item of objects(obj, 'AttachedManagedPolicies', origin, draft.report)) {
    const arn = policyArn(item.value, 'PolicyArn', item.origin, draft);
    if (arn !== undefined) out.push({ kind: 'managed', arn: arn.value, origin: arn.origin });
  }
  return out;
}

function inlineAttachments(obj: Obj, key: string, origin: Origin, draft: Draft): DraftAttachment[] {
  const out: DraftAttachment[] = [];
  for (const item of objects(obj, key, origin, draft.report)) {
    const name = text(item.value, 'PolicyName', item.origin, draft.report, true);
    if (name === undefined) continue;
    if (name.trim() === '') {
      draft.report.error(child(item.origin, 'PolicyName'), 'empty-value', 'an inline policy needs a name, so this one is not imported');
      continue;
    }
    const document = readDocument(get(item.value, 'PolicyDocument'), child(item.origin, 'PolicyDocument'), draft.report);
    if (document !== undefined) out.push({ kind: 'inline', name, document, origin: item.origin });
  }
  return out;
}

function boundaryOf(obj: Obj, origin: Origin, draft: Draft): Located<string> | undefined {
  const raw = get(obj, 'PermissionsBoundary');
  if (raw === undefined || raw === null) return undefined;
  const at = child(origin, 'PermissionsBoundary');
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    draft.report.error(at, 'wrong-type', '`PermissionsBoundary` must be an object with `PermissionsBoundaryArn`');
    return undefined;
  }
  return policyArn(raw as Obj, 'PermissionsBoundaryArn', at, draft);
}

function policyArn(obj: Obj, key: string, origin: Origin, draft: Draft): Located<string> | undefined {
  const arn = text(obj, key, origin, draft.report, true);
  if (arn === undefined) return undefined;
  const parsed = parseIamArn(arn);
  if (parsed === undefined || parsed.kind !== 'policy' || !isScenarioArn(arn)) {
    draft.report.error(child(origin, key), 'bad-arn', `\`${arn}\` is not a managed-policy ARN, so this attachment is not imported`);
    return undefined;
  }
  return { value: arn, origin: child(origin, key) };
}
