/**
 * Turns the evaluated statements and the outcome of the flow into an `Explanation`: every step in
 * flowchart order with the statements it considered and how it ended, the deciding statements and,
 * for three-valued results, the conditions still needed and to avoid (SEMANTICS §2.7). No prose.
 */
import type { ConditionEntry } from '../../model/policy';
import {
  FLOW_STEPS,
  type Explanation,
  type FlowStep,
  type InvalidRequestReason,
  type StatementTrace,
  type StepTrace,
} from '../types';
import { allDenies, collectDenies, denyKinds, STEP_SLOT, UNKNOWN_DENY, type Outcome } from './decide';
import type { Gathered, LevelSet } from './gather';

/** The flow's steps after preflight, in order (the explanation lists one trace per step). */
const STEPS: readonly Exclude<FlowStep, 'preflight'>[] = FLOW_STEPS.filter(
  (step): step is Exclude<FlowStep, 'preflight'> => step !== 'preflight',
);
const NONE: readonly StatementTrace[] = [];
const NO_CONDITIONS: readonly ConditionEntry[] = [];

function levelAllows(levels: readonly LevelSet[] | string): readonly StatementTrace[] {
  if (typeof levels === 'string') return NONE;
  if (levels.length === 1) return levels[0]?.allows ?? NONE;
  // The only non-empty level's list stands for the concatenation; a copy only when two have entries.
  let only: readonly StatementTrace[] = NONE;
  let count = 0;
  for (let i = 0; i < levels.length; i++) {
    const allows = levels[i]!.allows;
    if (allows.length === 0) continue;
    only = allows;
    count++;
  }
  if (count < 2) return only;
  let n = 0;
  for (let i = 0; i < levels.length; i++) n += levels[i]!.allows.length;
  // Sized exactly (one grown by `push` reserves 17 slots): every level of the bench's RCPs and SCPs has an Allow.
  const out = new Array<StatementTrace>(n);
  n = 0;
  for (let i = 0; i < levels.length; i++) {
    const allows = levels[i]!.allows;
    for (let j = 0; j < allows.length; j++) out[n++] = allows[j]!;
  }
  return out;
}

function entriesOf(g: Gathered, step: Exclude<FlowStep, 'preflight'>): readonly StatementTrace[] {
  switch (step) {
    case 'explicit-deny':
      return allDenies(g);
    case 'rcp':
      return levelAllows(g.rcp);
    case 'scp':
      return levelAllows(g.scp);
    case 'resource-based':
      return g.resource.allows;
    case 'identity':
      return g.identity.allows;
    case 'boundary':
      return g.boundary?.allows ?? NONE;
    case 'session':
      return g.session.allows;
  }
}

/** The undecided conditions of unknown statements, deduplicated, in order. */
export function unresolvedConditions(
  entries: readonly StatementTrace[],
  unresolved: ReadonlyMap<StatementTrace, readonly ConditionEntry[]>,
): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  const seen = new Set<ConditionEntry>();
  for (const e of entries) {
    for (const c of unresolved.get(e) ?? NO_CONDITIONS) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

/** The explanation of a decided request; `unresolved` is set for three-valued evaluation. */
export function explainOutcome(
  g: Gathered,
  outcome: Outcome,
  conditional: boolean,
  ignored: readonly string[],
  unresolved: ReadonlyMap<StatementTrace, readonly ConditionEntry[]> | undefined,
): Explanation {
  const relied = conditional ? outcome.relied : NONE;
  const steps = new Array<StepTrace>(STEPS.length);
  for (let i = 0; i < STEPS.length; i++) {
    const step = STEPS[i]!;
    const statements = entriesOf(g, step);
    const mark = outcome.marks[STEP_SLOT[step]];
    const outcomeOf =
      relied.length > 0 && someRelied(statements, relied) ? 'unknown' : (mark?.outcome ?? 'skip');
    steps[i] = stepTrace(
      step,
      outcomeOf,
      statements,
      mark === undefined ? 'not-reached' : mark.note,
      mark?.level,
    );
  }
  const out: Mutable<Explanation> = {
    step: conditional ? (outcome.reliedStep ?? outcome.step) : outcome.step,
    reason: conditional ? 'conditional' : outcome.reason,
    deciding: outcome.deciding.map((e) => e.statement),
    steps,
  };
  if (conditional && unresolved !== undefined) out.needs = unresolvedConditions(outcome.relied, unresolved);
  // The Denies that might apply: the unknown entries of the explicit-deny step.
  if (unresolved !== undefined && outcome.decision !== 'ExplicitDeny' && (denyKinds(g) & UNKNOWN_DENY) !== 0)
    out.avoids = unresolvedConditions(collectDenies(g, UNKNOWN_DENY), unresolved);
  if (ignored.length > 0) out.ignoredContextKeys = ignored;
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function someRelied(statements: readonly StatementTrace[], relied: readonly StatementTrace[]): boolean {
  for (let i = 0; i < statements.length; i++) if (relied.includes(statements[i]!)) return true;
  return false;
}

/** One step's trace, its optional fields present only when set (the key order of the explanation). */
function stepTrace(
  step: Exclude<FlowStep, 'preflight'>,
  outcome: StepTrace['outcome'],
  statements: readonly StatementTrace[],
  note: StepTrace['note'],
  level: string | undefined,
): StepTrace {
  if (level === undefined)
    return note === undefined ? { step, outcome, statements } : { step, outcome, statements, note };
  return note === undefined
    ? { step, outcome, statements, level }
    : { step, outcome, statements, level, note };
}

/** The explanation of a request that cannot exist. */
export function explainInvalid(invalid: InvalidRequestReason, ignored: readonly string[] = []): Explanation {
  return {
    step: 'preflight',
    reason: 'invalid-request',
    invalid,
    deciding: [],
    steps: [{ step: 'preflight', outcome: 'deny', statements: [] }],
    ...(ignored.length > 0 ? { ignoredContextKeys: ignored } : {}),
  };
}
