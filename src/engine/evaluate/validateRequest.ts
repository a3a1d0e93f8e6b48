/**
 * Requests arrive from the UI, the worker, the CLI and tests; evaluation never throws on any of them
 * (DESIGN.md "The engine"). This checks the shape at runtime and normalises it: a malformed request is
 * answered with `invalid-request` / `malformed-request`.
 */
import type { AssumeRoleParameters, Context, ContextValue } from '../../model/types';
import type { Request } from '../types';

function isContextValue(value: unknown): value is ContextValue {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function contextOf(raw: unknown): Context | undefined | 'bad' {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'bad';
  const out: Record<string, ContextValue> = {};
  const source = raw as Record<string, unknown>;
  // Own enumerable string keys, as `Object.entries` gives them, without its array of pairs.
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (!isContextValue(value)) return 'bad';
    out[key] = value;
  }
  return out;
}

function parametersOf(raw: unknown): AssumeRoleParameters | undefined | 'bad' {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null) return 'bad';
  const p = raw as Record<string, unknown>;
  const duration = p.DurationSeconds;
  if (duration !== undefined && (typeof duration !== 'number' || !Number.isFinite(duration))) return 'bad';
  const tags = p.Tags ?? [];
  if (!Array.isArray(tags)) return 'bad';
  const parsed: { Key: string; Value: string }[] = [];
  for (const tag of tags as unknown[]) {
    if (typeof tag !== 'object' || tag === null) return 'bad';
    const { Key, Value } = tag as Record<string, unknown>;
    if (typeof Key !== 'string' || typeof Value !== 'string') return 'bad';
    parsed.push({ Key, Value });
  }
  const source = p.SourceIdentity;
  if (source !== undefined && typeof source !== 'string') return 'bad';
  return { DurationSeconds: duration, Tags: parsed, SourceIdentity: source };
}

/** The request with its shape checked, or `undefined` when it is malformed. */
export function validateRequest(raw: unknown): Request | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.principal !== 'string' || typeof r.action !== 'string' || typeof r.resource !== 'string')
    return undefined;
  const context = contextOf(r.context);
  const parameters = parametersOf(r.parameters);
  if (context === 'bad' || parameters === 'bad') return undefined;
  const request: { -readonly [K in keyof Request]: Request[K] } = {
    principal: r.principal,
    action: r.action,
    resource: r.resource,
  };
  if (context !== undefined) request.context = context;
  if (parameters !== undefined) request.parameters = parameters;
  return request;
}
