/**
 * An organization tree written as nested nodes (`Id`, `Arn`, `Name`, `Policies` with `Content`,
 * `Children`), the shape IAMSpy and similar collectors save: root → OUs → accounts, each node listing
 * the SCPs and RCPs attached to it.
 */
import { get, objects, text, type Obj } from './fields';
import type { Draft } from './draft';
import { isAccountId, isOuId, isRootId } from './arnChecks';
import { readDocument } from './jsonSource';
import { noteMember, noteOrgArn, noteRoot, noteUnit, setParent } from './orgFacts';
import { addTarget, readSummary } from './readControlPolicies';
import { child, type Origin } from './origin';

/** Reads a whole tree from its root node. */
export function readOrgTree(body: Obj, origin: Origin, draft: Draft): void {
  const id = text(body, 'Id', origin, draft.report, true);
  if (id === undefined) return;
  if (!isRootId(id)) {
    draft.report.error(child(origin, 'Id'), 'bad-format', `\`${id}\` is not a root id (\`r-…\`): a tree starts at the root`);
    return;
  }
  noteRoot(draft, id, child(origin, 'Id'));
  readNode(body, origin, id, undefined, draft);
}

function readNode(node: Obj, origin: Origin, id: string, parent: string | undefined, draft: Draft): void {
  const { report } = draft;
  noteOrgArn(draft, text(node, 'Arn', origin, report), child(origin, 'Arn'));
  if (parent !== undefined) {
    const fact = { value: parent, origin };
    const name = text(node, 'Name', origin, report);
    if (isAccountId(id)) {
      const account = noteMember(draft, id, origin);
      account.name ??= name;
      setParent(draft, account, fact);
    } else if (isOuId(id)) {
      const unit = noteUnit(draft, id, origin);
      unit.name ??= name;
      setParent(draft, unit, fact);
    } else {
      report.error(child(origin, 'Id'), 'bad-format', `\`${id}\` is neither an account id nor an OU id, so this node is not imported`);
      return;
    }
  }
  for (const item of objects(node, 'Policies', origin, report)) {
    const policy = readSummary(item.value, item.origin, draft);
    if (policy === undefined) continue;
    const content = get(item.value, 'Content');
    if (content !== undefined && content !== null && policy.document === undefined) policy.document = readDocument(content, child(item.origin, 'Content'), report);
    addTarget(draft, policy, id, item.origin);
  }
  if (isAccountId(id)) return;
  for (const item of objects(node, 'Children', origin, report)) {
    const childId = text(item.value, 'Id', item.origin, report, true);
    if (childId === undefined) continue;
    if (isRootId(childId)) report.error(child(item.origin, 'Id'), 'bad-format', 'a root cannot be the child of another node');
    else readNode(item.value, item.origin, childId, id, draft);
  }
}
