/**
 * Lint of the `Action` and `NotAction` lists against the catalog: unknown services and actions (with a
 * suggestion), patterns that match nothing, entries another entry already covers, and wildcard-only
 * actions written with specific resources (SAR: actions without resource types take `"Resource": "*"`).
 */
import { suggest } from '../../model/checkShape';
import type { JsonPath } from '../../model/ids';
import type { Statement } from '../../model/policy';
import type { CatalogAction } from '../types';
import { actionPatternCovers, isConcretePattern } from './globs';
import { entryPath, type LintContext } from './LintContext';

/** One entry of an action list with the catalog actions it matches. */
export interface ActionEntry {
  readonly text: string;
  readonly path: JsonPath;
  /** `undefined` when the entry is `*`, names an unknown or unloaded service, or matches nothing. */
  readonly actions: readonly CatalogAction[] | undefined;
}

/** What a statement's `Action` list names, once resolved against the catalog. */
export interface StatementActions {
  /**
   * Every catalog action the `Action` list matches, when every entry resolved to at least one action;
   * `undefined` for `NotAction`, `*`, service wildcards, unloaded services and entries that match nothing.
   */
  readonly actions: readonly CatalogAction[] | undefined;
  /** The prefixes of those actions (lower case), under the same condition. */
  readonly services: ReadonlySet<string> | undefined;
}

const MODEL_LINTED = /\s|,/;

function resolveEntry(ctx: LintContext, text: string, path: JsonPath): ActionEntry {
  const unresolved = { text, path, actions: undefined };
  // `*`, and the forms the grammar-level lint already reports (spaces, wildcards in the prefix).
  if (text === '*' || MODEL_LINTED.test(text)) return unresolved;
  const colon = text.indexOf(':');
  const prefix = text.slice(0, colon);
  if (colon <= 0 || /[*?]/.test(prefix)) return unresolved;
  const { catalog, out } = ctx;
  const service = catalog.service(prefix);
  if (service === undefined) {
    out.warn('policy-lint', path, `\`${text}\` names the unknown service prefix \`${prefix}\`${suggest(prefix, catalog.services.map((s) => s.prefix))}`);
    return unresolved;
  }
  if (!catalog.isLoaded(service.prefix)) return unresolved;
  const name = text.slice(colon + 1);
  if (!/[*?]/.test(name)) {
    const action = catalog.lookupAction(text);
    if (action !== undefined) return { text, path, actions: [action] };
    const known = catalog.serviceData(service.prefix)?.actions.map((a) => a.action) ?? [];
    out.warn('policy-lint', path, `\`${text}\` is not an action of \`${service.prefix}\`${suggest(text, known)}`);
    return unresolved;
  }
  const actions = catalog.expandActionPattern(text);
  if (actions.length > 0) return { text, path, actions };
  out.warn('policy-lint', path, `\`${text}\` matches no action of \`${service.prefix}\``);
  return unresolved;
}

function serviceKey(text: string): string {
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? text : text.slice(0, colon);
  return /[*?]/.test(prefix) ? '*' : prefix.toLowerCase();
}

function lintRedundant(ctx: LintContext, entries: readonly ActionEntry[], element: string): void {
  // Only entries of the same service (or with a wildcard service) can cover each other: compare within groups.
  const groups = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const key = serviceKey(entry.text);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });
  const wild = groups.get('*') ?? [];
  entries.forEach((entry, i) => {
    const candidates = serviceKey(entry.text) === '*' ? wild : [...(groups.get(serviceKey(entry.text)) ?? []), ...wild];
    // A covered entry is reported once, against the first entry that covers it.
    const k = candidates.find((c) => c !== i && actionPatternCovers(entries[c]?.text ?? '', entry.text) && (c < i || !actionPatternCovers(entry.text, entries[c]?.text ?? '')));
    const cover = k === undefined ? undefined : entries[k];
    if (cover === undefined) return;
    const same = cover.text.toLowerCase() === entry.text.toLowerCase();
    ctx.out.warn('policy-lint', entry.path, same ? `\`${entry.text}\` appears twice in \`${element}\`` : `\`${entry.text}\` is already covered by \`${cover.text}\` in \`${element}\`, so it cannot matter`);
  });
}

function lintWildcardOnly(ctx: LintContext, statement: Statement, entries: readonly ActionEntry[]): void {
  // Only one-ARN resources count as specific: services such as CloudWatch Logs authorize some actions the
  // Service Authorization Reference lists without resource types against an ARN (`log-group:*` works for
  // `logs:DescribeLogGroups`), so a wildcard pattern there is not reported.
  const resources = statement.resource;
  if (resources === undefined || !resources.every(isConcretePattern)) return;
  for (const entry of entries) {
    const actions = entry.actions;
    if (actions === undefined || !actions.every((action) => action.resourceTypes.length === 0)) continue;
    const subject = actions.length === 1 && actions[0]?.action.toLowerCase() === entry.text.toLowerCase() ? `\`${entry.text}\` takes` : `every action of \`${entry.text}\` takes`;
    ctx.out.warn('policy-lint', entry.path, `${subject} only \`"Resource": "*"\`, so it matches none of the specific resources of this statement`);
  }
}

function resolveList(ctx: LintContext, statement: Statement, element: 'Action' | 'NotAction', list: readonly string[]): ActionEntry[] {
  const entries = list.map((text, i) => resolveEntry(ctx, text, entryPath(statement, element, i, list.length)));
  lintRedundant(ctx, entries, element);
  return entries;
}

/** Lints both action lists of a statement and returns what its `Action` list names. */
export function lintActions(ctx: LintContext, statement: Statement): StatementActions {
  if (statement.notAction !== undefined) {
    resolveList(ctx, statement, 'NotAction', statement.notAction);
    if (statement.notAction.includes('*')) ctx.out.warn('policy-lint', [...statement.path, 'NotAction'], '`"NotAction": "*"` leaves no action, so this statement never applies');
  }
  if (statement.action === undefined) return { actions: undefined, services: undefined };
  const entries = resolveList(ctx, statement, 'Action', statement.action);
  lintWildcardOnly(ctx, statement, entries);
  if (!entries.every((entry) => entry.actions !== undefined)) return { actions: undefined, services: undefined };
  const actions = [...new Set(entries.flatMap((entry) => entry.actions ?? []))];
  return { actions, services: new Set(actions.map((action) => action.service)) };
}
