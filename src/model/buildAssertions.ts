/**
 * Builds assertions: request decisions, role-chain reachability and findings.
 */
import { isObject } from './checkShape';
import type { Collector } from './collector';
import type { JsonPath } from './ids';
import {
  FINDING_EXPECTATIONS,
  REACH_EXPECTATIONS,
  REQUEST_EXPECTATIONS,
  type AssumeRoleParameters,
  type Assertion,
  type Context,
  type FindingExpectation,
  type ReachExpectation,
  type RequestExpectation,
} from './types';

function contextOf(raw: unknown): Context {
  const context = Object.create(null) as Record<string, string | readonly string[]>;
  if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v === 'string') context[k] = v;
      else if (Array.isArray(v)) context[k] = v.map(String);
    }
  }
  return context;
}

function parametersOf(raw: unknown): AssumeRoleParameters | undefined {
  if (!isObject(raw)) return undefined;
  return {
    DurationSeconds: typeof raw.DurationSeconds === 'number' ? raw.DurationSeconds : undefined,
    Tags: Array.isArray(raw.Tags) ? raw.Tags.filter(isObject).map((t) => ({ Key: String(t.Key), Value: String(t.Value) })) : [],
    SourceIdentity: typeof raw.SourceIdentity === 'string' ? raw.SourceIdentity : undefined,
  };
}

function requireFields(a: Record<string, unknown>, path: JsonPath, fields: readonly string[], kind: string, out: Collector): boolean {
  let ok = true;
  for (const field of fields) {
    if (typeof a[field] !== 'string' || a[field] === '') {
      out.error('missing-key', path, `${kind} assertion needs \`${field}\``);
      ok = false;
    }
  }
  return ok;
}

function expectOneOf<T extends string>(a: Record<string, unknown>, path: JsonPath, allowed: readonly T[], kind: string, out: Collector): T | undefined {
  const value = String(a.expect);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  out.error('bad-value', [...path, 'expect'], `${kind} assertion expects one of ${allowed.map((x) => `\`${x}\``).join(', ')}, not \`${value}\``);
  return undefined;
}

/** Builds `assertions` (shapes already checked); mixed-up fields are blocking errors. */
export function buildAssertions(value: Record<string, unknown>, out: Collector): Assertion[] {
  const raw = Array.isArray(value.assertions) ? value.assertions : [];
  const assertions: Assertion[] = [];
  raw.forEach((item, i) => {
    if (!isObject(item)) return;
    const path: JsonPath = ['assertions', i];
    const name = String(item.name);
    if (item.finding !== undefined || item.subject !== undefined) {
      if (!requireFields(item, path, ['finding', 'subject'], 'a finding', out)) return;
      for (const extra of ['principal', 'action', 'resource', 'via', 'parameters', 'context']) {
        if (item[extra] !== undefined) out.error('unknown-key', [...path, extra], `a finding assertion has no \`${extra}\``, true);
      }
      const expect = expectOneOf<FindingExpectation>(item, path, FINDING_EXPECTATIONS, 'a finding', out);
      if (expect !== undefined) assertions.push({ type: 'finding', name, finding: String(item.finding), subject: String(item.subject), expect, path });
      return;
    }
    if (!requireFields(item, path, ['principal', 'action', 'resource'], 'a request', out)) return;
    const base = { name, principal: String(item.principal), action: String(item.action), resource: String(item.resource), context: contextOf(item.context), path };
    if (item.via === 'role-chain') {
      if (item.parameters !== undefined) out.error('unknown-key', [...path, 'parameters'], 'a role-chain assertion has no `parameters`', true);
      const expect = expectOneOf<ReachExpectation>(item, path, REACH_EXPECTATIONS, 'a role-chain', out);
      if (expect !== undefined) assertions.push({ type: 'reach', ...base, expect });
      return;
    }
    const parameters = parametersOf(item.parameters);
    if (parameters !== undefined && !/^sts:assumerole/i.test(base.action)) {
      out.error('bad-value', [...path, 'parameters'], '`parameters` apply only to `sts:AssumeRole*` requests');
    }
    const expect = expectOneOf<RequestExpectation>(item, path, REQUEST_EXPECTATIONS, 'a request', out);
    if (expect !== undefined) assertions.push({ type: 'request', ...base, parameters, expect });
  });
  return assertions;
}
