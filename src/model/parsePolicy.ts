/**
 * The IAM policy grammar (IAM-POLICIES, the element pages cited in SEMANTICS §3): turns a JSON value
 * into a `PolicyDocument`, marking it invalid where AWS would refuse to store it. Invalid documents
 * are reported with `invalid-policy` and take no part in evaluation.
 */
import { isObject, suggest, typeName } from './checkShape';
import type { Collector } from './collector';
import type { JsonPath } from './ids';
import { parseOperator } from './conditionOperators';
import { lintStatement } from './lintPolicy';
import { PRINCIPAL_TYPES, type ConditionEntry, type Effect, type PolicyDocument, type PrincipalSpec, type Statement } from './policy';
import type { PolicyKind } from './types';

const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'] as const;
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
const VERSIONS = ['2012-10-17', '2008-10-17'];

/** Which policy kinds carry a Principal element (IAM-PRINCIPAL, ORG-RCP-SYNTAX). */
const HAS_PRINCIPAL: ReadonlySet<PolicyKind> = new Set<PolicyKind>(['resource', 'trust', 'rcp']);

const KIND_NAMES: Record<PolicyKind, string> = {
  identity: 'an identity policy',
  resource: 'a resource-based policy',
  trust: 'a role trust policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
};

interface Ctx {
  readonly kind: PolicyKind;
  readonly docPath: JsonPath;
  readonly out: Collector;
  valid: boolean;
}

function invalid(ctx: Ctx, path: JsonPath, message: string, atKey = false): void {
  ctx.valid = false;
  ctx.out.items.push({ code: 'invalid-policy', severity: 'error', message, path, excludes: ctx.docPath, ...(atKey ? { atKey } : {}) });
}

/** Parses one policy document of the given kind found at `path`. */
export function parsePolicy(value: unknown, kind: PolicyKind, path: JsonPath, out: Collector): PolicyDocument {
  const ctx: Ctx = { kind, docPath: path, out, valid: true };
  if (!isObject(value)) {
    invalid(ctx, path, `a policy document must be an object, found ${typeName(value)}`);
    return { kind, version: undefined, id: undefined, statements: [], valid: false, path };
  }
  for (const key of Object.keys(value)) {
    if (!(DOCUMENT_KEYS as readonly string[]).includes(key)) invalid(ctx, [...path, key], `unknown policy element \`${key}\`${suggest(key, DOCUMENT_KEYS)}`, true);
  }
  const version = optionalString(ctx, value.Version, [...path, 'Version']);
  if (version !== undefined && !VERSIONS.includes(version)) {
    invalid(ctx, [...path, 'Version'], `\`${version}\` is not a policy version (use \`2012-10-17\`)`);
  }
  const id = optionalString(ctx, value.Id, [...path, 'Id']);
  const statements = parseStatements(ctx, value.Statement, [...path, 'Statement']);
  if (kind === 'rcp') checkRcpAllows(ctx, statements);
  const document: PolicyDocument = { kind, version, id, statements, valid: ctx.valid, path };
  if (ctx.valid) for (const statement of statements) lintStatement(document, statement, out);
  return document;
}

function parseStatements(ctx: Ctx, value: unknown, path: JsonPath): Statement[] {
  if (value === undefined) {
    invalid(ctx, ctx.docPath, 'missing required element `Statement`');
    return [];
  }
  if (isObject(value)) return [parseStatement(ctx, value, path, 0)].filter((s): s is Statement => s !== undefined);
  if (!Array.isArray(value)) {
    invalid(ctx, path, `\`Statement\` must be an object or an array, found ${typeName(value)}`);
    return [];
  }
  if (value.length === 0) invalid(ctx, path, '`Statement` must hold at least one statement');
  const statements: Statement[] = [];
  value.forEach((item, i) => {
    if (!isObject(item)) {
      invalid(ctx, [...path, i], `a statement must be an object, found ${typeName(item)}`);
      return;
    }
    const statement = parseStatement(ctx, item, [...path, i], statements.length);
    if (statement !== undefined) statements.push(statement);
  });
  return statements;
}

function parseStatement(ctx: Ctx, value: Record<string, unknown>, path: JsonPath, index: number): Statement | undefined {
  for (const key of Object.keys(value)) {
    if (!(STATEMENT_KEYS as readonly string[]).includes(key)) invalid(ctx, [...path, key], `unknown statement element \`${key}\`${suggest(key, STATEMENT_KEYS)}`, true);
  }
  const sid = optionalString(ctx, value.Sid, [...path, 'Sid']);
  const effect = parseEffect(ctx, value.Effect, path);
  const action = stringList(ctx, value.Action, [...path, 'Action'], 'Action');
  const notAction = stringList(ctx, value.NotAction, [...path, 'NotAction'], 'NotAction');
  const resource = stringList(ctx, value.Resource, [...path, 'Resource'], 'Resource');
  const notResource = stringList(ctx, value.NotResource, [...path, 'NotResource'], 'NotResource');
  const principal = parsePrincipal(ctx, value.Principal, [...path, 'Principal'], 'Principal');
  const notPrincipal = parsePrincipal(ctx, value.NotPrincipal, [...path, 'NotPrincipal'], 'NotPrincipal');
  const conditions = parseConditions(ctx, value.Condition, [...path, 'Condition']);

  exactlyOne(ctx, path, 'Action', action, 'NotAction', notAction, true);
  if (ctx.kind === 'trust') {
    if (resource !== undefined || notResource !== undefined) invalid(ctx, [...path, resource !== undefined ? 'Resource' : 'NotResource'], 'a role trust policy has no `Resource` element: the resource is the role itself', true);
  } else {
    // A resource-based policy may leave `Resource` out: it then means the resource the policy is
    // attached to (ECR repository policies are written that way, and AWS stores them).
    exactlyOne(ctx, path, 'Resource', resource, 'NotResource', notResource, ctx.kind !== 'resource');
  }
  checkPrincipalPlacement(ctx, path, effect, principal, notPrincipal);
  if (ctx.kind === 'rcp' && notAction !== undefined) invalid(ctx, [...path, 'NotAction'], 'a resource control policy cannot use `NotAction`', true);
  for (const [list, name] of [[action, 'Action'], [notAction, 'NotAction']] as const) list?.forEach((a, i) => checkAction(ctx, a, [...path, name, i]));
  for (const [list, name] of [[resource, 'Resource'], [notResource, 'NotResource']] as const) list?.forEach((r, i) => checkResource(ctx, r, [...path, name, i]));

  if (effect === undefined) return undefined;
  return { index, sid, effect, principal, notPrincipal, action, notAction, resource, notResource, conditions, path };
}

function parseEffect(ctx: Ctx, value: unknown, path: JsonPath): Effect | undefined {
  if (value === undefined) {
    invalid(ctx, path, 'missing required element `Effect`');
    return undefined;
  }
  if (value === 'Allow' || value === 'Deny') return value;
  invalid(ctx, [...path, 'Effect'], typeof value === 'string' ? `\`Effect\` must be \`Allow\` or \`Deny\`, found \`${value}\`` : `\`Effect\` must be a string, found ${typeName(value)}`);
  return undefined;
}

function exactlyOne(ctx: Ctx, path: JsonPath, a: string, av: unknown, b: string, bv: unknown, required: boolean): void {
  if (av !== undefined && bv !== undefined) invalid(ctx, [...path, b], `a statement cannot have both \`${a}\` and \`${b}\``, true);
  else if (required && av === undefined && bv === undefined) invalid(ctx, path, `a statement needs \`${a}\` or \`${b}\``);
}

function checkPrincipalPlacement(ctx: Ctx, path: JsonPath, effect: Effect | undefined, principal: PrincipalSpec | undefined, notPrincipal: PrincipalSpec | undefined): void {
  const name = KIND_NAMES[ctx.kind];
  if (!HAS_PRINCIPAL.has(ctx.kind)) {
    if (principal !== undefined) invalid(ctx, [...path, 'Principal'], `${name} cannot have a \`Principal\` element`, true);
    if (notPrincipal !== undefined) invalid(ctx, [...path, 'NotPrincipal'], `${name} cannot have a \`NotPrincipal\` element`, true);
    return;
  }
  if (notPrincipal !== undefined) {
    if (ctx.kind !== 'resource') invalid(ctx, [...path, 'NotPrincipal'], `${name} cannot have a \`NotPrincipal\` element`, true);
    else if (effect === 'Allow') invalid(ctx, [...path, 'NotPrincipal'], '`NotPrincipal` is supported only with `"Effect": "Deny"`', true);
  }
  exactlyOne(ctx, path, 'Principal', principal, 'NotPrincipal', notPrincipal, true);
}

function checkRcpAllows(ctx: Ctx, statements: readonly Statement[]): void {
  for (const s of statements) {
    if (s.effect !== 'Allow') continue;
    const fullAccess = s.action?.length === 1 && s.action[0] === '*' && s.resource?.length === 1 && s.resource[0] === '*' && s.principal?.wildcard === true && s.conditions.length === 0;
    if (!fullAccess) invalid(ctx, [...s.path, 'Effect'], 'a resource control policy can only deny: `Allow` is reserved for `RCPFullAWSAccess`');
  }
}

function optionalString(ctx: Ctx, value: unknown, path: JsonPath): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  invalid(ctx, path, `expected a string, found ${typeName(value)}`);
  return undefined;
}

function stringList(ctx: Ctx, value: unknown, path: JsonPath, element: string, allowEmpty = false): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    invalid(ctx, path, `\`${element}\` must be a string or an array of strings, found ${typeName(value)}`);
    return [];
  }
  if (value.length === 0 && !allowEmpty) invalid(ctx, path, `\`${element}\` must not be empty`);
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else invalid(ctx, [...path, i], `expected a string, found ${typeName(item)}`);
  });
  return out;
}

function checkAction(ctx: Ctx, action: string, path: JsonPath): void {
  if (action === '*') return;
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1) invalid(ctx, path, `\`${action}\` is not an action: write \`service:Action\` or \`*\``);
}

function checkResource(ctx: Ctx, resource: string, path: JsonPath): void {
  if (resource === '*' || resource.startsWith('arn:')) return;
  invalid(ctx, path, `\`${resource}\` is not a resource: write an ARN (\`arn:…\`) or \`*\``);
}

const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{12,}$/;
const AWS_PRINCIPAL_ARN = /^arn:[a-z0-9-]+:(iam::\d{12}:(root|user\/.+|role\/.+)|sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;

function parsePrincipal(ctx: Ctx, value: unknown, path: JsonPath, element: string): PrincipalSpec | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return { wildcard: true, AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  if (!isObject(value)) {
    invalid(ctx, path, `\`${element}\` must be \`"*"\` or an object such as \`{"AWS": "…"}\`, found ${typeof value === 'string' ? `\`${value}\`` : typeName(value)}`);
    // Present but broken: an empty principal, so the placement checks do not report it again.
    return { wildcard: false, AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  }
  const lists: Record<(typeof PRINCIPAL_TYPES)[number], string[]> = { AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  let wildcard = false;
  for (const [type, raw] of Object.entries(value)) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      invalid(ctx, [...path, type], `unknown principal type \`${type}\`${suggest(type, PRINCIPAL_TYPES)}`, true);
      continue;
    }
    // An empty list names nobody; AWS itself returns `{"AWS": []}` (RAM get-resource-policies).
    const entries = stringList(ctx, raw, [...path, type], `${element}.${type}`, true) ?? [];
    entries.forEach((entry, i) => {
      const entryPath = Array.isArray(raw) ? [...path, type, i] : [...path, type];
      if (type === 'AWS' && entry === '*') wildcard = true;
      else if (checkPrincipalEntry(ctx, type as (typeof PRINCIPAL_TYPES)[number], entry, entryPath)) lists[type as (typeof PRINCIPAL_TYPES)[number]].push(entry);
    });
  }
  return { wildcard, ...lists };
}

function checkPrincipalEntry(ctx: Ctx, type: (typeof PRINCIPAL_TYPES)[number], entry: string, path: JsonPath): boolean {
  const hasWildcard = entry.includes('*') || entry.includes('?');
  switch (type) {
    case 'AWS':
      if (hasWildcard) {
        invalid(ctx, path, `\`${entry}\`: a principal cannot use wildcards; use \`"*"\` with an \`ArnLike\` condition on \`aws:PrincipalArn\``);
        return false;
      }
      if (/^\d{12}$/.test(entry) || AWS_PRINCIPAL_ARN.test(entry) || UNIQUE_ID.test(entry)) return true;
      invalid(ctx, path, `\`${entry}\` is not an AWS principal: use an account id or a root, user, role or session ARN`);
      return false;
    case 'Service':
      if (hasWildcard || entry.trim() === '') {
        invalid(ctx, path, `\`${entry}\` is not a service principal`);
        return false;
      }
      return true;
    case 'Federated':
      if (hasWildcard || entry.trim() === '') {
        invalid(ctx, path, `\`${entry}\` is not an identity provider`);
        return false;
      }
      return true;
    case 'CanonicalUser':
      if (!/^[0-9a-f]{64}$/.test(entry)) {
        invalid(ctx, path, `\`${entry}\` is not a canonical user id (64 hexadecimal digits)`);
        return false;
      }
      return true;
  }
}

function parseConditions(ctx: Ctx, value: unknown, path: JsonPath): ConditionEntry[] {
  if (value === undefined) return [];
  if (!isObject(value)) {
    invalid(ctx, path, `\`Condition\` must be an object, found ${typeName(value)}`);
    return [];
  }
  const out: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const opPath = [...path, operator];
    if (parseOperator(operator) === undefined) {
      invalid(ctx, opPath, `unknown condition operator \`${operator}\``, true);
      continue;
    }
    if (!isObject(block)) {
      invalid(ctx, opPath, `the \`${operator}\` block must be an object of condition keys, found ${typeName(block)}`);
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const keyPath = [...opPath, key];
      if (key.trim() === '') invalid(ctx, keyPath, 'a condition key must not be empty', true);
      const values = conditionValues(ctx, raw, keyPath);
      if (values !== undefined) out.push({ operator, key, values, path: keyPath });
    }
  }
  return out;
}

function conditionValues(ctx: Ctx, raw: unknown, path: JsonPath): string[] | undefined {
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) {
    invalid(ctx, path, 'a condition needs at least one value');
    return undefined;
  }
  const values: string[] = [];
  items.forEach((item, i) => {
    if (typeof item === 'string') values.push(item);
    else if (typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item))) values.push(String(item));
    else invalid(ctx, Array.isArray(raw) ? [...path, i] : path, `a condition value must be a string, number or boolean, found ${typeName(item)}`);
  });
  return values;
}
