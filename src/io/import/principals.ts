/**
 * Unique ids in policies (IAM-PRINCIPAL): IAM shows `AIDA…` / `AROA…` in place of an ARN once the
 * user or role it named is deleted. An id that an imported entity carries is written as that entity's
 * ARN; any other stays as written, a dead principal that matches nobody, and is reported.
 */
import { isObject } from '../../model/checkShape';
import type { Draft } from './draft';
import { get, type Obj } from './fields';
import type { ImportedDocument } from './jsonSource';
import { UNIQUE_PRINCIPAL_ID } from './arnChecks';
import { child, type Origin } from './origin';

/** A copy of the document with known unique ids replaced by ARNs; unknown ones reported. */
export function resolvePrincipals(document: ImportedDocument, draft: Draft): Obj {
  const raw = get(document.value, 'Statement');
  const at = child(document.origin, 'Statement');
  const statement = Array.isArray(raw) ? (raw as unknown[]).map((s, i) => rewriteStatement(s, child(at, i), draft)) : rewriteStatement(raw, at, draft);
  return raw === undefined ? document.value : { ...document.value, Statement: statement };
}

function rewriteStatement(statement: unknown, origin: Origin, draft: Draft): unknown {
  if (!isObject(statement)) return statement;
  let out: Obj | undefined;
  for (const key of ['Principal', 'NotPrincipal']) {
    const principal = get(statement, key);
    const aws = isObject(principal) ? get(principal, 'AWS') : undefined;
    if (!isObject(principal) || aws === undefined) continue;
    const at = child(origin, key, 'AWS');
    const rewritten = Array.isArray(aws) ? (aws as unknown[]).map((id, i) => rewriteId(id, child(at, i), draft)) : rewriteId(aws, at, draft);
    out ??= { ...statement };
    out[key] = { ...principal, AWS: rewritten };
  }
  return out ?? statement;
}

function rewriteId(id: unknown, origin: Origin, draft: Draft): unknown {
  if (typeof id !== 'string' || !UNIQUE_PRINCIPAL_ID.test(id)) return id;
  const arns = draft.uniqueIds.get(id) ?? [];
  const [arn] = arns;
  if (arns.length === 1 && arn !== undefined) {
    draft.report.info(origin, 'assumed-value', `\`${id}\` is the unique id of \`${arn}\`: it is written as that ARN`);
    return arn;
  }
  const why = arns.length > 1 ? `several imported principals carry it (${arns.map((a) => `\`${a}\``).join(', ')})` : 'no imported principal carries it (the one it named was deleted, or is not in the export)';
  draft.report.warn(origin, 'dead-principal', `\`${id}\` is a unique id and ${why}, so it matches nobody`);
  return id;
}
