/**
 * AWS RAM shares as resource-policy statements (SEMANTICS §6.4): every effective association of a share
 * becomes an Allow of the managed permission's actions on the shared resource, for the consumer
 * accounts (organization and OU principals expanded to their member accounts), roles, users or services.
 * Pending invitations grant nothing (§6.2); so do associations AWS refuses: an account outside the
 * organization when the share does not allow external principals, and the organization or an OU while
 * sharing with the organization is off [RAM-API]. Such statements carry `PolicyRef.via` = the share name.
 */
import { parseIamArn, parseOrganizationsArn } from '../../model/arns';
import { parseArn, type JsonPath } from '../../model/ids';
import type { PolicyDocument, Statement } from '../../model/policy';
import type { ResourceShare } from '../../model/types';
import { ramPermissionByArn, ramResourceType, type RamResourceType } from '../data/ramPermissions';
import type { EngineDiagnostic } from '../types';
import { compileStatement, indexStatements, type CompiledPolicy } from './compilePolicy';
import type { CompileContext } from './compileContext';

const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com$/;

interface Consumers {
  readonly aws: string[];
  readonly services: string[];
}

function refuse(out: EngineDiagnostic[], path: JsonPath, message: string): void {
  out.push({ code: 'ram-association-refused', message, path });
}

function inOrganization(ctx: CompileContext, account: string): boolean {
  return ctx.accounts.get(account)?.inOrganization === true;
}

function consumersOf(ctx: CompileContext, share: ResourceShare): Consumers {
  const aws = new Set<string>();
  const services: string[] = [];
  const org = ctx.organization;
  const ownerInOrg = inOrganization(ctx, share.owner);
  share.principals.forEach((principal, i) => {
    const path: JsonPath = [...share.path, 'principals', i];
    const external = (account: string): boolean => !(ownerInOrg && inOrganization(ctx, account));
    if (/^\d{12}$/.test(principal)) {
      if (!share.allowExternalPrincipals && external(principal))
        refuse(
          ctx.diagnostics,
          path,
          `account \`${principal}\` is outside the organization and the share does not allow external principals`,
        );
      else if (principal !== share.owner) aws.add(principal);
      return;
    }
    const orgArn = parseOrganizationsArn(principal);
    if (orgArn !== undefined) {
      if (org === undefined || orgArn.orgId !== org.id || !ownerInOrg) return;
      if (!org.ramSharingWithOrganization) {
        refuse(
          ctx.diagnostics,
          path,
          'RAM sharing with the organization is not enabled, so this association grants nothing',
        );
        return;
      }
      const node = orgArn.kind === 'organization' ? org.rootId : orgArn.ouId;
      for (const account of org.accountsUnder(node)) if (account !== share.owner) aws.add(account);
      return;
    }
    const iam = parseIamArn(principal);
    if (iam !== undefined && (iam.kind === 'role' || iam.kind === 'user')) {
      if (!share.allowExternalPrincipals && external(iam.account))
        refuse(
          ctx.diagnostics,
          path,
          `\`${principal}\` is outside the organization and the share does not allow external principals`,
        );
      else aws.add(principal);
      return;
    }
    if (SERVICE.test(principal)) services.push(principal);
  });
  share.pendingPrincipals.forEach((principal, i) => {
    ctx.diagnostics.push({
      code: 'ram-pending-invitation',
      message: `\`${principal}\` has not accepted the invitation, so it gets nothing from this share`,
      path: [...share.path, 'pendingPrincipals', i],
    });
  });
  return { aws: [...aws], services };
}

function permissionFor(
  ctx: CompileContext,
  share: ResourceShare,
  type: RamResourceType,
): RamResourceType | undefined {
  if (share.permissions.length === 0) return type;
  const chosen = share.permissions.map(ramPermissionByArn).find((p) => p?.type === type.type);
  if (chosen === undefined) {
    ctx.diagnostics.push({
      code: 'ram-permission-unknown',
      message: `none of the share's permissions is a known permission for \`${type.type}\`, so the share grants nothing on it`,
      path: [...share.path, 'permissions'],
    });
  }
  return chosen;
}

function sharePolicy(
  share: ResourceShare,
  resource: string,
  permission: RamResourceType,
  consumers: Consumers,
): CompiledPolicy {
  const statement: Statement = {
    index: 0,
    sid: share.name,
    effect: 'Allow',
    principal: {
      wildcard: false,
      AWS: consumers.aws,
      Service: consumers.services,
      Federated: [],
      CanonicalUser: [],
    },
    notPrincipal: undefined,
    action: [...permission.actions],
    notAction: undefined,
    resource: [resource],
    notResource: undefined,
    conditions: [],
    path: share.path,
  };
  const document: PolicyDocument = {
    kind: 'resource',
    version: '2012-10-17',
    id: undefined,
    statements: [statement],
    valid: true,
    path: share.path,
  };
  const ref = {
    kind: 'resource' as const,
    name: permission.permission,
    owner: resource,
    path: share.path,
    via: share.name,
  };
  const statements = [compileStatement(ref, document, statement, 'ram')];
  return { ref, document, statements, ...indexStatements(statements) };
}

/** The RAM statements of every shared resource, by resource ARN. */
export function compileShares(ctx: CompileContext): Map<string, CompiledPolicy[]> {
  const out = new Map<string, CompiledPolicy[]>();
  for (const share of ctx.scenario.resourceShares) {
    const consumers = consumersOf(ctx, share);
    share.resources.forEach((resource, i) => {
      const arn = parseArn(resource);
      const type = arn === undefined ? undefined : ramResourceType(arn.service, arn.resource);
      if (type === undefined) {
        ctx.diagnostics.push({
          code: 'ram-resource-type-unknown',
          message: `this build does not know the RAM permission for \`${resource}\`, so the share grants nothing on it`,
          path: [...share.path, 'resources', i],
        });
        return;
      }
      const permission = permissionFor(ctx, share, type);
      if (permission === undefined || (consumers.aws.length === 0 && consumers.services.length === 0)) return;
      const policy = sharePolicy(share, resource, permission, consumers);
      ctx.compiled.push(policy);
      out.set(resource, [...(out.get(resource) ?? []), policy]);
    });
  }
  return out;
}
