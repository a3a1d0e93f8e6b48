/**
 * Requests that the engine cannot tell apart, so that effective access evaluates one of them and
 * shares its result. For one target, two declared users (or two roles) of the same account and
 * partition, both with or both without a permissions boundary, send requests that get the same decision,
 * deciding statements and conditions when the principal-side statements that may apply to the target
 * are the very same statements in the same places (identity, boundary, session, SCP), and no statement
 * that may apply, on either side, looks at who exactly the caller is (`looksAtCaller`).
 *
 * Why the other statements do not matter: the engine decides a statement's Action, then its Resource,
 * before anything else, and a statement that fails either never applies (SEMANTICS §2.2); the
 * prefilter's matchers over-approximate the engine (`statementMatch.ts`), so a statement they reject
 * fails in the engine too. Shared documents (group, managed, boundary and control policies) are one
 * statement object for every principal, and the engine names them by the same reference; an inline
 * statement belongs to one principal, so a principal whose inline statements may apply has a class of
 * its own. RAM-shared targets (whose synthetic statements can name principals analysis cannot see) and
 * other callers (sessions, service-linked roles, services, undeclared principals) are not shared.
 */
import type { AnalysisResult } from '../engine/types';
import type { Statement } from '../model/policy';
import type { Resource } from '../model/types';
import { lowerArn, type TargetSide } from './accessCandidates';
import { looksAtCaller } from './callerClasses';
import { statementId, type RequestSource } from './requestSources';
import { actionMatches, resourceMatcher, type ActionTable } from './statementMatch';

const coversAnyCache = new WeakMap<Uint8Array, boolean>();

/** True when the statement's Action element covers some action of the table. */
function coversAny(statement: Statement, table: ActionTable): boolean {
  const bits = actionMatches(statement, table);
  let any = coversAnyCache.get(bits);
  if (any === undefined) coversAnyCache.set(bits, (any = bits.includes(1)));
  return any;
}

const sideLooks = new WeakMap<TargetSide, boolean>();
const sideClasses = new WeakMap<TargetSide, string>();

/**
 * The class of a target as far as requests to it go: targets without a resource policy, of one
 * account, partition, region and action table, whose entries are equal but for the ARN and JSON path
 * (tags, S3 settings, …), are one class; any other target is its own. RCPs are the account's.
 */
function targetClass(side: TargetSide, entry: Resource | undefined): string {
  let cls = sideClasses.get(side);
  if (cls === undefined) {
    const { target } = side;
    const own = side.statements.length > side.rcpCount;
    const parts = target.arn.split(':');
    cls = own ? `@${target.key}` : `${target.account}|${parts[1] ?? ''}|${parts[3] ?? ''}|${target.table.key}|${JSON.stringify({ ...entry, arn: undefined, path: undefined })}`;
    sideClasses.set(side, cls);
  }
  return cls;
}

/** True when the Resource element is a bare `*` (it matches every target alike). */
function anyResource(statement: Statement): boolean {
  return statement.resource !== undefined && statement.resource.includes('*');
}

/**
 * The class of a (source, target) request pair, or `undefined` when it must be evaluated on its own.
 * Pairs of one target class share results only when every applicable principal-side statement has
 * `Resource: "*"`; otherwise the target itself is part of the class.
 */
export function cellClass(source: RequestSource, side: TargetSide, entry: Resource | undefined, sole?: ReadonlySet<Statement>): string | undefined {
  if (!source.shareable || side.shared) return undefined;
  let looks = sideLooks.get(side);
  if (looks === undefined) sideLooks.set(side, (looks = looksAtCaller(side.statements)));
  if (looks) return undefined;
  const { table } = side.target;
  const lower = lowerArn(side.target);
  // A class of one target and one source's own statement holds this pair alone: nothing would share
  // its results, and keeping them held the results of ~300k evaluations at the L bench until the end.
  // Known before the key is built when the target is a class of its own (~300k pairs at L).
  const ownTarget = targetClass(side, entry).startsWith('@');
  let parts = '';
  let specific = false;
  let alone = false;
  for (let i = 0; i < source.statements.length; i++) {
    const statement = source.statements[i]!;
    if (!coversAny(statement, table) || !resourceMatcher(statement).matchesLower(lower)) continue;
    if (looksAtCaller([statement])) return undefined;
    if (!anyResource(statement)) specific = true;
    if (sole?.has(statement) === true) {
      if (ownTarget) return undefined;
      alone = true;
    }
    parts += `${source.origins[i] ?? 0}:${statementId(statement)},`;
  }
  if (alone && specific) return undefined;
  const target = specific ? `@${side.target.key}` : targetClass(side, entry);
  return `${target}#${source.kind}|${source.account ?? ''}|${source.facts.id.split(':')[1] ?? ''}|${source.hasBoundary ? 1 : 0}|${parts}`;
}

/** The statements that exactly one of `sources` holds (an inline policy's): a class naming one is that source's alone. */
export function soleStatements(sources: readonly RequestSource[]): Set<Statement> {
  const seen = new Set<Statement>();
  const sole = new Set<Statement>();
  for (const source of sources) {
    for (const statement of source.statements) {
      if (!seen.has(statement)) {
        seen.add(statement);
        sole.add(statement);
      } else sole.delete(statement);
    }
  }
  return sole;
}

/** Results of evaluated requests by class and action, for one analysis. */
export interface SharedResults {
  /** The result for `source` and the table action `action` of `side`, evaluating only on a miss. */
  resultOf(cls: string | undefined, action: number, evaluate: () => AnalysisResult): { result: AnalysisResult; evaluated: boolean };
}

/** A fresh result store (one per analysis). */
export function createSharedResults(): SharedResults {
  // By class, then action: the class string is hashed once per lookup, no key concatenated per action.
  const cache = new Map<string, Map<number, AnalysisResult>>();
  return {
    resultOf(cls, action, evaluate) {
      if (cls === undefined) return { result: evaluate(), evaluated: true };
      let byAction = cache.get(cls);
      if (byAction === undefined) cache.set(cls, (byAction = new Map<number, AnalysisResult>()));
      const hit = byAction.get(action);
      if (hit !== undefined) return { result: hit, evaluated: false };
      const result = evaluate();
      byAction.set(action, result);
      return { result, evaluated: true };
    },
  };
}
