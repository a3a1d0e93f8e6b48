/**
 * Callers that the engine cannot tell apart. Two declared principals of the same kind in the same
 * account, with the very same policy statements on their side (only shared documents: group and
 * managed policies), get the same decision and the same explanation for any request, as long as no
 * statement involved looks at who exactly the caller is: a condition on `aws:PrincipalArn`,
 * `aws:userid`, `aws:username`, `aws:PrincipalTag/…` or `aws:SourceIdentity`, a policy variable, or a
 * Principal element naming an IAM user, role or session. Analysis then evaluates one caller of each
 * class and copies the result to the others.
 */
import type { Statement } from '../model/policy';
import type { RequestSource } from './requestSources';

const CALLER_KEYS = /^aws:(principalarn|userid|username|principaltag\/.*|sourceidentity|federatedprovider)$/i;

function mentionsCaller(statement: Statement): boolean {
  for (const c of statement.conditions) {
    if (CALLER_KEYS.test(c.key) || c.values.some((v) => v.includes('${'))) return true;
  }
  for (const pattern of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) if (pattern.includes('${')) return true;
  for (const spec of [statement.principal, statement.notPrincipal]) {
    if (spec !== undefined && spec.AWS.some((v) => v.startsWith('arn:') && !v.endsWith(':root'))) return true;
  }
  return false;
}

const memo = new WeakMap<Statement, boolean>();

/** True when some statement of the list looks at who exactly the caller is (cached per statement). */
export function looksAtCaller(statements: readonly Statement[]): boolean {
  for (const statement of statements) {
    let value = memo.get(statement);
    if (value === undefined) memo.set(statement, (value = mentionsCaller(statement)));
    if (value) return true;
  }
  return false;
}

/**
 * The class of a request source, or `undefined` when it must be evaluated on its own (not a declared
 * IAM principal, or its own statements look at the caller).
 */
export function callerClass(source: RequestSource, declared: boolean): string | undefined {
  // Roles and sessions carry their own ARN in every request (and usually their own inline policies).
  if (!declared || source.kind !== 'user' || looksAtCaller(source.statements)) return undefined;
  return `${source.kind}|${source.account ?? ''}|${source.sideKey}`;
}
