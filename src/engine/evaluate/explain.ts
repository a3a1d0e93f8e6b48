/**
 * Turns the evaluated statements and the outcome of the flow into an `Explanation`: every step in
 * flowchart order with the statements it considered and how it ended, the deciding statements and,
 * for three-valued results, the conditions still needed and to avoid (SEMANTICS §2.7). No prose.
 */
import type { ConditionEntry } from '../../model/policy';
import type {
  DecisionReason,
  Explanation,
  FlowStep,
  InvalidRequestReason,
  StatementTrace,
  StepTrace,
} from '../types';
import { denySets, type Outcome } from './decide';
import type { Gathered, LevelSet } from './gather';

const STEPS: readonly Exclude<FlowStep, 'preflight'>[] = [
  'explicit-deny',
  'rcp',
  'scp',
  'resource-based',
  'identity',
  'boundary',
  'session',
];
const NONE: readonly StatementTrace[] = [];

function levelAllows(levels: readonly LevelSet[] | string): readonly StatementTrace[] {
  if (typeof levels === 'string') return NONE;
  if (levels.length === 1) return levels[0]?.allows ?? NONE;
  return levels.flatMap((l) => l.allows);
}

function entriesOf(g: Gathered, step: Exclude<FlowStep, 'preflight'>): readonly StatementTrace[] {
  switch (step) {
    case 'explicit-deny': {
      const out: StatementTrace[] = [];
      for (const set of denySets(g)) for (const e of set.denies) out.push(e);
      return out;
    }
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
    for (const c of unresolved.get(e) ?? []) {
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
  const relied = conditional ? new Set(outcome.relied) : undefined;
  const steps: StepTrace[] = [];
  let possibleDenies: StatementTrace[] | undefined;
  for (const step of STEPS) {
    const statements = entriesOf(g, step);
    if (step === 'explicit-deny' && unresolved !== undefined)
      possibleDenies = statements.filter((e) => e.applies === 'unknown');
    const mark = outcome.marks.get(step);
    const outcomeOf =
      relied !== undefined && statements.some((e) => relied.has(e)) ? 'unknown' : (mark?.outcome ?? 'skip');
    const note = mark === undefined ? 'not-reached' : mark.note;
    steps.push({
      step,
      outcome: outcomeOf,
      statements,
      ...(mark?.level === undefined ? {} : { level: mark.level }),
      ...(note === undefined ? {} : { note }),
    });
  }
  const reason: DecisionReason = conditional ? 'conditional' : outcome.reason;
  const avoids =
    possibleDenies !== undefined &&
    possibleDenies.length > 0 &&
    outcome.decision !== 'ExplicitDeny' &&
    unresolved !== undefined
      ? unresolvedConditions(possibleDenies, unresolved)
      : undefined;
  return {
    step: conditional ? (outcome.reliedStep ?? outcome.step) : outcome.step,
    reason,
    deciding: outcome.deciding.map((e) => e.statement),
    steps,
    ...(conditional && unresolved !== undefined
      ? { needs: unresolvedConditions(outcome.relied, unresolved) }
      : {}),
    ...(avoids === undefined ? {} : { avoids }),
    ...(ignored.length > 0 ? { ignoredContextKeys: ignored } : {}),
  };
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
