/**
 * Lint of `Resource` and `NotResource` against the ARN formats of the Service Authorization Reference:
 * an ARN that fits no format of its own service (`arn:aws:s3:us-east-1:111111111111:b`), and a `Resource`
 * that none of the statement's actions acts on (`s3:GetObject` on the bucket `arn:aws:s3:::b`,
 * `s3:ListBucket` on the objects `arn:aws:s3:::b/*`).
 */
import type { Statement } from '../../model/policy';
import type { CatalogAction, CatalogResourceType } from '../types';
import { isConcretePattern, patternMeetsFormat, resourcePatternTokens } from './globs';
import { arnServiceOf, entryPath, listValues, type LintContext, type TypedFormat } from './LintContext';
import type { StatementActions } from './lintActions';

type Tokens = ReturnType<typeof resourcePatternTokens>;

function typeName(type: CatalogResourceType): string {
  return `${type.service}:${type.key}`;
}

/**
 * The resource types a pattern may name among `formats`: for a wildcard pattern every type it strictly
 * overlaps (or, failing that, leniently); for one ARN the catalog's own best-ranked types.
 */
function denotedTypes(ctx: LintContext, pattern: string, tokens: Tokens, service: string, arnService: string): readonly CatalogResourceType[] {
  const key = `${service}\n${pattern}`;
  const known = ctx.memo.get(key);
  if (known !== undefined) return known;
  const types = isConcretePattern(pattern) ? ctx.catalog.resourceTypesForArn(pattern, service) : overlappingTypes(ctx.serviceFormats(service, arnService), tokens);
  ctx.memo.set(key, types);
  return types;
}

function overlappingTypes(formats: readonly TypedFormat[], tokens: Tokens): readonly CatalogResourceType[] {
  const strict = new Set<CatalogResourceType>();
  const lenient = new Set<CatalogResourceType>();
  for (const { type, tokens: format } of formats) {
    const meets = patternMeetsFormat(tokens, format());
    if (meets === 'strict') strict.add(type);
    else if (meets === 'lenient') lenient.add(type);
  }
  return [...(strict.size > 0 ? strict : lenient)];
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The format that looks most like the pattern once each placeholder stands for one character. */
function closestFormat(pattern: string, formats: readonly string[]): string | undefined {
  let best: { format: string; distance: number } | undefined;
  for (const format of formats) {
    const distance = editDistance(pattern, format.replace(/\$\{[^}]*\}/g, 'x'));
    if (best === undefined || distance < best.distance) best = { format, distance };
  }
  return best?.format;
}

/** True when the pattern fits no format of its ARN service, which the catalog knows (reported once, here). */
function lintMalformed(ctx: LintContext, pattern: string, tokens: Tokens, arnService: string, path: readonly (string | number)[], actions: readonly CatalogAction[]): boolean {
  const own = ctx.catalog.service(arnService);
  if (own === undefined || !ctx.catalog.isLoaded(own.prefix)) return false;
  let fits = ctx.fits.get(pattern);
  if (fits === undefined) {
    // Formats whose service field is a placeholder (`arn:${Partition}:${Vendor}:…` in `backup`) count for their own service.
    const formats = [...ctx.arnServiceFormats(arnService), ...ctx.serviceFormats(own.prefix, arnService).filter((f) => arnServiceOf(f.format) === undefined)];
    fits = formats.length === 0 || formats.some(({ tokens: format }) => patternMeetsFormat(tokens, format()) !== undefined);
    ctx.fits.set(pattern, fits);
  }
  if (fits) return false;
  const candidates = actions.flatMap((a) => a.resourceTypes.flatMap((ref) => ctx.catalog.lookupResourceType(a.service, ref.resourceType)?.arnFormats ?? [])).filter((f) => arnServiceOf(f) === arnService);
  const hint = closestFormat(pattern, candidates);
  ctx.out.warn('policy-lint', path, `\`${pattern}\` fits no ARN format of \`${arnService}\`${hint === undefined ? '' : `, such as \`${hint}\``}`);
  return true;
}

/**
 * Prefixes that several Service Authorization Reference pages share (ELB and ELB V2, API Gateway and its
 * V2, SES and its V2, CloudFormation and Cloud Control API, the AWS Marketplace pages, …). iam-data keeps
 * one row per action name, so an action's resource types may be those of the other page; within these
 * services any resource type is accepted rather than report a mismatch the data cannot support.
 */
const SHARED_PREFIXES: ReadonlySet<string> = new Set(['apigateway', 'aws-marketplace', 'cloudformation', 'elasticloadbalancing', 'greengrass', 'kinesisanalytics', 'lex', 'ses', 'sms-voice']);

/** ARN services that stand for one another: CodeStar Connections was renamed CodeConnections and accepts both. */
const ARN_SERVICE_ALIASES: Readonly<Record<string, string>> = { 'codestar-connections': 'codeconnections', codeconnections: 'codestar-connections' };

function actsOn(ctx: LintContext, service: string, keys: ReadonlySet<string>, pattern: string, tokens: Tokens, arnService: string): boolean {
  if (ARN_SERVICE_ALIASES[service] === arnService) return true;
  const denoted = denotedTypes(ctx, pattern, tokens, service, arnService);
  return SHARED_PREFIXES.has(service) ? denoted.some((type) => type.service === service) : denoted.some((type) => keys.has(type.key.toLowerCase()));
}

function lintMismatch(ctx: LintContext, pattern: string, tokens: Tokens, arnService: string, path: readonly (string | number)[], actions: readonly CatalogAction[]): void {
  const typed = actions.filter((action) => action.resourceTypes.length > 0);
  if (typed.length === 0) return;
  const wanted = new Map<string, Set<string>>();
  for (const action of typed) {
    const keys = wanted.get(action.service) ?? new Set<string>();
    for (const ref of action.resourceTypes) keys.add(ref.resourceType.toLowerCase());
    wanted.set(action.service, keys);
  }
  for (const [service, keys] of wanted) if (actsOn(ctx, service, keys, pattern, tokens, arnService)) return;
  const own = ctx.catalog.service(arnService);
  const is = own === undefined ? [] : denotedTypes(ctx, pattern, tokens, own.prefix, arnService);
  // A pattern that could be any of many types says nothing useful about what it names.
  const what = is.length === 0 || is.length > 3 ? '' : ` (${is.length === 1 ? 'a' : 'one of'} ${listValues(is.map(typeName))})`;
  const takes = [...new Set(typed.flatMap((a) => a.resourceTypes.map((ref) => `${a.service}:${ref.resourceType}`)))];
  const head = typed.length === 1 ? `\`${typed[0]?.action ?? ''}\` does not act on` : "none of this statement's actions acts on";
  ctx.out.warn('policy-lint', path, `${head} \`${pattern}\`${what}: ${typed.length === 1 ? 'it takes' : 'they take'} ${listValues(takes)}`);
}

/** Lints the resource lists of a statement whose `Action` list resolved to `actions`. */
export function lintResources(ctx: LintContext, statement: Statement, actions: StatementActions): void {
  for (const [element, list] of [['Resource', statement.resource], ['NotResource', statement.notResource]] as const) {
    list?.forEach((pattern, i) => {
      const arnService = arnServiceOf(pattern);
      if (pattern === '*' || !pattern.startsWith('arn:') || arnService === undefined) return;
      const path = entryPath(statement, element, i, list.length);
      const tokens = resourcePatternTokens(pattern);
      if (lintMalformed(ctx, pattern, tokens, arnService, path, actions.actions ?? [])) return;
      if (element === 'Resource' && actions.actions !== undefined) lintMismatch(ctx, pattern, tokens, arnService, path, actions.actions);
    });
  }
}
