/**
 * Lint of condition blocks against the catalog's condition keys: keys no service documents, keys of a
 * service none of the statement's actions belongs to, operators that do not fit the key's type, and the
 * set-operator rules of multivalued keys (IAM-SVMV: "Single-valued vs. multivalued context keys").
 */
import { suggest } from '../../model/checkShape';
import { NEGATED_OPERATORS, parseOperator, type BaseOperator, type ParsedOperator } from '../../model/conditionOperators';
import { MULTI_VALUED_KEYS } from '../../model/lintPolicy';
import type { ConditionEntry, Statement } from '../../model/policy';
import { isConditionKeyTemplate } from '../patterns';
import type { CatalogConditionKey } from '../types';
import { isMultiValuedType, type ConditionKeyType } from '../vocabulary';
import { serviceHasKey, type LintContext } from './LintContext';
import type { StatementActions } from './lintActions';

/** Condition operator families, by the value type they compare (IAM-CONDOPS). */
export const OPERATOR_FAMILIES = ['String', 'Numeric', 'Date', 'Bool', 'Binary', 'IPAddress', 'ARN', 'Null'] as const;
/** One operator family. */
export type OperatorFamily = (typeof OPERATOR_FAMILIES)[number];

const FAMILY_OF: Readonly<Record<BaseOperator, OperatorFamily>> = {
  StringEquals: 'String',
  StringNotEquals: 'String',
  StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String',
  StringNotLike: 'String',
  NumericEquals: 'Numeric',
  NumericNotEquals: 'Numeric',
  NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric',
  NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date',
  DateNotEquals: 'Date',
  DateLessThan: 'Date',
  DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IPAddress',
  NotIpAddress: 'IPAddress',
  ArnEquals: 'ARN',
  ArnLike: 'ARN',
  ArnNotEquals: 'ARN',
  ArnNotLike: 'ARN',
  Null: 'Null',
};

/**
 * The single-value types each family accepts. String and ARN operators are interchangeable on ARN-valued
 * keys (IAM-CONDOPS "Amazon Resource Name (ARN) condition operators"); a Boolean value is the string
 * `true` or `false`, so string operators compare it as `Bool` does; `Null` tests presence of any key.
 */
const ACCEPTS: Readonly<Record<OperatorFamily, readonly string[]>> = {
  String: ['String', 'ARN', 'Bool'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  Binary: ['Binary'],
  IPAddress: ['IPAddress'],
  ARN: ['ARN', 'String'],
  Null: ['String', 'ARN', 'Numeric', 'Date', 'Bool', 'Binary', 'IPAddress'],
};

function elementType(type: ConditionKeyType): string {
  return type.replace(/^ArrayOf/, '');
}

function prefixOf(key: string): string {
  return key.slice(0, Math.max(key.indexOf(':'), 0)).toLowerCase();
}

/** The key's catalog entry, or `undefined` after reporting it when it is certainly unknown. */
function resolveKey(ctx: LintContext, condition: ConditionEntry): CatalogConditionKey | undefined {
  const { catalog, out } = ctx;
  const found = catalog.lookupConditionKey(condition.key);
  if (found !== undefined) return found;
  const prefix = prefixOf(condition.key);
  const known = (keys: readonly CatalogConditionKey[]): string[] => keys.map((k) => k.key).filter((k) => !isConditionKeyTemplate(k));
  if (prefix === 'aws') {
    out.warn('policy-lint', condition.path, `\`${condition.key}\` is not a global condition key${suggest(condition.key, known(catalog.globalConditionKeys))}`);
    return undefined;
  }
  const service = catalog.service(prefix);
  if (service !== undefined) {
    const data = catalog.serviceData(service.prefix);
    if (data !== undefined) out.warn('policy-lint', condition.path, `\`${condition.key}\` is not a condition key of \`${service.prefix}\`${suggest(condition.key, known(data.conditionKeys))}`);
    return undefined;
  }
  // Identity-provider keys (`accounts.google.com:aud`, `oidc.eks.….amazonaws.com/id/…:sub`) are open-ended;
  // the documented ones live in the `sts` files, so a bare unknown prefix is reported only once those are loaded.
  if (prefix !== '' && !/[./]/.test(prefix) && catalog.isLoaded('sts')) {
    out.warn('policy-lint', condition.path, `\`${condition.key}\` names the unknown service prefix \`${prefix}\`${suggest(prefix, catalog.services.map((s) => s.prefix))}`);
  }
  return undefined;
}

/**
 * Service keys that describe the caller's credentials rather than the request, so they are present on
 * requests to every service: an EC2 instance role (`ec2:SourceInstanceARN`, `ec2:RoleDelivery`), a Lambda
 * function's role (`lambda:SourceFunctionArn`), a Glue job's role (`glue:RoleAssumedBy`,
 * `glue:CredentialIssuingService`) and IAM Identity Center sessions (`identitystore:UserId`). Lower case.
 */
const CREDENTIAL_KEYS: ReadonlySet<string> = new Set([
  'ec2:sourceinstancearn',
  'ec2:roledelivery',
  'lambda:sourcefunctionarn',
  'glue:roleassumedby',
  'glue:credentialissuingservice',
  'identitystore:userid',
]);

function lintKeyService(ctx: LintContext, condition: ConditionEntry, actions: StatementActions): void {
  const prefix = prefixOf(condition.key);
  const services = actions.services;
  if (services === undefined || prefix === 'aws' || services.has(prefix) || ctx.catalog.service(prefix) === undefined) return;
  if (CREDENTIAL_KEYS.has(condition.key.toLowerCase())) return;
  if ([...services].some((service) => { const keys = ctx.serviceKeys(service); return keys !== undefined && serviceHasKey(keys, condition.key); })) return;
  ctx.out.warn('policy-lint', condition.path, `\`${condition.key}\` is a condition key of \`${prefix}\`, but this statement's actions are of ${[...services].sort().map((s) => `\`${s}\``).join(', ')}, whose requests never carry it`);
}

function lintOperatorType(ctx: LintContext, condition: ConditionEntry, op: ParsedOperator, key: CatalogConditionKey): void {
  const family = FAMILY_OF[op.base];
  const element = elementType(key.type);
  if (!ACCEPTS[family].includes(element)) {
    ctx.out.warn('policy-lint', condition.path, `\`${op.base}\` compares ${family === 'IPAddress' ? 'IP addresses' : `${family} values`}, but \`${condition.key}\` is of type \`${key.type}\``);
  }
}

function hasNullFalse(statement: Statement, key: string): boolean {
  return statement.conditions.some((c) => parseOperator(c.operator)?.base === 'Null' && c.key.toLowerCase() === key.toLowerCase() && c.values.some((v) => v.toLowerCase() === 'false'));
}

/**
 * True when the statement's requests always carry `aws:TagKeys`: every action is a tagging action (it sends
 * the tags it changes), or another condition requires a request tag (`aws:RequestTag/…` tested positively).
 */
function alwaysCarriesTagKeys(statement: Statement, condition: ConditionEntry, actions: StatementActions): boolean {
  if (condition.key.toLowerCase() !== 'aws:tagkeys') return false;
  if (actions.actions !== undefined && actions.actions.every((a) => a.accessLevels.includes('Tagging'))) return true;
  return statement.conditions.some((c) => {
    const op = parseOperator(c.operator);
    return op !== undefined && !op.ifExists && op.base !== 'Null' && !NEGATED_OPERATORS.has(op.base) && c.key.toLowerCase().startsWith('aws:requesttag/');
  });
}

function lintSetOperator(ctx: LintContext, statement: Statement, condition: ConditionEntry, op: ParsedOperator, key: CatalogConditionKey, actions: StatementActions): void {
  if (op.base === 'Null') return;
  const multi = isMultiValuedType(key.type);
  // The grammar-level lint already reports the global multivalued keys written without a qualifier.
  if (multi && op.set === undefined && !MULTI_VALUED_KEYS.has(condition.key.toLowerCase())) {
    ctx.out.warn('policy-lint', condition.path, `\`${condition.key}\` holds several values: use \`ForAnyValue:\` or \`ForAllValues:\``);
  } else if (!multi && op.set !== undefined) {
    ctx.out.warn('policy-lint', condition.path, `\`${condition.key}\` holds a single value, so \`${op.set}:\` does not fit it: write \`${op.canonical.slice(op.set.length + 1)}\``);
  } else if (multi && op.set === 'ForAllValues' && statement.effect === 'Allow' && !hasNullFalse(statement, condition.key) && !alwaysCarriesTagKeys(statement, condition, actions)) {
    ctx.out.warn('policy-lint', condition.path, `\`ForAllValues:\` is also true when \`${condition.key}\` is absent, so this \`Allow\` applies to requests without it: add \`"Null": {"${condition.key}": "false"}\``);
  }
}

/** Lints every condition of a statement whose `Action` list resolved to `actions`. */
export function lintConditions(ctx: LintContext, statement: Statement, actions: StatementActions): void {
  for (const condition of statement.conditions) {
    const op = parseOperator(condition.operator);
    if (op === undefined) continue;
    const key = resolveKey(ctx, condition);
    if (key === undefined) continue;
    lintKeyService(ctx, condition, actions);
    lintOperatorType(ctx, condition, op, key);
    lintSetOperator(ctx, statement, condition, op, key, actions);
  }
}
