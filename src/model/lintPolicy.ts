/**
 * Lint for valid policies: forms AWS accepts but that rarely mean what their author intended.
 * Lint never changes a decision; it produces `policy-lint` warnings located at the element.
 */
import type { Collector } from './collector';
import { NEGATED_OPERATORS, parseOperator } from './conditionOperators';
import type { ConditionEntry, PolicyDocument, Statement } from './policy';

/**
 * Condition keys that pin an otherwise public grant to known callers (S3-BPA "The meaning of
 * public", IAM-CONFUSED). Lower case.
 */
export const CONSTRAINING_KEYS: ReadonlySet<string> = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:userid',
  'kms:calleraccount',
  'sts:externalid',
]);

/** Multi-valued global keys that need a set operator (IAM-SVMV). Lower case. */
export const MULTI_VALUED_KEYS: ReadonlySet<string> = new Set([
  'aws:tagkeys',
  'aws:principalorgpaths',
  'aws:resourceorgpaths',
  'aws:sourceorgpaths',
  'aws:calledvia',
  'aws:principalservicenameslist',
]);

/**
 * True when a condition narrows who the statement applies to: a positive operator on one of the
 * constraining keys (a negated operator in an Allow widens rather than narrows).
 */
export function isConstrainingCondition(condition: ConditionEntry): boolean {
  const op = parseOperator(condition.operator);
  if (op === undefined || op.base === 'Null' || NEGATED_OPERATORS.has(op.base)) return false;
  if (op.ifExists) return false;
  const key = condition.key.toLowerCase();
  if (!CONSTRAINING_KEYS.has(key)) return false;
  return !condition.values.some((v) => v === '*');
}

/** True when a statement that names every principal is narrowed by a condition. */
export function hasConstrainingCondition(statement: Statement): boolean {
  return statement.conditions.some(isConstrainingCondition);
}

/** Reports lint warnings for one statement of a valid document. */
export function lintStatement(document: PolicyDocument, statement: Statement, out: Collector): void {
  for (const [list, element] of [[statement.action, 'Action'], [statement.notAction, 'NotAction']] as const) {
    // A single action is reported at the element, several at their own index.
    list?.forEach((action, i) => lintAction(action, [...statement.path, element, ...(list.length > 1 ? [i] : [])], out));
  }
  if (statement.effect === 'Allow' && statement.principal?.wildcard === true && !hasConstrainingCondition(statement)) {
    out.warn('policy-lint', [...statement.path, 'Principal'], '`Principal: "*"` without a condition such as `aws:PrincipalOrgID` or `aws:SourceArn` grants access to everyone, including anonymous callers');
  }
  if (document.version === undefined && JSON.stringify(statement).includes('${')) {
    out.warn('policy-lint', statement.path, 'this policy has no `Version`, so `${…}` policy variables stay literal text: add `"Version": "2012-10-17"`');
  }
  for (const condition of statement.conditions) lintCondition(condition, out);
}

function lintAction(action: string, path: readonly (string | number)[], out: Collector): void {
  if (action === '*') return;
  if (/\s|,/.test(action)) {
    out.warn('policy-lint', path, `\`${action}\` contains spaces or commas, so it matches no action: write one action per string`);
    return;
  }
  const prefix = action.slice(0, action.indexOf(':'));
  if (/[*?]/.test(prefix)) out.warn('policy-lint', path, `\`${action}\`: wildcards in the service prefix match nothing; name the service`);
}

function lintCondition(condition: ConditionEntry, out: Collector): void {
  const op = parseOperator(condition.operator);
  if (op === undefined) return;
  if (op.canonical !== condition.operator) {
    out.warn('policy-lint', condition.path, `write the operator as \`${op.canonical}\``);
  }
  if ((op.base === 'Null' || op.base === 'Bool') && condition.values.some((v) => v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false')) {
    out.warn('policy-lint', condition.path, `\`${op.base}\` takes \`"true"\` or \`"false"\``);
  }
  const key = condition.key.toLowerCase();
  if (MULTI_VALUED_KEYS.has(key) && op.set === undefined && op.base !== 'Null') {
    out.warn('policy-lint', condition.path, `\`${condition.key}\` holds several values: use \`ForAnyValue:\` or \`ForAllValues:\``);
  }
}
