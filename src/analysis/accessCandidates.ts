/**
 * The prefilter of effective access: which (source, target) pairs can possibly yield access, and which
 * of a target's actions behave alike for a pair.
 *
 * A request can only be allowed when an Allow grants it (SEMANTICS §2.4): an identity Allow whose
 * Resource covers the target, in the same account; or a resource-policy Allow (or RAM share) that may
 * name the caller, in any account. Pairs with neither are skipped. For the rest, actions are split into
 * classes: two actions are in one class when they have the same engine signature (`actionSignature`:
 * what the engine looks at in an action besides statement coverage) and every statement on the
 * principal's side and every statement on the resource's side covers both or neither, so the engine
 * decides them alike and one evaluation per class suffices. Targets that RAM shares (whose synthetic
 * statements analysis cannot see) are not grouped.
 */
import { KMS_CROSS_ACCOUNT_ACTIONS } from '../engine/data/kmsCrossAccount';
import type { Statement } from '../model/policy';
import type { AccessTarget } from './accessTargets';
import type { RequestSource } from './requestSources';
import { actionMatches, patternKey, statementMayName, type ActionTable } from './statementMatch';

/** Bit for statements beyond the 30 that get their own bit, and for RAM grants. */
export const OVERFLOW_BIT = 1 << 30;

function bit(i: number): number {
  return i < 30 ? 1 << i : OVERFLOW_BIT;
}

/** Per-action classes of one side for one table. */
export interface ActionClasses {
  /** Identifies these classes (for interning the action lists of groups). */
  readonly id: number;
  /** Class of each action of the table. */
  readonly classOf: Int32Array;
  /** For each class: its first action's index. */
  readonly representative: readonly number[];
}

let nextClassesId = 1;

/**
 * What the engine looks at in an action apart from which statements cover it: the service (RCP
 * support, trust and KMS key rules, `kms:CallerAccount`), for KMS whether a principal of another
 * account may call it [KMS-XACCT] and the RCP exemption of `RetireGrant`, and for STS the action itself
 * (role assumption variants, implied actions).
 */
export function actionSignature(action: string): string {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  const service = lower.slice(0, Math.max(colon, 0));
  const name = lower.slice(colon + 1);
  if (service === 'kms') return `kms:${KMS_CROSS_ACCOUNT_ACTIONS.has(name) ? 'x' : ''}${name === 'retiregrant' ? 'r' : ''}`;
  if (service === 'sts') return lower;
  return service;
}

const signatureCache = new WeakMap<readonly string[], Int32Array>();

/** The partition of a table's actions by `actionSignature` (cached per action list). */
function signatureClasses(table: ActionTable): Int32Array {
  let classOf = signatureCache.get(table.actions);
  if (classOf === undefined) {
    const ids = new Map<string, number>();
    classOf = new Int32Array(table.actions.length);
    for (let i = 0; i < table.actions.length; i++) {
      const signature = actionSignature(table.actions[i] ?? '');
      let id = ids.get(signature);
      if (id === undefined) ids.set(signature, (id = ids.size));
      classOf[i] = id;
    }
    signatureCache.set(table.actions, classOf);
  }
  return classOf;
}

/** Splits the actions of `table` by their engine signature and by which of `statements` cover them. */
export function classify(statements: readonly Statement[], table: ActionTable, ungrouped = false): ActionClasses {
  const n = table.actions.length;
  let classOf = new Int32Array(n);
  if (ungrouped) {
    for (let i = 0; i < n; i++) classOf[i] = i;
  } else {
    classOf = signatureClasses(table).slice();
    for (const statement of statements) {
      const bits = actionMatches(statement, table);
      const remap = new Map<number, number>();
      const next = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const key = (classOf[i] ?? 0) * 2 + (bits[i] ?? 0);
        let id = remap.get(key);
        if (id === undefined) {
          id = remap.size;
          remap.set(key, id);
        }
        next[i] = id;
      }
      classOf = next;
    }
  }
  const representative: number[] = [];
  for (let i = 0; i < n; i++) if (representative[classOf[i] ?? 0] === undefined) representative[classOf[i] ?? 0] = i;
  return { id: nextClassesId++, classOf, representative };
}

/**
 * What `classify(statements, table)` depends on, as text: the table and the Action elements of the
 * statements that split it (cover some but not all of its actions; the others split no class, and the
 * numbering follows the actions' order). Principals with different statements but equal splitting
 * Action elements (an inline policy per application role) share one classification.
 */
export function classesKey(statements: readonly Statement[], table: ActionTable): string {
  let key = table.key;
  for (const statement of statements) {
    const bits = actionMatches(statement, table);
    if (bits.includes(0) && bits.includes(1)) key += `\u0001${patternKey(statement)}`;
  }
  return key;
}

/** For each class: the bit mask of the Allow statements (`grants`) that cover its actions. */
export function grantMasks(classes: ActionClasses, grants: readonly Statement[], table: ActionTable): Int32Array {
  const masks = new Int32Array(classes.representative.length);
  grants.forEach((statement, i) => {
    const bits = actionMatches(statement, table);
    classes.representative.forEach((action, c) => {
      if (bits[action] === 1) masks[c] = (masks[c] ?? 0) | bit(i);
    });
  });
  return masks;
}

/** The bit mask of the identity Allows of `source` whose Resource may cover the target (`lower`: its `lowerArn`). */
export function resourceMask(source: RequestSource, lower: string): number {
  const matchers = source.allowMatchers;
  let mask = 0;
  for (let i = 0; i < matchers.length; i++) if (matchers[i]!.matchesLower(lower)) mask |= bit(i);
  return mask;
}

const lowerArns = new WeakMap<AccessTarget, string>();

/** The target's ARN in lower case (computed once per target). */
export function lowerArn(target: AccessTarget): string {
  let lower = lowerArns.get(target);
  if (lower === undefined) lowerArns.set(target, (lower = target.arn.toLowerCase()));
  return lower;
}

/** The resource side of one target: its statements, their classes and its grant statements. */
export interface TargetSide {
  readonly target: AccessTarget;
  /** Valid resource-policy statements followed by the RCP statements of the owner account. */
  readonly statements: readonly Statement[];
  /** How many of `statements` (the last ones) are RCP statements. */
  readonly rcpCount: number;
  /** The resource-policy Allow statements (those that may name callers). */
  readonly grants: readonly Statement[];
  readonly classes: ActionClasses;
  readonly grantMask: Int32Array;
  /** True when RAM shares the resource (every action may be granted to a consumer). */
  readonly shared: boolean;
  /**
   * True for KMS keys: grants and blocks are reported per action (as when each action was evaluated on
   * its own), though actions with equal signatures and coverage are evaluated once.
   */
  readonly perAction: boolean;
}

/** Builds a target's side; `classesOf` shares classes between targets with the same statements and table. */
export function targetSide(target: AccessTarget, policy: readonly Statement[], rcp: readonly Statement[], shared: boolean, classesOf: (statements: readonly Statement[], table: ActionTable, ungrouped: boolean) => ActionClasses): TargetSide {
  const statements = [...policy, ...rcp];
  const grants = policy.filter((s) => s.effect === 'Allow' && (s.principal !== undefined || s.notPrincipal !== undefined));
  const classes = classesOf(statements, target.table, shared);
  const grantMask = grantMasks(classes, grants, target.table);
  if (shared) grantMask.fill(OVERFLOW_BIT);
  return { target, statements, rcpCount: rcp.length, grants, classes, grantMask, shared, perAction: /^arn:[^:]+:kms:/.test(target.arn) };
}

/** The mask of a target's grant statements (and RAM bit) that may name `source`. */
export function namingMask(side: TargetSide, source: RequestSource, ramConsumer: boolean): number {
  let mask = ramConsumer ? OVERFLOW_BIT : 0;
  side.grants.forEach((statement, i) => {
    if (statementMayName(statement, source.facts)) mask |= bit(i);
  });
  return mask;
}

/** One class of actions of one pair that must be evaluated, with all its actions. */
export interface ActionGroup {
  /** Identifies the action set (equal keys, equal actions) for interning; `undefined` when not shareable. */
  readonly key: string | undefined;
  readonly representative: number;
  readonly actions: number[];
  /** True when a resource-policy grant (or share) may apply: a block by a control policy is then a finding. */
  readonly granted: boolean;
}

/**
 * The action groups of one pair that can possibly be allowed. `resMask` and `naming` come from
 * `resourceMask` and `namingMask`; `sameAccount` enables identity-only grants; `identityRequired`
 * (an IAM caller from another account) makes a resource-policy grant count only together with an
 * identity Allow, as the cross-account rule requires (SEMANTICS §2.4 `crossAccount`).
 */
export function candidateGroups(principalClasses: ActionClasses, principalGrants: Int32Array, side: TargetSide, resMask: number, naming: number, sameAccount: boolean, identityRequired: boolean): ActionGroup[] {
  const groups = new Map<number, ActionGroup | null>();
  const rCount = side.classes.representative.length;
  const n = side.target.table.actions.length;
  const out: ActionGroup[] = [];
  for (let a = 0; a < n; a++) {
    const pc = principalClasses.classOf[a] ?? 0;
    const rc = side.classes.classOf[a] ?? 0;
    const key = pc * rCount + rc;
    let group = groups.get(key);
    if (group === undefined) {
      const identityAny = ((principalGrants[pc] ?? 0) & resMask) !== 0;
      const granted = ((side.grantMask[rc] ?? 0) & naming) !== 0;
      const keep = (sameAccount && identityAny) || (granted && (identityAny || !identityRequired));
      group = keep ? { key: `${principalClasses.id}.${side.classes.id}.${pc}.${rc}`, representative: a, actions: [], granted } : null;
      if (group !== null) out.push(group);
      groups.set(key, group);
    }
    group?.actions.push(a);
  }
  return out;
}
