/**
 * Evaluation entry points. `evaluate` is AWS's single-request behaviour: a key the request does not
 * supply and the scenario does not determine is missing (SEMANTICS §3.5). `evaluateForAnalysis` is the
 * three-valued variant (§2.7): such keys are unknown, and a result that depends on them is
 * `Conditional`, with the conditions still needed and still to avoid. Neither ever throws: a request
 * that cannot exist, or a malformed one, is an `ImplicitDeny` with the reason `invalid-request`.
 */
import type { CompiledScenario } from '../compile/compileScenario';
import type { PrincipalView } from '../compile/principals';
import type { ResourceView } from '../compile/resources';
import { createKeyLookup, lowerContext, parameterKeys } from '../context/requestKeys';
import { KMS_CROSS_ACCOUNT_ACTIONS } from '../data/kmsCrossAccount';
import { parseRequestAction, type RequestAction } from '../match/actionMatcher';
import type { Context } from '../../model/types';
import type {
  AnalysisDecision,
  AnalysisResult,
  Decision,
  EvaluationResult,
  Explanation,
  InvalidRequestReason,
  Request,
  StatementTrace,
  StepNote,
} from '../types';
import type { ConditionEntry } from '../../model/policy';
import type { StatementContext } from './statementEval';
import { decide, type DecisionFacts, type Outcome } from './decide';
import { explainInvalid, explainOutcome } from './explain';
import { fastDecision, type FastHooks } from './fastDecide';
import { gather } from './gather';
import { impliedActions, invalidReason } from './preflight';
import { validateRequest } from './validateRequest';

/** Options of a three-valued evaluation. */
export interface AnalysisOptions {
  /**
   * Keys to treat as known beyond what the scenario determines: a context of pinned values (a what-if
   * panel; the request's own context wins), or a set of lower-cased key names that are absent unless the
   * request supplies them.
   */
  readonly knownKeys?: Context | ReadonlySet<string>;
  /** The caller is a role session obtained by role chaining (§7.2); by default, any role session is. */
  readonly chained?: boolean;
}

interface RunOptions {
  readonly threeValued: boolean;
  readonly known: ReadonlySet<string> | undefined;
  readonly chained: boolean | undefined;
}

function invalid(reason: InvalidRequestReason, ignored: readonly string[] = []): AnalysisResult {
  return { decision: 'ImplicitDeny', explanation: explainInvalid(reason, ignored) };
}

function rcpSkip(
  compiled: CompiledScenario,
  principal: PrincipalView,
  resource: ResourceView,
  action: RequestAction,
): StepNote | undefined {
  if (resource.rcpSkip !== undefined) return resource.rcpSkip;
  if (!compiled.rcpSupportedServices.has(action.service)) return 'service-not-rcp-supported';
  if (principal.serviceLinked) return 'service-linked-role';
  if (action.service === 'kms' && action.name === 'retiregrant') return 'rcp-exempt-action';
  return undefined;
}

function factsOf(principal: PrincipalView, resource: ResourceView, action: RequestAction): DecisionFacts {
  const strict =
    resource.kind === 'role' && action.service === 'sts'
      ? 'trust'
      : resource.kind === 'kms-key' && action.service === 'kms'
        ? 'kms'
        : undefined;
  return {
    caller: principal.kind,
    same: resource.grantAccount === undefined || resource.grantAccount === principal.account,
    strict,
    kmsCrossAccountOperation: KMS_CROSS_ACCOUNT_ACTIONS.has(action.name),
  };
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_UNRESOLVED: ReadonlyMap<StatementTrace, readonly ConditionEntry[]> = new Map();

function runAction(
  compiled: CompiledScenario,
  principal: PrincipalView,
  resource: ResourceView,
  action: RequestAction,
  request: Request,
  options: RunOptions,
): AnalysisResult {
  const parameters = parameterKeys(request.parameters);
  const context = lowerContext(
    request.context,
    parameters === undefined ? NO_KEYS : new Set(parameters.keys()),
  );
  const keys = createKeyLookup({
    principal: principal.keys,
    resource: resource.keys,
    parameters,
    context,
    service: action.service,
    threeValued: options.threeValued,
    known: options.known,
  });
  const ctx: StatementContext = {
    action,
    resource,
    keys,
    caller: principal.caller,
    callerHasBoundary: principal.boundary !== undefined,
    threeValued: options.threeValued,
    unresolved: undefined,
  };
  const g = gather(principal, ctx, rcpSkip(compiled, principal, resource, action));
  const facts = factsOf(principal, resource, action);
  const worst = decide(g, facts, false);
  let outcome: Outcome = worst;
  let decision: AnalysisDecision = worst.decision;
  if (options.threeValued && worst.decision !== 'Allow') {
    const best = decide(g, facts, true);
    outcome = best;
    decision = best.decision === 'Allow' ? 'Conditional' : best.decision;
  }
  return {
    decision,
    explanation: explainOutcome(
      g,
      outcome,
      decision === 'Conditional',
      context.ignored,
      options.threeValued ? (ctx.unresolved ?? NO_UNRESOLVED) : undefined,
    ),
  };
}

function combine(results: readonly { action: string; result: AnalysisResult }[]): AnalysisResult {
  const main = results[0] as { action: string; result: AnalysisResult };
  const pick =
    results.find((r) => r.result.decision === 'ExplicitDeny') ??
    results.find((r) => r.result.decision === 'ImplicitDeny') ??
    results.find((r) => r.result.decision === 'Conditional') ??
    main;
  if (pick === main) return main.result;
  return {
    decision: pick.result.decision,
    explanation: { ...pick.result.explanation, impliedAction: pick.action },
  };
}

function run(
  compiled: CompiledScenario,
  raw: unknown,
  options: RunOptions,
  extra: Context | undefined,
): AnalysisResult {
  const checked = validateRequest(raw);
  if (checked === undefined) return invalid('malformed-request');
  const request: Request =
    extra === undefined ? checked : { ...checked, context: { ...extra, ...(checked.context ?? {}) } };
  const action = parseRequestAction(request.action);
  if (action === undefined) return invalid('malformed-request');
  const principal = compiled.principal(
    request.principal,
    action.service === 'sts' && action.name === 'assumerolewithwebidentity',
  );
  if ('invalid' in principal) return invalid(principal.invalid);
  const resource = compiled.resource(request.resource);
  if ('invalid' in resource) return invalid(resource.invalid);
  const chained = options.chained ?? principal.caller.kind === 'role-session';
  const reason = invalidReason(principal, resource, action, request, chained);
  if (reason !== undefined) return invalid(reason);
  const first = runAction(compiled, principal, resource, action, request, options);
  const more = impliedActions(action, request);
  if (more.length === 0) return first;
  const results = [{ action: request.action, result: first }];
  for (const implied of more) {
    const parsed = parseRequestAction(implied) as RequestAction;
    results.push({
      action: implied,
      result: runAction(compiled, principal, resource, parsed, request, options),
    });
  }
  return combine(results);
}

function guarded(body: () => AnalysisResult): AnalysisResult {
  try {
    return body();
  } catch {
    // INVARIANT: evaluation has no expected failure that throws; this keeps a bug from crashing callers.
    return invalid('internal-error');
  }
}

/**
 * The reference path of an exact decision: the full flow over every gathered statement, with the
 * explanation. `evaluate` answers with the same decision faster and builds this explanation lazily.
 */
export function evaluateReference(compiled: CompiledScenario, request: Request): EvaluationResult {
  const result = guarded(() =>
    run(compiled, request, { threeValued: false, known: undefined, chained: undefined }, undefined),
  );
  // INVARIANT: exact evaluation never yields `Conditional` (no key is unknown).
  return result as EvaluationResult;
}

const FAST_HOOKS: FastHooks = { rcpApplies: (c, p, r, a) => rcpSkip(c, p, r, a) === undefined, factsOf };

function fast(compiled: CompiledScenario, request: Request): Decision | undefined {
  try {
    return fastDecision(compiled, request, FAST_HOOKS);
  } catch {
    // INVARIANT: nothing here throws; if something did, the reference path answers (and never throws).
    return undefined;
  }
}

/**
 * The exact decision alone, as `evaluate` gives it, without an explanation object: for callers that
 * decide many requests and explain few (bulk checks, prefilters). Never throws.
 */
export function evaluateDecision(compiled: CompiledScenario, request: Request): Decision {
  return fast(compiled, request) ?? evaluateReference(compiled, request).decision;
}

/** What the explanation of a fast-path result is built from, and the explanation once built. */
interface LazyState {
  readonly compiled: CompiledScenario;
  readonly request: Request;
  explanation: Explanation | undefined;
}

/** A base class whose constructor returns its argument, so that a subclass can add private fields to any object. */
class Stamp {
  constructor(target: object) {
    // INVARIANT: the returned object becomes `this` of the subclass constructor, which only adds a private field.
    return target;
  }
}

/**
 * Keeps a fast-path result's lazy state in a private field of the result itself: invisible to spreading,
 * `JSON.stringify`, structured cloning and `toStrictEqual`, and it keeps the result a plain object.
 */
class LazyExplanation extends Stamp {
  readonly #state: LazyState;
  constructor(result: object, state: LazyState) {
    super(result);
    this.#state = state;
  }
  static read(result: object): Explanation {
    const state = (result as LazyExplanation).#state;
    state.explanation ??= evaluateReference(state.compiled, state.request).explanation;
    return state.explanation;
  }
}

function lazyExplanation(this: object): Explanation {
  return LazyExplanation.read(this);
}

// One shared getter (not a closure per result) and a private field for the state: an object literal with a
// getter closure costs about four times as much to build, which was a third of a cached decision.
const EXPLANATION: PropertyDescriptor = { get: lazyExplanation, enumerable: true, configurable: true };

/**
 * One exact decision, as AWS would make it for this request. Never throws. The decision comes from the
 * fast path (fastDecide.ts); the explanation is built on first read by the reference path, from the
 * request as given (requests are immutable values), and then kept. It is an own enumerable accessor, so
 * spreading, `JSON.stringify` and structured cloning (the worker) see it like a data property.
 */
export function evaluate(compiled: CompiledScenario, request: Request): EvaluationResult {
  const decision = fast(compiled, request);
  if (decision === undefined) return evaluateReference(compiled, request);
  const result = { decision };
  Object.defineProperty(result, 'explanation', EXPLANATION);
  new LazyExplanation(result, { compiled, request, explanation: undefined });
  // INVARIANT: `explanation` is now an own accessor, as the type says.
  return result as unknown as EvaluationResult;
}

/** One three-valued decision for the graph (SEMANTICS §2.7). Never throws. */
export function evaluateForAnalysis(
  compiled: CompiledScenario,
  request: Request,
  options: AnalysisOptions = {},
): AnalysisResult {
  const known = options.knownKeys instanceof Set ? (options.knownKeys as ReadonlySet<string>) : undefined;
  const pinned = known === undefined ? (options.knownKeys as Context | undefined) : undefined;
  return guarded(() =>
    run(compiled, request, { threeValued: true, known, chained: options.chained }, pinned),
  );
}
