/**
 * The worker's pure dispatcher: one parsed request in, progress and one answer out. It keeps the last
 * analysed scenario (and its compiled form and graph) for queries and for the next, incremental
 * analysis. Queries run one at a time in arrival order; `cancel` jumps the queue and stops a running
 * analysis at its next checkpoint. Everything environment-specific (engine, catalog, managed policies,
 * how to yield, the clock) is injected, so the same code runs in the worker, in process and in Vitest.
 */
import { analyzeScenario, type AnalysisEnv, type AnalysisSnapshot } from '../analysis/analyzeScenario';
import type { AnalysisEngine } from '../analysis/engineApi';
import { neighbourhood } from '../analysis/omittedAccess';
import { accessPath, explainEdge, reach, whoCanReach } from '../analysis/queries';
import { parseManagedDocuments, scenarioRequirements } from '../analysis/requirements';
import type { Catalog } from '../catalog/Catalog';
import type { Diagnostic } from '../model/diagnostics';
import { parseScenarioTextFrom, type TextParse } from '../model/incrementalParse';
import type { ManagedPolicyStore } from '../catalog/managedPolicies';
import type { PolicyDocument } from '../model/policy';
import type { ParseResult } from '../model/parseScenario';
import { createLintMemo, diagnosticsWithLint, type LintMemo } from './scenarioLint';
import {
  PROTOCOL_VERSION,
  parseWorkerRequest,
  type AnalyzeResult,
  type EngineErrorCode,
  type QueryMessage,
  type QueryResults,
  type QueryType,
  type WorkerResponse,
} from './protocol';

/** What the dispatcher runs against. */
export interface DispatcherDeps {
  /** The IAM engine; without it, analysis builds the static graph only and `evaluate` fails. */
  readonly engine: AnalysisEngine | undefined;
  /** Resolves to the catalog (created once, services loaded on demand); `undefined` runs without one. */
  readonly catalog: () => Promise<Catalog | undefined>;
  readonly managedPolicies: ManagedPolicyStore | undefined;
  /** Lets pending messages (a `cancel`) in between work units. */
  readonly yieldControl: () => Promise<void>;
  /** Milliseconds, for the figures in `AnalyzeStats` and progress throttling. */
  readonly now: () => number;
}

/** The dispatcher's memory between messages. */
export interface DispatcherState {
  readonly deps: DispatcherDeps;
  snapshot: AnalysisSnapshot | undefined;
  readonly cancelled: Set<number>;
  queue: Promise<void>;
  readonly parsedManaged: Map<string, PolicyDocument>;
  /** The last text's parse, which the next text's parse starts from. */
  parse: TextParse | undefined;
  readonly lint: LintMemo;
}

/** A fresh state. */
export function createDispatcherState(deps: DispatcherDeps): DispatcherState {
  return {
    deps,
    snapshot: undefined,
    cancelled: new Set(),
    queue: Promise.resolve(),
    parsedManaged: new Map(),
    parse: undefined,
    lint: createLintMemo(),
  };
}

/** Progress is posted at most this often (ms), plus at every phase change. */
const PROGRESS_INTERVAL_MS = 50;

class QueryError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

type Post = (response: WorkerResponse) => void;

function requireSnapshot(state: DispatcherState): AnalysisSnapshot {
  if (state.snapshot === undefined) throw new QueryError('no-scenario', 'no scenario has been analysed yet');
  return state.snapshot;
}

async function environment(
  state: DispatcherState,
  text: string,
): Promise<{ env: AnalysisEnv; parsed: ParseResult; diagnostics: readonly Diagnostic[]; parseMs: number }> {
  const { deps } = state;
  const started = deps.now();
  // From the previous text: an edit inside one policy document parses that document only.
  const parse = parseScenarioTextFrom(state.parse, text);
  state.parse = parse;
  const parsed = parse.result;
  const parseMs = deps.now() - started;
  const catalog = await deps.catalog();
  let raw: ReadonlyMap<string, unknown> = new Map();
  if (parsed.scenario !== undefined) {
    const needs = scenarioRequirements(parsed.scenario);
    await catalog?.loadServices(needs.services);
    if (deps.managedPolicies !== undefined) raw = await deps.managedPolicies.load(needs.managedPolicies);
  }
  const env: AnalysisEnv = {
    engine: deps.engine,
    catalog,
    rawManaged: raw,
    awsManaged: parseManagedDocuments(raw, state.parsedManaged),
  };
  return { env, parsed, diagnostics: await diagnosticsWithLint(state.lint, parse, catalog), parseMs };
}

async function analyze(state: DispatcherState, id: number, text: string, post: Post): Promise<AnalyzeResult> {
  const { deps } = state;
  const { env, parsed, diagnostics, parseMs } = await environment(state, text);
  if (parsed.scenario === undefined)
    return { diagnostics, graph: undefined, stats: { parseMs, analysisMs: 0, incremental: false } };
  const started = deps.now();
  const previous = state.snapshot;
  const run = analyzeScenario(parsed.scenario, env, previous);
  let lastPost = Number.NEGATIVE_INFINITY;
  let lastPhase = '';
  for (;;) {
    const step = run.next();
    if (step.done === true) {
      state.snapshot = step.value;
      const incremental = previous !== undefined && step.value.graph.stats.reused > 0;
      return {
        diagnostics,
        graph: step.value.graph,
        stats: { parseMs, analysisMs: deps.now() - started, incremental },
      };
    }
    const now = deps.now();
    if (step.value.phase !== lastPhase || now - lastPost >= PROGRESS_INTERVAL_MS) {
      post({ v: PROTOCOL_VERSION, id, type: 'progress', progress: step.value });
      lastPost = now;
      lastPhase = step.value.phase;
    }
    await deps.yieldControl();
    if (state.cancelled.has(id)) throw new QueryError('cancelled', 'the analysis was cancelled');
  }
}

async function answer(
  state: DispatcherState,
  message: QueryMessage,
  post: Post,
): Promise<QueryResults[QueryType]> {
  const engine = state.deps.engine;
  switch (message.type) {
    case 'analyze':
      return analyze(state, message.id, message.text, post);
    case 'evaluate': {
      const snapshot = requireSnapshot(state);
      if (engine === undefined) throw new QueryError('internal', 'the engine is not available in this build');
      return engine.evaluate(snapshot.compiled, message.request);
    }
    case 'explainEdge':
      return explainEdge(requireSnapshot(state), engine, message.edgeId);
    case 'reach':
      return reach(requireSnapshot(state), message.principal);
    case 'whoCanReach':
      return whoCanReach(requireSnapshot(state), message.resource, message.action);
    case 'path':
      return accessPath(requireSnapshot(state), message.principal, message.resource, message.action);
    case 'neighbourhood': {
      const snapshot = requireSnapshot(state);
      return neighbourhood(snapshot.graph, snapshot.edgesById, message.node);
    }
  }
}

async function run(state: DispatcherState, message: QueryMessage, post: Post): Promise<void> {
  try {
    if (state.cancelled.has(message.id)) throw new QueryError('cancelled', 'cancelled before it started');
    const result = await answer(state, message, post);
    post({ v: PROTOCOL_VERSION, id: message.id, type: 'result', result });
  } catch (error) {
    const code = error instanceof QueryError ? error.code : 'internal';
    const text = error instanceof Error ? error.message : String(error);
    post({ v: PROTOCOL_VERSION, id: message.id, type: 'error', error: { code, message: text } });
  } finally {
    state.cancelled.delete(message.id);
  }
}

/**
 * Handles one incoming message. Resolves once the answer has been posted (for `cancel`, at once).
 * Never throws: malformed messages are answered with `bad-request` when they carry an id.
 */
export function handleRequest(state: DispatcherState, data: unknown, post: Post): Promise<void> {
  const message = parseWorkerRequest(data);
  if (message === undefined) {
    const id =
      typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'number' ? data.id : -1;
    post({
      v: PROTOCOL_VERSION,
      id,
      type: 'error',
      error: { code: 'bad-request', message: 'the message is not a request of this protocol version' },
    });
    return Promise.resolve();
  }
  if (message.type === 'cancel') {
    state.cancelled.add(message.target);
    return Promise.resolve();
  }
  const next = state.queue.then(() => run(state, message, post));
  state.queue = next;
  return next;
}
