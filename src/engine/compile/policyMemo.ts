/**
 * Compiled policies remembered across compilations. Every edit recompiles the scenario, and a fresh
 * parse gives new document objects with the same content, so without this each edit compiled every
 * policy of the organization again (about 40% of a compilation at the M bench size). A compiled policy
 * depends only on its reference and its document, so one whose reference and document hash as before
 * is the same value and is shared.
 */
import { documentHash, hashValue } from '../../model/structuralHash';
import type { PolicyDocument } from '../../model/policy';
import type { PolicyRef } from '../types';
import { compilePolicy, type CompiledPolicy } from './compilePolicy';

/** Bounds what the memo holds beyond the scenarios in use (about two L organizations' policies). */
const MEMO_LIMIT = 60_000;
const memo = new Map<string, CompiledPolicy>();

/**
 * `compilePolicy(ref, document)`, or an equal compiled policy from an earlier compilation.
 * INVARIANT: compiled policies are immutable and hold no per-scenario state (caches keyed by scenario
 * live on principal and resource views), so sharing one between compilations changes no decision.
 */
export function compileRemembered(ref: PolicyRef, document: PolicyDocument): CompiledPolicy {
  const key = `${hashValue(ref)}${documentHash(document)}`;
  let policy = memo.get(key);
  if (policy === undefined) {
    policy = compilePolicy(ref, document);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, policy);
  }
  return policy;
}

/** Forgets every remembered policy (tests compare a compilation that reuses against one that cannot). */
export function forgetCompiledPolicies(): void {
  memo.clear();
}
