/**
 * Direct effective access: for every request source and every target, each action of the target's
 * catalog types evaluated three-valued, keeping the allowed and conditional ones. The prefilter
 * (`accessCandidates.ts`) decides which pairs and which action classes need an evaluation; `exact`
 * turns it off and evaluates the naive product (the oracle in tests). Cells whose two sides did not
 * change since the previous analysis are reused.
 */
import type { AnalysisResult } from '../engine/types';
import type { Statement } from '../model/policy';
import { candidateGroups, classesKey, classify, grantMasks, lowerArn, namingMask, resourceMask, targetSide, type ActionClasses, type ActionGroup, type TargetSide } from './accessCandidates';
import { tableSignature, type AccessTarget } from './accessTargets';
import { blockerOf, isControlPolicyBlock } from './blockers';
import { cellClass, createSharedResults, soleStatements, type SharedResults } from './cellClasses';
import { explanationConditions } from './conditions';
import type { AnalysisEngine } from './engineApi';
import type { RequestSource } from './requestSources';
import type { ScenarioIndex } from './scenarioIndex';
import type { ActionTable } from './statementMatch';
import { lookupKeys, namingKeys, sourceLookup, statementId } from './requestSources';
import type { AccessGrant, AnalysisProgress, Blocker } from './types';
import { compareGrants } from './grants';
import { isIamCaller, openGrantIndex } from './openGrants';

/** A resource-policy grant that a control policy stops (for `blocked-by-control-policy`). */
export interface ControlBlock {
  readonly source: string;
  readonly node: string;
  readonly action: string;
  readonly blocker: Blocker;
}

/** The cached result of one (source, target) cell; `fingerprint` is the target side's. */
export interface AccessCell {
  readonly fingerprint: string;
  readonly grants: readonly AccessGrant[];
  readonly blocks: readonly ControlBlock[];
}

/** The cells of one source; `fingerprint` is the source side's. */
export interface SourceCells {
  readonly fingerprint: string;
  /** By target key. */
  readonly cells: Map<string, AccessCell>;
  /** The source's grants by resource node (what the join reads), and its control-policy blocks. */
  readonly byNode: ReadonlyMap<string, readonly AccessGrant[]>;
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
  readonly sourceFingerprint: (source: RequestSource) => string;
  readonly targetFingerprint: (target: AccessTarget) => string;
  readonly previous: ReadonlyMap<string, SourceCells> | undefined;
  /** The previous analysis's target fingerprints by target key, in target order, and its target sides. */
  readonly previousTargets: { readonly fingerprints: ReadonlyMap<string, string>; readonly sides: readonly TargetSide[] } | undefined;
  /** Evaluate every action of every pair (no prefilter, no grouping). */
  readonly exact: boolean;
  /** Share results between requests of one class (`cellClasses.ts`). */
  readonly shareClasses: boolean;
  /** The caller knows the targets and their sides equal `previousTargets` (an identity edit): not fingerprinted again. */
  readonly targetsKnownUnchanged?: boolean;
}

/** Outputs of the direct-access phase. */
export interface AccessOutput {
  /** By source, then resource node: the available grants, sorted. */
  readonly byPair: Map<string, ReadonlyMap<string, readonly AccessGrant[]>>;
  readonly cells: Map<string, SourceCells>;
  readonly blocks: ControlBlock[];
  readonly evaluations: number;
  readonly naive: number;
  readonly reused: number;
  /** Target fingerprints by target key, in target order, and the target sides (in target order). */
  readonly targetFingerprints: ReadonlyMap<string, string>;
  readonly sides: readonly TargetSide[];
  /** True when the targets, in order, and their fingerprints equal the previous analysis's. */
  readonly targetsUnchanged: boolean;
  /** True when the targets, in order, and their action tables equal the previous analysis's (level totals are then equal too). */
  readonly tablesUnchanged: boolean;
  /** The sources whose cells are not all reused from the previous analysis (their grants may differ). */
  readonly changed: Set<string>;
}

function liveStatements(document: { readonly valid: boolean; readonly statements: readonly Statement[] } | undefined): readonly Statement[] {
  return document !== undefined && document.valid ? document.statements : [];
}

function sidesOf(input: AccessInput): TargetSide[] {
  const cache = new Map<string, ActionClasses>();
  const classesOf = (statements: readonly Statement[], table: ActionTable, ungrouped: boolean): ActionClasses => {
    const key = `${statements.map(statementId).join(',')}#${table.key}#${ungrouped ? 1 : 0}`;
    let classes = cache.get(key);
    if (classes === undefined) cache.set(key, (classes = classify(statements, table, ungrouped)));
    return classes;
  };
  return input.targets.map((target) => {
    const rcp = input.index.controlLevels(target.account, 'RCP').flatMap((l) => l.sites.flatMap((s) => liveStatements(s.document)));
    const policy = liveStatements(input.index.resources.get(target.node)?.policy);
    return targetSide(target, policy, rcp, input.sharedNodes.has(target.node), classesOf);
  });
}

/** One principal side's classes for one table and its identity-grant masks. */
interface PrincipalClasses {
  readonly classes: ActionClasses;
  readonly grants: Int32Array;
}

/** Per source and table: action classes and identity-grant masks (shared by sources with the same statements). */
function principalClassCache(): (source: RequestSource, side: TargetSide, exact: boolean) => PrincipalClasses {
  // Two levels keyed by the existing strings (their hashes are cached): no key concatenated per pair.
  type Entry = PrincipalClasses;
  const caches = [new Map<string, Map<string, Entry>>(), new Map<string, Map<string, Entry>>()];
  const byKey = new Map<string, ActionClasses>();
  return (source, side, exact) => {
    const cache = caches[exact ? 1 : 0]!;
    let byTable = cache.get(source.sideKey);
    if (byTable === undefined) cache.set(source.sideKey, (byTable = new Map<string, Entry>()));
    const { table } = side.target;
    let entry = byTable.get(table.key);
    if (entry === undefined) {
      const key = exact ? undefined : classesKey(source.statements, table);
      let classes = key === undefined ? classify(source.statements, table, true) : byKey.get(key);
      if (classes === undefined) byKey.set(key ?? '', (classes = classify(source.statements, table)));
      entry = { classes, grants: grantMasks(classes, source.allows, table) };
      byTable.set(table.key, entry);
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
  const { byAccount, keysOf } = sidesByAccount(sides);
  for (const source of input.sources) {
    const local = source.account === undefined ? undefined : byAccount.get(source.account);
    const keys = source.account === undefined ? undefined : keysOf.get(source.account);
    if (local === undefined || keys === undefined || source.allows.length === 0) continue;
    for (const matcher of source.allowMatchers) {
      for (const prefix of matcher.everything ? [''] : matcher.prefixes) {
        for (let i = lowerBound(keys, prefix); i < keys.length && (keys[i] ?? '').startsWith(prefix); i++) {
          const side = local[i];
          if (side !== undefined && matcher.matchesLower(keys[i] ?? '')) add(source, side);
        }
      }
    }
  }
  const lookup = sourceLookup(input.sources);
  const open = openGrantIndex(input.sources);
  for (const side of input.sources.length > FEW_SOURCES ? sides : sidesThatMayName(sides, input.sources)) {
    const lower = lowerArn(side.target);
    const consider = (source: RequestSource): void => {
      if (!identityRequired(source, side) || resourceMask(source, lower) !== 0) add(source, side);
    };
    let opened = false;
    for (const statement of side.grants) {
      const named = lookup.named(statement);
      // A grant to anyone: the index yields exactly the sources `consider` would keep (once per side suffices).
      if (named === input.sources) {
        if (!opened) open.sourcesFor(side.target.account, lower, (source) => add(source, side));
        opened = true;
      } else for (const source of named) consider(source);
    }
    if (side.shared) for (const source of input.sources) if (input.ramConsumer(side.target.node, source)) consider(source);
  }
  return pairs;
}

const accountSides = new WeakMap<readonly TargetSide[], { byAccount: Map<string, TargetSide[]>; keysOf: Map<string, string[]> }>();

/**
 * The sides of each account sorted by lower-cased ARN, with those ARNs: once per list of sides (an
 * identity edit reuses the previous analysis's list, and its pairs then cost the edited sources only).
 */
function sidesByAccount(sides: readonly TargetSide[]): { byAccount: Map<string, TargetSide[]>; keysOf: Map<string, string[]> } {
  const known = accountSides.get(sides);
  if (known !== undefined) return known;
  const byAccount = new Map<string, TargetSide[]>();
  for (const side of sides) {
    const list = byAccount.get(side.target.account);
    if (list === undefined) byAccount.set(side.target.account, [side]);
    else list.push(side);
  }
  // Lower-cased ARNs per account, computed once (not once per source: that is sources × targets).
  const keysOf = new Map<string, string[]>();
  for (const [account, list] of byAccount) {
    list.sort((a, b) => (lowerArn(a.target) < lowerArn(b.target) ? -1 : 1));
    keysOf.set(account, list.map((side) => lowerArn(side.target)));
  }
  const out = { byAccount, keysOf };
  accountSides.set(sides, out);
  return out;
}

/** Up to this many sources (an identity edit's), pairs visit only the sides that may name one of them. */
const FEW_SOURCES = 64;

const grantIndexes = new WeakMap<readonly TargetSide[], { byKey: Map<string, number[]>; always: number[] }>();

/**
 * The sides whose resource-policy grants may name one of `sources`, in side order: those naming one of
 * their lookup keys, those granting anyone (or with `NotPrincipal`) and RAM-shared ones. Every other
 * side adds no pair for these sources in `candidatePairs`, so skipping it changes nothing; the index
 * is built once per side list (an identity edit reuses the previous one).
 */
function sidesThatMayName(sides: readonly TargetSide[], sources: readonly RequestSource[]): TargetSide[] {
  let index = grantIndexes.get(sides);
  if (index === undefined) {
    const byKey = new Map<string, number[]>();
    const always: number[] = [];
    sides.forEach((side, i) => {
      let anyone = side.shared;
      for (const statement of side.grants) {
        const keys = namingKeys(statement);
        if (keys === undefined) anyone = true;
        else for (const key of keys) {
          const list = byKey.get(key);
          if (list === undefined) byKey.set(key, [i]);
          else if (list[list.length - 1] !== i) list.push(i);
        }
      }
      if (anyone) always.push(i);
    });
    grantIndexes.set(sides, (index = { byKey, always }));
  }
  const found = new Set<number>(index.always);
  for (const source of sources) for (const key of lookupKeys(source)) for (const i of index.byKey.get(key) ?? []) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => sides[i] as TargetSide);
}

/** True for an IAM caller from another account: a resource-policy grant then also needs an identity Allow. */
function identityRequired(source: RequestSource, side: TargetSide): boolean {
  return isIamCaller(source) && source.account !== side.target.account;
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

function toGrant(target: AccessTarget, group: ActionGroup, result: AnalysisResult, intern: Map<string, readonly string[]>): AccessGrant {
  let actions = group.key === undefined ? undefined : intern.get(group.key);
  if (actions === undefined) {
    actions = group.actions.map((a) => target.table.actions[a] ?? '').sort();
    if (group.key !== undefined) intern.set(group.key, actions);
  }
  return {
    actions,
    resource: target.arn === target.node ? undefined : target.arn,
    decision: result.decision === 'Allow' ? 'allowed' : 'conditional',
    statements: result.explanation.deciding,
    conditions: result.decision === 'Conditional' ? explanationConditions(result.explanation) : [],
    via: undefined,
  };
}

/** The blocks of a cell without any (most cells): one shared empty list, since the snapshot keeps every cell. */
const NO_BLOCKS: readonly ControlBlock[] = Object.freeze([]);

function evaluateCell(input: AccessInput, source: RequestSource, side: TargetSide, groups: readonly ActionGroup[], intern: Map<string, readonly string[]>, shared: SharedResults, sole: ReadonlySet<Statement>): { grants: AccessGrant[]; blocks: readonly ControlBlock[]; evaluations: number } {
  const grants: AccessGrant[] = [];
  const blocks: ControlBlock[] = [];
  const { target } = side;
  const cls = input.exact || !input.shareClasses || groups.length === 0 ? undefined : cellClass(source, side, input.index.resources.get(target.node), sole);
  let evaluations = 0;
  for (const group of groups) {
    const action = target.table.actions[group.representative] ?? '';
    const found = shared.resultOf(cls, group.representative, () => input.engine.evaluateForAnalysis(input.compiled, { principal: source.id, action, resource: target.arn }));
    const result = found.result;
    if (found.evaluated) evaluations += 1;
    if (result.decision === 'Allow' || result.decision === 'Conditional') {
      if (side.perAction) for (const a of group.actions) grants.push(toGrant(target, { key: undefined, representative: a, actions: [a], granted: group.granted }, result, intern));
      else grants.push(toGrant(target, group, result, intern));
    } else if (group.granted && result.explanation.reason !== 'invalid-request') {
      const blocker = blockerOf(result);
      if (!isControlPolicyBlock(blocker)) continue;
      if (side.perAction) for (const a of group.actions) blocks.push({ source: source.id, node: target.node, action: target.table.actions[a] ?? '', blocker });
      else blocks.push({ source: source.id, node: target.node, action, blocker });
    }
  }
  return { grants: grants.sort(compareGrants), blocks: blocks.length === 0 ? NO_BLOCKS : blocks, evaluations };
}

function addGrants(own: Map<string, readonly AccessGrant[]>, node: string, grants: readonly AccessGrant[]): void {
  const list = own.get(node);
  own.set(node, list === undefined ? grants : [...list, ...grants].sort(compareGrants));
}

/** Target fingerprints by key, in target order, and whether they equal the previous analysis's. */
function targetPrints(input: AccessInput): { prints: ReadonlyMap<string, string>; unchanged: boolean } {
  if (input.targetsKnownUnchanged === true && input.previousTargets !== undefined) return { prints: input.previousTargets.fingerprints, unchanged: true };
  const prints = new Map<string, string>();
  for (const target of input.targets) prints.set(target.key, input.targetFingerprint(target));
  const before = input.previousTargets?.fingerprints;
  if (before === undefined || before.size !== prints.size) return { prints, unchanged: false };
  const old = before.entries();
  for (const [key, fp] of prints) {
    const next = old.next();
    if (next.done === true || next.value[0] !== key || next.value[1] !== fp) return { prints, unchanged: false };
  }
  return { prints, unchanged: true };
}

/** Whether the targets have the previous analysis's keys and tables, in order. */
function sameTables(input: AccessInput): boolean {
  const before = input.previousTargets?.sides;
  if (before === undefined || before.length !== input.targets.length) return false;
  return input.targets.every((target, i) => {
    const old = before[i]?.target;
    return old !== undefined && old.key === target.key && old.node === target.node && tableSignature(old) === tableSignature(target);
  });
}

/**
 * The previous cells of each source whose side is unchanged, when every target is unchanged too:
 * its candidate pairs are then exactly its previous cells (pair selection depends on the two sides only).
 */
function unchangedSources(input: AccessInput, targetsUnchanged: boolean): Map<string, SourceCells> {
  const out = new Map<string, SourceCells>();
  if (!targetsUnchanged || input.previous === undefined) return out;
  for (const source of input.sources) {
    const before = input.previous.get(source.id);
    if (before !== undefined && before.fingerprint === input.sourceFingerprint(source)) out.set(source.id, before);
  }
  return out;
}

/** The cells of one source over its candidate pairs, reusing the previous cells whose two sides are unchanged. */
function sourceCells(
  input: AccessInput,
  source: RequestSource,
  sides: Iterable<TargetSide>,
  targetFps: ReadonlyMap<string, string>,
  caches: { classesOf: ReturnType<typeof principalClassCache>; intern: Map<string, readonly string[]>; shared: SharedResults; sole: ReadonlySet<Statement> },
): { cells: SourceCells; evaluations: number; reused: number; changed: boolean } {
  const fingerprint = input.sourceFingerprint(source);
  const before = input.previous?.get(source.id);
  const usable = before !== undefined && before.fingerprint === fingerprint ? before.cells : undefined;
  const byNode = new Map<string, readonly AccessGrant[]>();
  const mine: SourceCells = { fingerprint, cells: new Map(), byNode, blocks: [] };
  const blocks: ControlBlock[] = [];
  let fresh = usable === undefined;
  const groupMemo = new Map<string, ActionGroup[]>();
  let evaluations = 0;
  let reused = 0;
  for (const side of sides) {
    const targetFp = targetFps.get(side.target.key) ?? '';
    let cell = usable?.get(side.target.key);
    if (cell !== undefined && cell.fingerprint === targetFp) {
      reused += 1;
    } else {
      const groups = groupsOf(input, caches.classesOf, source, side, groupMemo);
      const { grants, blocks: cellBlocks, evaluations: n } = evaluateCell(input, source, side, groups, caches.intern, caches.shared, caches.sole);
      cell = { fingerprint: targetFp, grants, blocks: cellBlocks };
      evaluations += n;
      fresh = true;
    }
    mine.cells.set(side.target.key, cell);
    for (const block of cell.blocks) blocks.push(block);
    if (cell.grants.length > 0) addGrants(byNode, side.target.node, cell.grants);
  }
  return { cells: { ...mine, blocks }, evaluations, reused, changed: fresh || mine.cells.size !== usable?.size };
}

/** Runs the phase; yields progress every few sources. */
export function* directAccess(input: AccessInput): Generator<AnalysisProgress, AccessOutput, void> {
  const { prints: targetFps, unchanged: targetsUnchanged } = targetPrints(input);
  // Unchanged targets have equal sides: the previous ones serve (their statements are the previous
  // parse's, equal in content; evaluation goes through the new compiled scenario by ARN).
  const sides = targetsUnchanged && input.previousTargets !== undefined ? input.previousTargets.sides : sidesOf(input);
  const kept = unchangedSources(input, targetsUnchanged);
  const pairs = candidatePairs(kept.size === 0 ? input : { ...input, sources: input.sources.filter((s) => !kept.has(s.id)) }, sides);
  const classesOf = principalClassCache();
  const intern = new Map<string, readonly string[]>();
  const shared = createSharedResults();
  const sole = soleStatements(input.sources);
  const byPair = new Map<string, ReadonlyMap<string, readonly AccessGrant[]>>();
  const cells = new Map<string, SourceCells>();
  const blocks: ControlBlock[] = [];
  const changed = new Set<string>();
  let evaluations = 0;
  let reused = 0;
  let done = 0;
  for (const source of input.sources) {
    const unchanged = kept.get(source.id);
    if (unchanged !== undefined) {
      // INVARIANT: an unchanged source against unchanged targets has its previous cells, grants and blocks.
      cells.set(source.id, unchanged);
      reused += unchanged.cells.size;
      for (const block of unchanged.blocks) blocks.push(block);
      if (unchanged.byNode.size > 0) byPair.set(source.id, unchanged.byNode);
    } else {
      const out = sourceCells(input, source, pairs.get(source) ?? [], targetFps, { classesOf, intern, shared, sole });
      // Done with this source's pairs: dropped now rather than with the phase (~450k entries at L).
      pairs.delete(source);
      cells.set(source.id, out.cells);
      for (const block of out.cells.blocks) blocks.push(block);
      if (out.cells.byNode.size > 0) byPair.set(source.id, out.cells.byNode);
      evaluations += out.evaluations;
      reused += out.reused;
      if (out.changed) changed.add(source.id);
    }
    done += 1;
    if (done % 16 === 0 || done === input.sources.length) yield { phase: 'access', done, total: input.sources.length };
  }
  const naive = sides.reduce((sum, side) => sum + side.target.table.actions.length, 0) * input.sources.length;
  return { byPair, cells, blocks, evaluations, naive, reused, targetFingerprints: targetFps, sides, targetsUnchanged, tablesUnchanged: targetsUnchanged || sameTables(input), changed };
}

/**
 * The action groups of one pair; `memo` (one source's) shares them between its targets with equal
 * classes and masks, since `candidateGroups` depends on nothing else. Per source, not per analysis:
 * held for every source, the lists raised the bench's L peak by ~250 MB.
 */
function groupsOf(input: AccessInput, classesOf: ReturnType<typeof principalClassCache>, source: RequestSource, side: TargetSide, memo: Map<string, ActionGroup[]>): ActionGroup[] {
  const naming = namingMask(side, source, side.shared && input.ramConsumer(side.target.node, source));
  if (input.exact) return side.target.table.actions.map((_, a) => ({ key: undefined, representative: a, actions: [a], granted: naming !== 0 }));
  const { classes, grants } = classesOf(source, side, false);
  const sameAccount = source.account !== undefined && source.account === side.target.account;
  const resMask = resourceMask(source, lowerArn(side.target));
  const required = identityRequired(source, side);
  // INVARIANT: sides share a classes object only when they have the same statements, table and `shared`
  // flag (`sidesOf`), hence the same grant masks: with the masks and flags, that determines the groups.
  const key = `${classes.id},${side.classes.id},${resMask},${naming},${sameAccount ? 1 : 0}${required ? 1 : 0}`;
  let found = memo.get(key);
  if (found === undefined) memo.set(key, (found = candidateGroups(classes, grants, side, resMask, naming, sameAccount, required)));
  return found;
}
