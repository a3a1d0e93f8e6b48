/**
 * Turns the evaluated statements and the outcome of the flow into an `Explanation`: every step in
 * flowchart order with the statements it considered and how it ended, the deciding statements and,
 * for three-valued results, the conditions still needed and to avoid (SEMANTICS §2.7). No prose.
 */
import type { ConditionEntry } from '../../model/policy';
import type { DecisionReason, Explanation, FlowStep, InvalidRequestReason, StatementTrace, StepTrace } from '../types';
import type { Outcome } from './decide';
import type { Gathered } from './gather';
import type { Entry } from './statementEval';
import { U } from '../context/keyValue';

const STEPS: readonly Exclude<FlowStep, 'preflight'>[] = ['explicit-deny', 'rcp', 'scp', 'resource-based', 'identity', 'boundary', 'session'];

function traces(entries: readonly Entry[]): StatementTrace[] {
  const out: StatementTrace[] = new Array<StatementTrace>(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = (entries[i] as Entry).trace;
  return out;
}

function entriesOf(g: Gathered, step: Exclude<FlowStep, 'preflight'>): readonly Entry[] {
  switch (step) {
    case 'explicit-deny':
      return [...(typeof g.rcp === 'string' ? [] : g.rcp.flatMap((l) => l.denies)), ...(typeof g.scp === 'string' ? [] : g.scp.flatMap((l) => l.denies)), ...g.resource.denies, ...g.identity.denies, ...(g.boundary?.denies ?? []), ...g.session.denies];
    case 'rcp':
      return typeof g.rcp === 'string' ? [] : g.rcp.length === 1 ? (g.rcp[0]?.allows ?? []) : g.rcp.flatMap((l) => l.allows);
    case 'scp':
      return typeof g.scp === 'string' ? [] : g.scp.length === 1 ? (g.scp[0]?.allows ?? []) : g.scp.flatMap((l) => l.allows);
    case 'resource-based':
      return g.resource.allows;
    case 'identity':
      return g.identity.allows;
    case 'boundary':
      return g.boundary?.allows ?? [];
    case 'session':
      return g.session.allows;
  }
}

/** The unresolved conditions of unknown statements, deduplicated, in order. */
export function unresolvedConditions(entries: readonly Entry[]): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    for (const c of e.unresolved ?? []) {
      const key = `${c.path.join('\u0000')}|${c.operator}|${c.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

/** The explanation of a decided request. */
export function explainOutcome(g: Gathered, outcome: Outcome, conditional: boolean, ignored: readonly string[]): Explanation {
  const reliedSet = new Set(outcome.relied);
  const steps: StepTrace[] = STEPS.map((step): StepTrace => {
    const entries = entriesOf(g, step);
    const mark = outcome.marks.get(step);
    const outcomeOf = conditional && entries.some((e) => reliedSet.has(e)) ? 'unknown' : (mark?.outcome ?? 'skip');
    return { step, outcome: outcomeOf, statements: traces(entries), ...(mark?.level === undefined ? {} : { level: mark.level }), ...(mark === undefined ? { note: 'not-reached' as const } : mark.note === undefined ? {} : { note: mark.note }) };
  });
  const possibleDenies = entriesOf(g, 'explicit-deny').filter((e) => e.truth === U);
  const reason: DecisionReason = conditional ? 'conditional' : outcome.reason;
  return {
    step: conditional ? (outcome.reliedStep ?? outcome.step) : outcome.step,
    reason,
    deciding: outcome.deciding.map((e) => e.cs.ref),
    steps,
    ...(conditional ? { needs: unresolvedConditions(outcome.relied) } : {}),
    ...(possibleDenies.length > 0 && outcome.decision !== 'ExplicitDeny' ? { avoids: unresolvedConditions(possibleDenies) } : {}),
    ...(ignored.length > 0 ? { ignoredContextKeys: ignored } : {}),
  };
}

/** The explanation of a request that cannot exist. */
export function explainInvalid(invalid: InvalidRequestReason, ignored: readonly string[] = []): Explanation {
  return { step: 'preflight', reason: 'invalid-request', invalid, deciding: [], steps: [{ step: 'preflight', outcome: 'deny', statements: [] }], ...(ignored.length > 0 ? { ignoredContextKeys: ignored } : {}) };
}
