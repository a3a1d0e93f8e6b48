/**
 * The typed, versioned message protocol between the main thread and the engine worker. The main thread
 * sends text and small queries, never live objects; the worker answers with plain data. Every incoming
 * message is parsed (`parseWorkerRequest`, `parseWorkerResponse`) before it is trusted (STYLE.md rule 1).
 */
import { ANALYSIS_PHASES, type AccessGraph, type AccessPath, type AnalysisProgress, type EdgeExplanation, type Neighbourhood, type PrincipalReach, type Reacher } from '../analysis/types';
import type { EvaluationResult, Request } from '../engine/types';
import type { Diagnostic } from '../model/diagnostics';

/** Bumped on any incompatible change of the messages. */
export const PROTOCOL_VERSION = 1 as const;

/** Query types a client may send. */
export const QUERY_TYPES = ['analyze', 'evaluate', 'explainEdge', 'reach', 'whoCanReach', 'path', 'neighbourhood'] as const;
/** One query type. */
export type QueryType = (typeof QUERY_TYPES)[number];

/** The payload of each query type. */
export interface QueryPayloads {
  /** Parse `text`, compile and analyse it; keeps the result for later queries. */
  readonly analyze: { readonly text: string };
  /** One exact decision against the last analysed scenario. */
  readonly evaluate: { readonly request: Request };
  readonly explainEdge: { readonly edgeId: string };
  readonly reach: { readonly principal: string };
  readonly whoCanReach: { readonly resource: string; readonly action: string | undefined };
  readonly path: { readonly principal: string; readonly resource: string; readonly action: string };
  /** The part of the last analysis one node needs when the page's graph came without effective access. */
  readonly neighbourhood: { readonly node: string };
}

/** Figures of one `analyze` run, measured by the worker. */
export interface AnalyzeStats {
  readonly parseMs: number;
  readonly analysisMs: number;
  /** True when the previous analysis was reused for the parts the edit cannot affect. */
  readonly incremental: boolean;
}

/**
 * The answer to `analyze`. `graph` is `undefined` when the text does not parse into a usable scenario
 * (the diagnostics say why); keeping the last good graph on screen is the UI's business.
 */
export interface AnalyzeResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly graph: AccessGraph | undefined;
  readonly stats: AnalyzeStats;
}

/** The answer to each query type. */
export interface QueryResults {
  readonly analyze: AnalyzeResult;
  readonly evaluate: EvaluationResult;
  /** `undefined` when no edge has that id in the last analysis. */
  readonly explainEdge: EdgeExplanation | undefined;
  /** `undefined` when the principal is not a node of the last analysis. */
  readonly reach: PrincipalReach | undefined;
  readonly whoCanReach: readonly Reacher[];
  /** `undefined` when the principal cannot perform the action on the resource by any path. */
  readonly path: AccessPath | undefined;
  readonly neighbourhood: Neighbourhood;
}

/** A query message, main thread → worker. */
export type QueryMessage = {
  [T in QueryType]: { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: T } & QueryPayloads[T];
}[QueryType];

/** Asks the worker to stop the query `target` at its next checkpoint. */
export interface CancelMessage {
  readonly v: typeof PROTOCOL_VERSION;
  readonly id: number;
  readonly type: 'cancel';
  readonly target: number;
}

/** Any message the worker accepts. */
export type WorkerRequest = QueryMessage | CancelMessage;

/** Error codes a query can fail with. */
export const ENGINE_ERROR_CODES = [
  /** The message did not parse (wrong version or shape). */
  'bad-request',
  /** A query that needs an analysed scenario came before any successful `analyze`. */
  'no-scenario',
  /** Cancelled by `cancel()` or by the client's disposal. */
  'cancelled',
  /** No answer within the timeout: the worker was terminated and will be respawned. */
  'timeout',
  /** The worker died (script error, out of memory) while the query was pending. */
  'worker-crashed',
  /** The client was disposed. */
  'disposed',
  /** A bug in the worker (an invariant broke). */
  'internal',
] as const;
/** One engine error code. */
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** An error as data, so that it survives `postMessage`. */
export interface ErrorPayload {
  readonly code: EngineErrorCode;
  readonly message: string;
}

/** A message the worker sends back. */
export type WorkerResponse =
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'result'; readonly result: QueryResults[QueryType] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'error'; readonly error: ErrorPayload }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'progress'; readonly progress: AnalysisProgress };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseContext(value: unknown): Record<string, string | readonly string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const context: Record<string, string | readonly string[]> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') context[key] = v;
    else if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string')) context[key] = [...v];
    else return undefined;
  }
  return context;
}

function parseRequestValue(value: unknown): Request | undefined {
  if (!isRecord(value)) return undefined;
  const { principal, action, resource, context } = value;
  if (typeof principal !== 'string' || typeof action !== 'string' || typeof resource !== 'string') return undefined;
  if (context === undefined) return { principal, action, resource };
  const parsed = parseContext(context);
  return parsed === undefined ? undefined : { principal, action, resource, context: parsed };
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Parses a message received by the worker; `undefined` when it is not a well-formed request. */
export function parseWorkerRequest(message: unknown): WorkerRequest | undefined {
  if (!isRecord(message) || message.v !== PROTOCOL_VERSION || typeof message.id !== 'number') return undefined;
  const { id, v } = { id: message.id, v: PROTOCOL_VERSION };
  const m = message;
  switch (m.type) {
    case 'cancel':
      return typeof m.target === 'number' ? { v, id, type: 'cancel', target: m.target } : undefined;
    case 'analyze':
      return typeof m.text === 'string' ? { v, id, type: 'analyze', text: m.text } : undefined;
    case 'evaluate': {
      const request = parseRequestValue(m.request);
      return request === undefined ? undefined : { v, id, type: 'evaluate', request };
    }
    case 'explainEdge':
      return typeof m.edgeId === 'string' ? { v, id, type: 'explainEdge', edgeId: m.edgeId } : undefined;
    case 'reach':
      return typeof m.principal === 'string' ? { v, id, type: 'reach', principal: m.principal } : undefined;
    case 'whoCanReach':
      return typeof m.resource === 'string' && optionalString(m.action) ? { v, id, type: 'whoCanReach', resource: m.resource, action: m.action } : undefined;
    case 'neighbourhood':
      return typeof m.node === 'string' ? { v, id, type: 'neighbourhood', node: m.node } : undefined;
    case 'path':
      return typeof m.principal === 'string' && typeof m.resource === 'string' && typeof m.action === 'string'
        ? { v, id, type: 'path', principal: m.principal, resource: m.resource, action: m.action }
        : undefined;
    default:
      return undefined;
  }
}

function isEngineErrorCode(value: unknown): value is EngineErrorCode {
  return typeof value === 'string' && (ENGINE_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Parses a message received from the worker: checks the envelope (version, id, type, error and progress
 * shapes). The result payload is produced by our own worker from the same source, so its inner shape is
 * trusted once the envelope is.
 */
export function parseWorkerResponse(message: unknown): WorkerResponse | undefined {
  if (!isRecord(message) || message.v !== PROTOCOL_VERSION || typeof message.id !== 'number') return undefined;
  const v = PROTOCOL_VERSION;
  const id = message.id;
  switch (message.type) {
    case 'result':
      return 'result' in message ? { v, id, type: 'result', result: message.result as QueryResults[QueryType] } : undefined;
    case 'error': {
      const error = message.error;
      if (!isRecord(error) || !isEngineErrorCode(error.code) || typeof error.message !== 'string') return undefined;
      return { v, id, type: 'error', error: { code: error.code, message: error.message } };
    }
    case 'progress': {
      const p = message.progress;
      if (!isRecord(p) || typeof p.done !== 'number' || typeof p.total !== 'number') return undefined;
      const phase = ANALYSIS_PHASES.find((known) => known === p.phase);
      return phase === undefined ? undefined : { v, id, type: 'progress', progress: { phase, done: p.done, total: p.total } };
    }
    default:
      return undefined;
  }
}
