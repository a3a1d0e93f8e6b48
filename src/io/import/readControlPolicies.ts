/**
 * Organizations policies: `list-policies` (and `list-policies-for-target`), `describe-policy` (the
 * `Content` is JSON text) and `list-targets-for-policy`. Policies are keyed by their `p-…` id.
 */
import { isObject } from '../../model/checkShape';
import { fromFileName, parameter, type Parameter, type Request } from './conventions';
import type { Draft, DraftControlPolicy } from './draft';
import { get, objects, text, type Obj } from './fields';
import { isAccountId, isOuId, isPolicyId, isRootId } from './arnChecks';
import { readDocument } from './jsonSource';
import { noteOrgArn, touchOrg } from './orgFacts';
import { child, type Origin } from './origin';

/** Records a policy by id (declaring it on first sight) and returns it. */
export function notePolicy(draft: Draft, id: string, origin: Origin): DraftControlPolicy {
  touchOrg(draft, origin);
  let policy = draft.controlPolicies.get(id);
  if (policy === undefined) {
    policy = { id, origin, name: undefined, type: undefined, document: undefined, targets: new Map() };
    draft.controlPolicies.set(id, policy);
  }
  return policy;
}

/** Reads a policy summary (`Id`, `Name`, `Type`, `Arn`); returns the policy when the id is valid. */
export function readSummary(summary: Obj, origin: Origin, draft: Draft): DraftControlPolicy | undefined {
  const id = text(summary, 'Id', origin, draft.report, true);
  if (id === undefined) return undefined;
  if (!isPolicyId(id)) {
    draft.report.error(child(origin, 'Id'), 'bad-format', `\`${id}\` is not an Organizations policy id (\`p-…\`)`);
    return undefined;
  }
  const policy = notePolicy(draft, id, origin);
  policy.name ??= text(summary, 'Name', origin, draft.report);
  policy.type ??= text(summary, 'Type', origin, draft.report);
  noteOrgArn(draft, text(summary, 'Arn', origin, draft.report), child(origin, 'Arn'));
  return policy;
}

function isTargetId(id: string): boolean {
  return isRootId(id) || isOuId(id) || isAccountId(id);
}

/** Attaches a policy to a root, OU or account. */
export function addTarget(draft: Draft, policy: DraftControlPolicy, id: string, origin: Origin, details: { type?: string | undefined; name?: string | undefined } = {}): void {
  if (!isTargetId(id)) {
    draft.report.error(origin, 'bad-format', `\`${id}\` is not a root, OU or account id, so this attachment is not imported`);
    return;
  }
  if (!policy.targets.has(id)) policy.targets.set(id, { value: { type: details.type, name: details.name }, origin });
}

/** `list-policies`; with a `TargetId` (parameter or file name) it is `list-policies-for-target`. */
export function readPolicyList(body: Obj, origin: Origin, request: Request, draft: Draft): void {
  const target = targetOf(draft, request, origin);
  for (const item of objects(body, 'Policies', origin, draft.report)) {
    const policy = readSummary(item.value, item.origin, draft);
    if (policy !== undefined && target !== undefined) addTarget(draft, policy, target.value, target.origin);
  }
}

function targetOf(draft: Draft, request: Request, origin: Origin): Parameter | undefined {
  const given = parameter(request, ['TargetId', 'targetId']);
  if (given !== undefined) {
    if (isTargetId(given.value)) return given;
    draft.report.error(given.origin, 'bad-format', `\`${given.value}\` is not a root, OU or account id`);
    return undefined;
  }
  return fromFileName(origin.file, origin, isTargetId);
}

/** `describe-policy`: the summary and the document. */
export function readDescribePolicy(body: Obj, origin: Origin, draft: Draft): void {
  const at = child(origin, 'Policy');
  const wrapper = get(body, 'Policy');
  if (!isObject(wrapper)) return;
  const summary = get(wrapper, 'PolicySummary');
  if (!isObject(summary)) {
    draft.report.error(at, 'missing-key', 'missing required key `PolicySummary`, so this policy is not imported');
    return;
  }
  const policy = readSummary(summary, child(at, 'PolicySummary'), draft);
  if (policy === undefined) return;
  const document = readDocument(get(wrapper, 'Content'), child(at, 'Content'), draft.report);
  if (document !== undefined) policy.document ??= document;
}

/** `list-targets-for-policy`: the policy id comes from a `PolicyId` parameter or the file name. */
export function readPolicyTargets(body: Obj, origin: Origin, request: Request, draft: Draft): void {
  const { report } = draft;
  const given = parameter(request, ['PolicyId', 'policyId']) ?? fromFileName(origin.file, origin, isPolicyId);
  if (given === undefined || !isPolicyId(given.value)) {
    report.error(given?.origin ?? origin, 'missing-key', 'cannot tell which policy these targets belong to: add `"PolicyId": "p-…"` next to `Targets`, or put the policy id in the file name (`targets.p-examplepolicyid111.json`)');
    return;
  }
  const policy = notePolicy(draft, given.value, given.origin);
  for (const item of objects(body, 'Targets', origin, report)) {
    const id = text(item.value, 'TargetId', item.origin, report, true);
    if (id === undefined) continue;
    addTarget(draft, policy, id, child(item.origin, 'TargetId'), { type: text(item.value, 'Type', item.origin, report), name: text(item.value, 'Name', item.origin, report) });
  }
}
