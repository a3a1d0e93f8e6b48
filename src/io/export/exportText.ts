/**
 * The plain-text forms the tabular exporters share: a condition, a deciding statement, a role path and a
 * JSON path, each on one line so that a CSV cell or a graph attribute stays readable.
 */
import type { EdgeCondition } from '../../analysis/types';
import type { StatementRef } from '../../engine/types';
import { formatJsonPath } from '../../model/ids';
import type { PolicyKind } from '../../model/types';

/** Separator of several values in one cell or attribute (`Read; Write`). */
export const LIST_SEPARATOR = '; ';

/** Separator of the roles of an assumption path (`arn:…:role/a -> arn:…:role/b`). */
export const PATH_SEPARATOR = ' -> ';

/** `needs StringEquals sts:ExternalId ["id-1"]`: the effect, the operator, the key and the values as JSON. */
export function conditionText(condition: EdgeCondition): string {
  const { operator, key, values } = condition.condition;
  return `${condition.effect} ${operator} ${key} ${JSON.stringify(values)}`;
}

/** Every condition on one line. */
export function conditionsText(conditions: readonly EdgeCondition[]): string {
  return conditions.map(conditionText).join(LIST_SEPARATOR);
}

/** How a kind of policy is named in prose (reports and the CLI's explanations). */
export const POLICY_KIND_TEXT: Readonly<Record<PolicyKind, string>> = {
  identity: 'identity policy',
  resource: 'resource policy',
  trust: 'trust policy',
  scp: 'SCP',
  rcp: 'RCP',
  boundary: 'permissions boundary',
  session: 'session policy',
};

/**
 * Which statement decided, as a person reads it: `resource policy of arn:aws:s3:::b statement 0 (ReadAll)`,
 * `SCP DenyLeave at ou-a1b2-prod0001 statement 1`, `identity policy inline of arn:…:user/alice statement 0`.
 */
export function statementText(ref: StatementRef): string {
  const { kind, name, owner, level, via } = ref.policy;
  const policy = kind === 'resource' || kind === 'trust' ? `${POLICY_KIND_TEXT[kind]} of ${owner}` : `${POLICY_KIND_TEXT[kind]} ${name}${name === owner || owner === '' ? '' : ` of ${owner}`}`;
  const where = `${level === undefined ? '' : ` at ${level}`}${via === undefined ? '' : ` via share ${via}`}`;
  return `${policy}${where} statement ${ref.index}${ref.sid === undefined ? '' : ` (${ref.sid})`}`;
}

/** Every deciding statement on one line. */
export function statementsText(refs: readonly StatementRef[]): string {
  return refs.map(statementText).join(LIST_SEPARATOR);
}

/** The roles assumed in order, or the empty string for the principal's own permissions. */
export function viaText(via: readonly string[] | undefined): string {
  return (via ?? []).join(PATH_SEPARATOR);
}

/** A scenario location as diagnostics print it (`$.users[0].policies[1]`), or the empty string. */
export function pathText(path: readonly (string | number)[] | undefined): string {
  return path === undefined || path.length === 0 ? '' : formatJsonPath(path);
}
