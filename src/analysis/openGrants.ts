/**
 * Pair selection for resource-policy grants that may name anyone (`Principal: "*"`, `NotPrincipal`):
 * such a grant makes a pair worth evaluating for every caller that needs no identity Allow (same
 * account, or not an IAM caller) and for every other caller with an identity Allow whose Resource may
 * cover the target. Asking each source in turn is sources × open targets (about 4M checks at the L
 * bench); this index finds the same sources from the target's ARN and its owner account.
 */
import type { RequestSource } from './requestSources';
import type { ResourceMatcher } from './statementMatch';

/** The sources an open grant on a target may make worth evaluating. */
export interface OpenGrantIndex {
  /** Each source that needs no identity Allow for a target of `account`, or whose identity Allows may cover `lowerArn`. */
  sourcesFor(account: string, lowerArn: string, visit: (source: RequestSource) => void): void;
}

/** True for IAM callers: from another account, a resource-policy grant needs an identity Allow too. */
export function isIamCaller(source: RequestSource): boolean {
  return source.kind === 'user' || source.kind === 'role' || source.kind === 'session';
}

/** Indexes `sources` by account and by the literal prefixes of their identity Allows' Resource elements. */
export function openGrantIndex(sources: readonly RequestSource[]): OpenGrantIndex {
  const byAccount = new Map<string | undefined, RequestSource[]>();
  const others: RequestSource[] = [];
  const byPrefix = new Map<string, { source: RequestSource; matcher: ResourceMatcher }[]>();
  for (const source of sources) {
    if (!isIamCaller(source)) others.push(source);
    else {
      const list = byAccount.get(source.account);
      if (list === undefined) byAccount.set(source.account, [source]);
      else list.push(source);
    }
    for (const matcher of source.allowMatchers) {
      // A matcher with several patterns is listed under each prefix; a visit may repeat (callers add to a set).
      for (const prefix of new Set(matcher.prefixes)) {
        const list = byPrefix.get(prefix);
        if (list === undefined) byPrefix.set(prefix, [{ source, matcher }]);
        else list.push({ source, matcher });
      }
    }
  }
  const lengths = [...new Set([...byPrefix.keys()].map((p) => p.length))].sort((a, b) => a - b);
  return {
    sourcesFor(account, lowerArn, visit) {
      for (const source of others) visit(source);
      for (const source of byAccount.get(account) ?? []) visit(source);
      for (const length of lengths) {
        if (length > lowerArn.length) break;
        for (const { source, matcher } of byPrefix.get(lowerArn.slice(0, length)) ?? []) if (matcher.matchesLower(lowerArn)) visit(source);
      }
    },
  };
}
