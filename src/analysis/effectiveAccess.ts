/**
 * Direct effective access: for every request source and every target, each action of the target's
 * catalog types evaluated three-valued, keeping the allowed and conditional ones. The prefilter
 * (`accessCandidates.ts`) decides which pairs and which action classes need an evaluation; `exact`
 * turns it off and evaluates the naive product (the oracle in tests). Cells whose two sides did not
 * change since the previous analysis are reused.
 */
import type { AnalysisResult } from '../engine/types';
import type { Statement } from '../model/policy';
import { candidateGroups, classify, grantMasks, namingMask, resourceMask, targetSide, type ActionClasses, type ActionGroup, type TargetSide } from './accessCandidates';
import type { AccessTarget } from './accessTargets';
import { blockerOf, isControlPolicyBlock } from './blockers';
import { explanationConditions } from './conditions';
import type { AnalysisEngine } from './engineApi';
import type { RequestSource } from './requestSources';
import type { ScenarioIndex } from './scenarioIndex';
import { resourceMatcher, specKeys } from './statementMatch';
import type { AccessGrant, AnalysisProgress, Blocker } from './types';
import { compareGrants } from './grants';

/** A resource-policy grant that a control policy stops (for `blocked-by-control-policy`). */
export interface ControlBlock {
  readonly source: string;
  readonly node: string;
  readonly action: string;
  readonly blocker: Blocker;
}

/** The cached result of one (source, target) cell. */
export interface AccessCell {
  readonly fingerprint: string;
  readonly actions: readonly AccessGrant[];
  readonly blocks: readonly ControlBlock[];
}

/** Inputs of the direct-access phase. */
export interface AccessInput {
  readonly index: ScenarioIndex;
  readonly engine: AnalysisEngine;
  readonly compiled: unknown;
  readonly sources: readonly RequestSource[];
  readonly targets: readonly AccessTarget[];
  /** Resource nodes that an active RAM association shares. */
  readonly sharedNodes: ReadonlySet<string>;
  /** Whether a source is a consumer of a share that holds the node. */
  readonly ramConsumer: (node: string, source: RequestSource) => boolean;
  readonly fingerprint: (source: RequestSource, target: AccessTarget) => string;
  readonly previous: ReadonlyMap<string, AccessCell> | undefined;
  /** Evaluate every action of every pair (no prefilter, no grouping). */
  readonly exact: boolean;
}

/** Outputs of the direct-access phase. */
export interface AccessOutput {
  /** By source, then resource node: the available actions, sorted by action then resource. */
  readonly byPair: Map<string, Map<string, AccessGrant[]>>;
  readonly cells: Map<string, AccessCell>;
  readonly blocks: ControlBlock[];
  readonly evaluations: number;
  readonly naive: number;
  readonly reused: number;
}

function liveStatements(document: { readonly valid: boolean; readonly statements: readonly Statement[] } | undefined): readonly Statement[] {
  return document !== undefined && document.valid ? document.statements : [];
}

function sidesOf(input: AccessInput): TargetSide[] {
  return input.targets.map((target) => {
    const rcp = input.index.controlLevels(target.account, 'RCP').flatMap((l) => l.sites.flatMap((s) => liveStatements(s.document)));
    const policy = liveStatements(input.index.resources.get(target.node)?.policy);
    return targetSide(target, policy, rcp, input.sharedNodes.has(target.node));
  });
}

/** Per source and table: action classes and identity-grant masks (shared by sources with the same statements). */
function principalClassCache(): (source: RequestSource, side: TargetSide, exact: boolean) => { classes: ActionClasses; grants: Int32Array } {
  const cache = new Map<string, { classes: ActionClasses; grants: Int32Array }>();
  return (source, side, exact) => {
    const key = `${source.sideKey}#${side.target.table.key}#${exact ? 1 : 0}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      const classes = classify(source.statements, side.target.table, exact);
      entry = { classes, grants: grantMasks(classes, source.allows, side.target.table) };
      cache.set(key, entry);
    }
    return entry;
  };
}

/** The pairs worth evaluating: same-account identity grants (by ARN prefix) and resource-policy grants. */
function candidatePairs(input: AccessInput, sides: readonly TargetSide[]): Map<RequestSource, Set<TargetSide>> {
  const pairs = new Map<RequestSource, Set<TargetSide>>();
  const add = (source: RequestSource, side: TargetSide): void => {
    let set = pairs.get(source);
    if (set === undefined) pairs.set(source, (set = new Set()));
    set.add(side);
  };
  if (input.exact) {
    for (const source of input.sources) for (const side of sides) add(source, side);
    return pairs;
  }
  const byAccount = new Map<string, TargetSide[]>();
  for (const side of sides) {
    const list = byAccount.get(side.target.account);
    if (list === undefined) byAccount.set(side.target.account, [side]);
    else list.push(side);
  }
  for (const list of byAccount.values()) list.sort((a, b) => (a.target.arn.toLowerCase() < b.target.arn.toLowerCase() ? -1 : 1));
  for (const source of input.sources) {
    const local = source.account === undefined ? undefined : byAccount.get(source.account);
    if (local === undefined || source.allows.length === 0) continue;
    const keys = local.map((side) => side.target.arn.toLowerCase());
    for (const statement of source.allows) {
      const matcher = resourceMatcher(statement);
      for (const prefix of matcher.everything ? [''] : matcher.prefixes) {
        for (let i = lowerBound(keys, prefix); i < keys.length && (keys[i] ?? '').startsWith(prefix); i++) {
          const side = local[i];
          if (side !== undefined && matcher.matches(side.target.arn)) add(source, side);
        }
      }
    }
  }
  const lookup = sourceLookup(input.sources);
  for (const side of sides) {
    for (const statement of side.grants) for (const source of lookup.named(statement)) add(source, side);
    if (side.shared) for (const source of input.sources) if (input.ramConsumer(side.target.node, source)) add(source, side);
  }
  return pairs;
}

/** Finds the sources a resource-policy statement may name without scanning every source. */
function sourceLookup(sources: readonly RequestSource[]): { named(statement: Statement): Iterable<RequestSource> } {
  const index = new Map<string, RequestSource[]>();
  const put = (key: string, source: RequestSource): void => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [source]);
    else list.push(source);
  };
  for (const source of sources) {
    const f = source.facts;
    put(`id:${f.id}`, source);
    if (f.userArn !== undefined) put(`id:${f.userArn}`, source);
    if (f.account !== undefined && f.service === undefined && !f.anonymous) put(`account:${f.account}`, source);
    if (f.roleKey !== undefined) put(`role:${f.roleKey}`, source);
    if (f.service !== undefined) put(`service:${f.service}`, source);
  }
  return {
    named(statement) {
      const keys = statement.principal === undefined || statement.notPrincipal !== undefined ? undefined : specKeys(statement.principal);
      if (keys === undefined) return sources;
      const found = new Set<RequestSource>();
      const collect = (key: string): void => {
        for (const s of index.get(key) ?? []) found.add(s);
      };
      for (const v of keys.exact) collect(`id:${v}`);
      for (const v of keys.accounts) collect(`account:${v}`);
      for (const v of keys.roleKeys) collect(`role:${v}`);
      for (const v of keys.services) collect(`service:${v}`);
      return found;
    },
  };
}

function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toGrant(target: AccessTarget, actions: readonly number[], result: AnalysisResult): AccessGrant {
  return {
    actions: actions.map((a) => target.table.actions[a] ?? '').sort(),
    resource: target.arn === target.node ? undefined : target.arn,
    decision: result.decision === 'Allow' ? 'allowed' : 'conditional',
    statements: result.explanation.deciding,
    conditions: result.decision === 'Conditional' ? explanationConditions(result.explanation) : [],
    via: undefined,
  };
}

function evaluateCell(input: AccessInput, source: RequestSource, side: TargetSide, groups: readonly ActionGroup[]): { cell: Omit<AccessCell, 'fingerprint'>; evaluations: number } {
  const actions: AccessGrant[] = [];
  const blocks: ControlBlock[] = [];
  const { target } = side;
  for (const group of groups) {
    const action = target.table.actions[group.representative] ?? '';
    const result = input.engine.evaluateForAnalysis(input.compiled, { principal: source.id, action, resource: target.arn });
    if (result.decision === 'Allow' || result.decision === 'Conditional') actions.push(toGrant(target, group.actions, result)); else if (group.granted && result.explanation.reason !== 'invalid-request') {
      const blocker = blockerOf(result);
      if (isControlPolicyBlock(blocker)) blocks.push({ source: source.id, node: target.node, action, blocker });
    }
  }
  return { cell: { actions, blocks }, evaluations: groups.length };
}

/** Runs the phase; yields progress every few sources. */
export function* directAccess(input: AccessInput): Generator<AnalysisProgress, AccessOutput, void> {
  const sides = sidesOf(input);
  const pairs = candidatePairs(input, sides);
  const classesOf = principalClassCache();
  const byPair = new Map<string, Map<string, AccessGrant[]>>();
  const cells = new Map<string, AccessCell>();
  const blocks: ControlBlock[] = [];
  let evaluations = 0;
  let reused = 0;
  let done = 0;
  for (const source of input.sources) {
    for (const side of pairs.get(source) ?? []) {
      const key = `${source.id}|${side.target.key}`;
      const fingerprint = input.fingerprint(source, side.target);
      let cell = input.previous?.get(key);
      if (cell !== undefined && cell.fingerprint === fingerprint) {
        reused += 1;
      } else {
        const evaluated = evaluateCell(input, source, side, groupsOf(input, classesOf, source, side));
        evaluations += evaluated.evaluations;
        cell = { fingerprint, ...evaluated.cell };
      }
      cells.set(key, cell);
      for (const block of cell.blocks) blocks.push(block);
      if (cell.actions.length > 0) {
        let own = byPair.get(source.id);
        if (own === undefined) byPair.set(source.id, (own = new Map<string, AccessGrant[]>()));
        const list = own.get(side.target.node);
        if (list === undefined) own.set(side.target.node, [...cell.actions]);
        else for (const access of cell.actions) list.push(access);
      }
    }
    done += 1;
    if (done % 16 === 0 || done === input.sources.length) yield { phase: 'access', done, total: input.sources.length };
  }
  for (const own of byPair.values()) for (const list of own.values()) list.sort(compareGrants);
  const naive = sides.reduce((sum, side) => sum + side.target.table.actions.length, 0) * input.sources.length;
  return { byPair, cells, blocks, evaluations, naive, reused };
}

function groupsOf(input: AccessInput, classesOf: ReturnType<typeof principalClassCache>, source: RequestSource, side: TargetSide): ActionGroup[] {
  const naming = namingMask(side, source, side.shared && input.ramConsumer(side.target.node, source));
  if (input.exact) return side.target.table.actions.map((_, a) => ({ representative: a, actions: [a], granted: naming !== 0 }));
  const { classes, grants } = classesOf(source, side, false);
  const sameAccount = source.account !== undefined && source.account === side.target.account;
  return candidateGroups(classes, grants, side, resourceMask(source, side.target), naming, sameAccount);
}
