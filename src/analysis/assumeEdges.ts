/**
 * `can-assume` edges (SEMANTICS §7.3): for every (caller, role) pair whose trust policy has an Allow
 * that may name the caller, one three-valued evaluation of `sts:AssumeRole` (or the web-identity / SAML
 * variant for identity providers). A trust policy is always required, so pairs without such a statement
 * can never be allowed and are skipped; the prefilter is exact for allowed and conditional edges.
 */
import { parseIamArn } from '../model/arns';
import type { Statement } from '../model/policy';
import { blockerOf } from './blockers';
import { callerClass, looksAtCaller } from './callerClasses';
import { explanationConditions } from './conditions';
import type { AnalysisEngine } from './engineApi';
import { sourceLookup, type RequestSource } from './requestSources';
import type { ScenarioIndex } from './scenarioIndex';
import { edgeId } from './staticEdges';
import { specMayName, specNamesDirectly, statementCoversAction } from './statementMatch';
import type { AnalysisProgress, AssumeAction, CanAssumeEdge, GraphNode } from './types';

/** The cached result of one (caller, role) cell. */
export interface AssumeCell {
  readonly fingerprint: string;
  readonly edge: CanAssumeEdge | undefined;
}

/** Inputs of the trust phase. */
export interface AssumeInput {
  readonly index: ScenarioIndex;
  readonly engine: AnalysisEngine;
  readonly compiled: unknown;
  readonly sources: readonly RequestSource[];
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** The caller side of a cell (a request source or an identity provider). */
  readonly callerFingerprint: (caller: string) => string;
  /** The role side of a cell. */
  readonly roleFingerprint: (role: string) => string;
  readonly previous: AssumeOutput | undefined;
  /** Evaluate every (caller, role) pair, not only those a trust statement may name (test oracle). */
  readonly exact: boolean;
}

/** Outputs of the trust phase. */
export interface AssumeOutput {
  readonly edges: CanAssumeEdge[];
  /** Per role: its fingerprint, its cells and its edges, in order (for the next analysis). */
  readonly byRole: Map<string, RoleCells>;
  /** The callers in order with their fingerprints. */
  readonly callers: Map<string, string>;
  readonly evaluations: number;
  readonly reused: number;
}

/** The cells of one role. */
export interface RoleCells {
  readonly fingerprint: string;
  /** The caller of each cell, in the order of `cells`. */
  readonly callers: readonly string[];
  /**
   * The cells, one per candidate caller. Kept with the role (not in one map keyed by pair) so that an
   * edit copies the records of the roles it touches and shares the rest.
   */
  readonly cells: readonly AssumeCell[];
  readonly edges: readonly CanAssumeEdge[];
}

/** The previous cell of `caller` in a role's record (cells keep candidate order, so usually the next one). */
function previousCell(
  before: RoleCells | undefined,
  caller: string,
  at: { next: number },
): AssumeCell | undefined {
  if (before === undefined) return undefined;
  const i = before.callers[at.next] === caller ? at.next : before.callers.indexOf(caller);
  if (i < 0) return undefined;
  at.next = i + 1;
  return before.cells[i];
}

/** Why a denied pair still gets a (blocked) edge: the trust names the caller and something else stops it. */
const BLOCKING_REASONS: ReadonlySet<string> = new Set([
  'explicit-deny',
  'scp',
  'rcp',
  'boundary',
  'session',
  'identity',
]);

interface Caller {
  readonly id: string;
  readonly action: AssumeAction;
  readonly chained: boolean;
  readonly source: RequestSource | undefined;
}

function callersOf(input: AssumeInput): Caller[] {
  const callers: Caller[] = input.sources
    .filter((s) => s.kind !== 'anonymous')
    .map((source) => ({
      id: source.id,
      action: 'sts:AssumeRole',
      chained:
        source.kind === 'role' ||
        (source.kind === 'session' && source.owner !== undefined && source.owner.includes(':role/')),
      source,
    }));
  for (const node of input.nodes.values()) {
    if (node.kind !== 'idp') continue;
    const saml = parseIamArn(node.id)?.kind === 'saml-provider';
    callers.push({
      id: node.id,
      action: saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity',
      chained: false,
      source: undefined,
    });
  }
  return callers;
}

/** How a trust statement names the caller: `direct` (its ARN or role), `account`, `wildcard`, or not at all. */
function naming(statement: Statement, caller: Caller): 'direct' | 'account' | 'wildcard' | undefined {
  const spec = statement.principal;
  if (spec === undefined || statement.effect !== 'Allow' || !statementCoversAction(statement, caller.action))
    return undefined;
  if (caller.source === undefined)
    return spec.Federated.includes(caller.id) ? 'direct' : spec.wildcard ? 'wildcard' : undefined;
  if (!specMayName(spec, caller.source.facts)) return undefined;
  if (spec.wildcard) return 'wildcard';
  const account = caller.source.account;
  const byAccount =
    account !== undefined && spec.AWS.some((v) => v === account || v.endsWith(`:iam::${account}:root`));
  const direct = specNamesDirectly(spec, caller.source.facts) || caller.source.facts.service !== undefined;
  return direct ? 'direct' : byAccount ? 'account' : 'wildcard';
}

function strongest(
  statements: readonly Statement[],
  caller: Caller,
): 'direct' | 'account' | 'wildcard' | undefined {
  let best: 'direct' | 'account' | 'wildcard' | undefined;
  for (const statement of statements) {
    const n = naming(statement, caller);
    if (n === 'direct') return n;
    if (n === 'account' || (n === 'wildcard' && best === undefined)) best = n;
  }
  return best;
}

function evaluatePair(
  input: AssumeInput,
  caller: Caller,
  role: string,
  named: 'direct' | 'account' | 'wildcard' | undefined,
): CanAssumeEdge | undefined {
  const result = input.engine.evaluateForAnalysis(
    input.compiled,
    { principal: caller.id, action: caller.action, resource: role },
    { chained: caller.chained },
  );
  const base = {
    id: edgeId('can-assume', caller.id, role),
    kind: 'can-assume',
    source: caller.id,
    target: role,
    action: caller.action,
    chained: caller.chained,
  } as const;
  if (result.decision === 'Allow' || result.decision === 'Conditional') {
    const conditions = result.decision === 'Conditional' ? explanationConditions(result.explanation) : [];
    return {
      ...base,
      decision: result.decision === 'Allow' ? 'allowed' : 'conditional',
      conditions,
      statements: result.explanation.deciding,
      blockedBy: undefined,
    };
  }
  const reason = result.explanation.reason;
  if (
    named === undefined ||
    named === 'wildcard' ||
    !BLOCKING_REASONS.has(reason) ||
    (reason === 'identity' && named !== 'direct')
  )
    return undefined;
  const blocker = blockerOf(result);
  return { ...base, decision: 'blocked', conditions: [], statements: blocker.statements, blockedBy: blocker };
}

/** The callers a trust policy may name, in caller order (sources first, then identity providers). */
function candidates(
  trust: readonly Statement[],
  lookup: ReturnType<typeof sourceLookup>,
  bySource: ReadonlyMap<RequestSource, Caller>,
  idps: readonly Caller[],
): Caller[] {
  const found = new Set<Caller>();
  for (const statement of trust) {
    if (statement.effect !== 'Allow' || statement.principal === undefined) continue;
    for (const source of lookup.named(statement)) {
      const caller = bySource.get(source);
      if (caller !== undefined) found.add(caller);
    }
    for (const idp of idps)
      if (statement.principal.wildcard || statement.principal.Federated.includes(idp.id)) found.add(idp);
  }
  return [...found];
}

/**
 * The callers whose side changed since the previous analysis (new, removed or re-fingerprinted), or
 * `undefined` when the callers are not the same list in the same order (then no role is reused whole).
 */
function changedCallers(
  callers: ReadonlyMap<string, string>,
  before: ReadonlyMap<string, string> | undefined,
): Set<string> | undefined {
  if (before === undefined) return undefined;
  const changed = new Set<string>();
  const kept: string[] = [];
  for (const [id, fp] of callers) {
    const old = before.get(id);
    if (old === undefined || old !== fp) changed.add(id);
    if (old !== undefined) kept.push(id);
  }
  const previousKept: string[] = [];
  for (const id of before.keys()) {
    if (!callers.has(id)) changed.add(id);
    else previousKept.push(id);
  }
  return kept.every((id, i) => previousKept[i] === id) ? changed : undefined;
}

/** Runs the phase; yields progress every few roles. */
export function* assumeEdges(input: AssumeInput): Generator<AnalysisProgress, AssumeOutput, void> {
  const callers = callersOf(input);
  const edges: CanAssumeEdge[] = [];
  const byRole = new Map<string, RoleCells>();
  const callerFps = new Map(callers.map((c) => [c.id, input.callerFingerprint(c.id)]));
  const changed = changedCallers(callerFps, input.previous?.callers);
  const changedList = changed === undefined ? [] : callers.filter((c) => changed.has(c.id));
  let evaluations = 0;
  let reused = 0;
  let done = 0;
  const roles = [...input.index.roles.values()];
  const lookup = sourceLookup(input.sources);
  const bySource = new Map(callers.flatMap((c) => (c.source === undefined ? [] : [[c.source, c] as const])));
  const idps = callers.filter((c) => c.source === undefined);
  for (const role of roles) {
    const trust = role.trustPolicy !== undefined && role.trustPolicy.valid ? role.trustPolicy.statements : [];
    const roleFp = input.roleFingerprint(role.arn);
    const before = input.previous?.byRole.get(role.arn);
    // INVARIANT: a role whose side is unchanged, none of whose cells' callers changed, and that names no
    // changed caller has exactly its previous cells and edges, in the same order.
    if (
      changed !== undefined &&
      before !== undefined &&
      before.fingerprint === roleFp &&
      (changed.size === 0 || before.callers.every((c) => !changed.has(c))) &&
      changedList.every((c) => strongest(trust, c) === undefined)
    ) {
      for (const edge of before.edges) edges.push(edge);
      byRole.set(role.arn, before);
      reused += before.cells.length;
    } else {
      const out = evaluateRole(
        input,
        role.arn,
        trust,
        input.exact ? callers : candidates(trust, lookup, bySource, idps),
        { roleFp, callerFps, before },
      );
      evaluations += out.evaluations;
      reused += out.reused;
      for (const edge of out.record.edges) edges.push(edge);
      byRole.set(role.arn, out.record);
    }
    done += 1;
    if (done % 32 === 0 || done === roles.length) yield { phase: 'trust', done, total: roles.length };
  }
  return { edges, byRole, callers: callerFps, evaluations, reused };
}

function evaluateRole(
  input: AssumeInput,
  roleArn: string,
  trust: readonly Statement[],
  candidateCallers: readonly Caller[],
  at: { roleFp: string; callerFps: ReadonlyMap<string, string>; before: RoleCells | undefined },
): { record: RoleCells; evaluations: number; reused: number } {
  const rcp = input.index
    .controlLevels(roleArn.split(':')[4] ?? '', 'RCP')
    .flatMap((l) => l.sites.flatMap((s) => (s.document.valid ? s.document.statements : [])));
  const shareable = !input.exact && !looksAtCaller([...trust, ...rcp]);
  const byClass = new Map<string, CanAssumeEdge | undefined>();
  const cells: AssumeCell[] = [];
  const callerIds: string[] = [];
  const edges: CanAssumeEdge[] = [];
  const cursor = { next: 0 };
  let evaluations = 0;
  let reused = 0;
  for (const caller of candidateCallers) {
    const named = strongest(trust, caller);
    if (named === undefined && !input.exact) continue;
    const fingerprint = `${at.callerFps.get(caller.id) ?? ''}#${at.roleFp}`;
    let cell = previousCell(at.before, caller.id, cursor);
    if (cell !== undefined && cell.fingerprint === fingerprint) reused += 1;
    else {
      const cls =
        shareable && caller.source !== undefined
          ? callerClass(caller.source, input.index.principals.has(caller.id))
          : undefined;
      const cached = cls === undefined ? undefined : byClass.get(cls);
      if (cls !== undefined && byClass.has(cls)) {
        cell = {
          fingerprint,
          edge:
            cached === undefined
              ? undefined
              : { ...cached, id: edgeId('can-assume', caller.id, roleArn), source: caller.id },
        };
      } else {
        cell = { fingerprint, edge: evaluatePair(input, caller, roleArn, named) };
        evaluations += 1;
        if (cls !== undefined) byClass.set(cls, cell.edge);
      }
    }
    cells.push(cell);
    callerIds.push(caller.id);
    if (cell.edge !== undefined) edges.push(cell.edge);
  }
  return { record: { fingerprint: at.roleFp, callers: callerIds, cells, edges }, evaluations, reused };
}

const BY_SOURCE = new WeakMap<readonly CanAssumeEdge[], ReadonlyMap<string, readonly CanAssumeEdge[]>>();

/**
 * Every `can-assume` edge of a trust phase by caller (blocked ones included), in the order of `edges`:
 * built once per output, and by `patchAssumeEdges` from the previous one.
 */
export function edgesBySource(output: AssumeOutput): ReadonlyMap<string, readonly CanAssumeEdge[]> {
  const known = BY_SOURCE.get(output.edges);
  if (known !== undefined) return known;
  const map = new Map<string, CanAssumeEdge[]>();
  for (const edge of output.edges) {
    const list = map.get(edge.source);
    if (list === undefined) map.set(edge.source, [edge]);
    else list.push(edge);
  }
  BY_SOURCE.set(output.edges, map);
  return map;
}

/**
 * The trust phase after an edit that changed only the identity side of `affected` declared callers
 * (roles' trust policies, tags and control policies unchanged): every role keeps its candidate callers,
 * in order, and only the cells of affected callers are evaluated again. Equal to `assumeEdges` with
 * the same previous output.
 */
export function patchAssumeEdges(
  input: AssumeInput & { readonly previous: AssumeOutput },
  affected: ReadonlyMap<string, RequestSource>,
): AssumeOutput {
  const callerFps = new Map(input.previous.callers);
  const callers = new Map<string, Caller>();
  for (const [id, source] of affected) {
    callerFps.set(id, input.callerFingerprint(id));
    callers.set(id, {
      id,
      action: 'sts:AssumeRole',
      chained:
        source.kind === 'role' ||
        (source.kind === 'session' && source.owner !== undefined && source.owner.includes(':role/')),
      source,
    });
  }
  const byRole = new Map<string, RoleCells>();
  const edges: CanAssumeEdge[] = [];
  // Only affected callers' edges change: the others' lists are the previous ones.
  const bySource = new Map(edgesBySource(input.previous));
  for (const id of affected.keys()) bySource.delete(id);
  const fresh = new Map<string, CanAssumeEdge[]>();
  let evaluations = 0;
  let reused = 0;
  for (const role of input.index.roles.values()) {
    const before = input.previous.byRole.get(role.arn);
    if (before === undefined)
      throw new Error('invariant: an identity edit keeps every role, so each has a previous record');
    if (!before.callers.some((c) => affected.has(c))) {
      byRole.set(role.arn, before);
      for (const edge of before.edges) edges.push(edge);
      reused += before.cells.length;
      continue;
    }
    const trust = role.trustPolicy !== undefined && role.trustPolicy.valid ? role.trustPolicy.statements : [];
    const mine: CanAssumeEdge[] = [];
    const cells = before.cells.map((old, i) => {
      const caller = callers.get(before.callers[i] ?? '');
      let cell = old;
      if (caller !== undefined) {
        cell = {
          fingerprint: `${callerFps.get(caller.id) ?? ''}#${before.fingerprint}`,
          edge: evaluatePair(input, caller, role.arn, strongest(trust, caller)),
        };
        evaluations += 1;
      } else reused += 1;
      if (cell.edge !== undefined) mine.push(cell.edge);
      return cell;
    });
    byRole.set(role.arn, { ...before, cells, edges: mine });
    for (const edge of mine) {
      edges.push(edge);
      if (!affected.has(edge.source)) continue;
      const list = fresh.get(edge.source);
      if (list === undefined) fresh.set(edge.source, [edge]);
      else list.push(edge);
    }
  }
  for (const [id, list] of fresh) bySource.set(id, list);
  BY_SOURCE.set(edges, bySource);
  return { edges, byRole, callers: callerFps, evaluations, reused };
}
