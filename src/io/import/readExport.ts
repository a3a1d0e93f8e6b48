/**
 * Reads one recognised export into the draft: the dispatch from export kind to reader.
 */
import type { Request } from './conventions';
import type { Draft } from './draft';
import type { Obj } from './fields';
import type { Origin } from './origin';
import type { Recognition } from './recognise';
import type { ExportKind } from './types';
import { readAuthorizationDetails } from './readAuthorizationDetails';
import { readDescribePolicy, readPolicyList, readPolicyTargets } from './readControlPolicies';
import { readAccounts, readChildren, readDescribeOrganization, readRoots, readUnits } from './readOrganizations';
import { readOrgTree } from './readOrgTree';
import { readAssociations, readResourceShares, readSharePrincipals, readShareResources } from './readRam';
import { readRamResourcePolicies, readResourcePolicyFile, readResourcePolicyList } from './readResourcePolicy';

/** Reads `body` (the output part of the file) as the recognised kind. */
export function readExport(recognition: Extract<Recognition, { kind: ExportKind }>, body: unknown, origin: Origin, request: Request, draft: Draft): void {
  if (Array.isArray(body)) {
    readResourcePolicyList(body as unknown[], origin, draft);
    return;
  }
  const obj = body as Obj;
  switch (recognition.kind) {
    case 'iam-authorization-details':
      return readAuthorizationDetails(obj, origin, draft);
    case 'org-describe-organization':
      return readDescribeOrganization(obj, origin, draft);
    case 'org-list-roots':
      return readRoots(obj, origin, draft);
    case 'org-organizational-units':
      return readUnits(obj, origin, request, draft);
    case 'org-accounts':
      return readAccounts(obj, origin, request, draft);
    case 'org-children':
      return readChildren(obj, origin, request, draft);
    case 'org-policies':
      return readPolicyList(obj, origin, request, draft);
    case 'org-describe-policy':
      return readDescribePolicy(obj, origin, draft);
    case 'org-policy-targets':
      return readPolicyTargets(obj, origin, request, draft);
    case 'org-tree':
      return readOrgTree(obj, origin, draft);
    case 'ram-resource-shares':
      return readResourceShares(obj, origin, draft);
    case 'ram-resources':
      return readShareResources(obj, origin, draft);
    case 'ram-principals':
      return readSharePrincipals(obj, origin, draft);
    case 'ram-associations':
      return readAssociations(obj, origin, draft);
    case 'ram-resource-policies':
      return readRamResourcePolicies(obj, origin, request, draft);
    case 'resource-policy':
      if (recognition.shape !== undefined) readResourcePolicyFile(obj, origin, request, recognition.shape, draft);
      return;
    case 'resource-policy-list':
      return;
  }
}
