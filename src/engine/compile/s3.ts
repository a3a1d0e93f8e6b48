/**
 * S3 specifics (SEMANTICS §2.5, §8.0): object ACLs as grants, and S3's definition of a "public" bucket
 * policy for Block Public Access. With ACLs enabled, an object's ACL (controlled by its owner) grants
 * on it: `READ` → `s3:GetObject`, `s3:GetObjectVersion`, `s3:GetObjectTorrent`; `READ_ACP` / `WRITE_ACP`
 * → reading / writing the object ACL; `FULL_CONTROL` → all of these; `WRITE` does not apply to objects
 * [S3 "Access control list (ACL) overview", permission mapping table]. `IgnorePublicAcls` drops grants
 * to `AllUsers` and `AuthenticatedUsers` [S3-BPA].
 */
import { NEGATED_OPERATORS, parseOperator } from '../../model/conditionOperators';
import type { PolicyDocument, Statement } from '../../model/policy';
import type { AclPermission, S3Object } from '../../model/types';
import { parseCidr } from '../conditions/ipOperators';
import { compileStatement, indexStatements, type CompiledPolicy } from './compilePolicy';

const READ = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTorrent'];
const READ_ACP = ['s3:GetObjectAcl', 's3:GetObjectVersionAcl'];
const WRITE_ACP = ['s3:PutObjectAcl', 's3:PutObjectVersionAcl'];

/** The object actions each ACL permission grants. */
export const OBJECT_ACL_ACTIONS: Readonly<Record<AclPermission, readonly string[]>> = {
  READ,
  WRITE: [],
  READ_ACP,
  WRITE_ACP,
  FULL_CONTROL: [...READ, ...READ_ACP, ...WRITE_ACP],
};

function isAllUsers(grantee: string): boolean {
  return grantee === 'AllUsers' || grantee.endsWith('/global/AllUsers');
}

function isAuthenticatedUsers(grantee: string): boolean {
  return grantee === 'AuthenticatedUsers' || grantee.endsWith('/global/AuthenticatedUsers');
}

/** The ACL of one object as a resource policy owned by the object's owner; `undefined` when it grants nothing. */
export function aclPolicy(
  bucketArn: string,
  objectArn: string,
  object: S3Object,
  ignorePublicAcls: boolean,
  bucketPath: readonly (string | number)[],
): CompiledPolicy | undefined {
  const path = [...bucketPath, 's3', 'objects'];
  const ref = { kind: 'resource' as const, name: 'acl', owner: objectArn, path, via: `acl:${bucketArn}` };
  const document: PolicyDocument = {
    kind: 'resource',
    version: '2012-10-17',
    id: undefined,
    statements: [],
    valid: true,
    path,
  };
  const statements = object.acl.flatMap((grant, i) => {
    const actions = OBJECT_ACL_ACTIONS[grant.permission];
    const allUsers = isAllUsers(grant.grantee);
    const authenticatedUsers = isAuthenticatedUsers(grant.grantee);
    if (actions.length === 0 || ((allUsers || authenticatedUsers) && ignorePublicAcls)) return [];
    const accounts = new Set(/^\d{12}$/.test(grant.grantee) ? [grant.grantee] : []);
    if (accounts.size === 0 && !allUsers && !authenticatedUsers) return [];
    const statement: Statement = {
      index: i,
      sid: `${grant.grantee} ${grant.permission}`,
      effect: 'Allow',
      principal: undefined,
      notPrincipal: undefined,
      action: [...actions],
      notAction: undefined,
      resource: [objectArn],
      notResource: undefined,
      conditions: [],
      path,
    };
    return [compileStatement(ref, document, statement, 'acl', { accounts, allUsers, authenticatedUsers })];
  });
  if (statements.length === 0) return undefined;
  return { ref, document, statements, ...indexStatements(statements) };
}

const FIXING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalorgid',
  'aws:userid',
  'aws:sourceip',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
]);

function fixes(key: string, operator: string, values: readonly string[]): boolean {
  const op = parseOperator(operator);
  if (
    op === undefined ||
    op.base === 'Null' ||
    op.ifExists ||
    NEGATED_OPERATORS.has(op.base) ||
    op.set === 'ForAllValues'
  )
    return false;
  const lower = key.toLowerCase();
  if (!FIXING_KEYS.has(lower)) return false;
  if (lower === 'aws:sourceip') {
    return values.every((v) => {
      const cidr = parseCidr(v);
      return cidr !== undefined && cidr.prefix >= (cidr.words.length === 1 ? 8 : 32);
    });
  }
  // A role's sessions (`AROA…:*`) are a fixed set of callers; other wildcards are not.
  if (lower === 'aws:userid') return values.every((v) => /^A[A-Z0-9]+:\*$/.test(v) || !/[*?]/.test(v));
  return values.every((v) => !v.includes('*') && !v.includes('?'));
}

function statementIsPublic(statement: Statement): boolean {
  if (statement.effect !== 'Allow') return false;
  const spec = statement.principal;
  if (spec === undefined) return statement.notPrincipal !== undefined;
  if (!spec.wildcard) return false;
  return !statement.conditions.some((c) => fixes(c.key, c.operator, c.values));
}

/**
 * True when a bucket policy is "public" as S3 defines it: some Allow names every principal and is not
 * pinned by a fixed value of a key such as `aws:SourceArn`, `aws:SourceVpce`, `aws:SourceAccount`,
 * `aws:PrincipalOrgID`, `aws:userid` or a `/8`-or-narrower `aws:SourceIp` block [S3-BPA "The meaning of
 * public"].
 */
export function isPublicPolicy(document: PolicyDocument): boolean {
  return document.valid && document.statements.some(statementIsPublic);
}
