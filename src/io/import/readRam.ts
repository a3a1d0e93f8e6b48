/**
 * AWS RAM: `get-resource-shares`, `list-resources`, `list-principals` and
 * `get-resource-share-associations`. Shares are keyed by their ARN; resources and principals join them
 * through `resourceShareArn`.
 */
import { flag, objects, text, type Obj } from './fields';
import type { Draft, DraftShare } from './draft';
import { isScenarioArn } from './arnChecks';
import { child, type Origin } from './origin';

const SHARE_ARN = /^arn:[a-z0-9-]+:ram:[a-z0-9-]+:(\d{12}):resource-share\/[A-Za-z0-9-]+$/;

/** Records a share by ARN (declaring it on first sight); reports a malformed ARN. */
function noteShare(draft: Draft, arn: string, origin: Origin): DraftShare | undefined {
  const match = SHARE_ARN.exec(arn);
  if (match === null) {
    draft.report.error(origin, 'bad-arn', `\`${arn}\` is not a resource share ARN (\`arn:aws:ram:REGION:ACCOUNT:resource-share/ID\`)`);
    return undefined;
  }
  let share = draft.shares.get(arn);
  if (share === undefined) {
    share = { arn, origin, name: undefined, owner: match[1], allowExternalPrincipals: undefined, status: undefined, described: false, resources: new Map(), principals: new Map() };
    draft.shares.set(arn, share);
  }
  return share;
}

function shareOf(item: Obj, origin: Origin, draft: Draft): DraftShare | undefined {
  const arn = text(item, 'resourceShareArn', origin, draft.report, true);
  return arn === undefined ? undefined : noteShare(draft, arn, child(origin, 'resourceShareArn'));
}

/** `get-resource-shares`. */
export function readResourceShares(body: Obj, origin: Origin, draft: Draft): void {
  const { report } = draft;
  for (const item of objects(body, 'resourceShares', origin, report)) {
    const share = shareOf(item.value, item.origin, draft);
    if (share === undefined) continue;
    if (!share.described) share.origin = item.origin;
    share.described = true;
    share.name ??= text(item.value, 'name', item.origin, report);
    const owner = text(item.value, 'owningAccountId', item.origin, report);
    if (owner !== undefined && owner !== share.owner) report.error(child(item.origin, 'owningAccountId'), 'arn-account-mismatch', `the share ARN names account \`${share.owner ?? ''}\` but \`owningAccountId\` says \`${owner}\``);
    share.allowExternalPrincipals ??= flag(item.value, 'allowExternalPrincipals', item.origin, report);
    const status = text(item.value, 'status', item.origin, report);
    if (status !== undefined) share.status ??= { value: status, origin: child(item.origin, 'status') };
  }
}

function addResource(draft: Draft, share: DraftShare, arn: string, origin: Origin): void {
  if (!isScenarioArn(arn)) {
    draft.report.error(origin, 'bad-arn', `\`${arn}\` is not a valid ARN, so this shared resource is not imported`);
    return;
  }
  if (!share.resources.has(arn)) share.resources.set(arn, origin);
}

function addPrincipal(share: DraftShare, principal: string, origin: Origin, pending: boolean): void {
  const known = share.principals.get(principal);
  if (known === undefined) share.principals.set(principal, { origin, pending });
  else known.pending &&= pending;
}

/** `list-resources`: the resources in shares. */
export function readShareResources(body: Obj, origin: Origin, draft: Draft): void {
  const { report } = draft;
  for (const item of objects(body, 'resources', origin, report)) {
    const share = shareOf(item.value, item.origin, draft);
    const arn = text(item.value, 'arn', item.origin, report, true);
    if (share === undefined || arn === undefined) continue;
    const status = text(item.value, 'status', item.origin, report);
    if (status !== undefined && status !== 'AVAILABLE') {
      report.info(child(item.origin, 'status'), 'not-imported', `the resource is \`${status}\`, not \`AVAILABLE\`, so it is not imported as shared`);
      continue;
    }
    addResource(draft, share, arn, child(item.origin, 'arn'));
  }
}

/** `list-principals`: the principals shares are associated with. */
export function readSharePrincipals(body: Obj, origin: Origin, draft: Draft): void {
  const { report } = draft;
  for (const item of objects(body, 'principals', origin, report)) {
    const share = shareOf(item.value, item.origin, draft);
    const id = text(item.value, 'id', item.origin, report, true);
    if (share !== undefined && id !== undefined) addPrincipal(share, id, child(item.origin, 'id'), false);
  }
}

/** `get-resource-share-associations`: resources and principals, with their association status. */
export function readAssociations(body: Obj, origin: Origin, draft: Draft): void {
  const { report } = draft;
  for (const item of objects(body, 'resourceShareAssociations', origin, report)) {
    const share = shareOf(item.value, item.origin, draft);
    const entity = text(item.value, 'associatedEntity', item.origin, report, true);
    const type = text(item.value, 'associationType', item.origin, report, true);
    if (share === undefined || entity === undefined || type === undefined) continue;
    share.name ??= text(item.value, 'resourceShareName', item.origin, report);
    const status = text(item.value, 'status', item.origin, report) ?? 'ASSOCIATED';
    const at = child(item.origin, 'associatedEntity');
    if (type === 'PRINCIPAL' && (status === 'ASSOCIATED' || status === 'ASSOCIATING')) addPrincipal(share, entity, at, status === 'ASSOCIATING');
    else if (type === 'RESOURCE' && status === 'ASSOCIATED') addResource(draft, share, entity, at);
    else if (type !== 'PRINCIPAL' && type !== 'RESOURCE') report.error(child(item.origin, 'associationType'), 'bad-value', `\`${type}\` is not \`PRINCIPAL\` or \`RESOURCE\``);
    else report.info(child(item.origin, 'status'), 'not-imported', `the association is \`${status}\`, so it grants nothing and is not imported`);
  }
}
