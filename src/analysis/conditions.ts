/**
 * The conditions an outcome depends on, as the graph labels them: each unresolved condition of a
 * three-valued evaluation with its category (ExternalId, MFA, organization, source, IdP claim, …).
 */
import type { Explanation } from '../engine/types';
import type { ConditionEntry } from '../model/policy';
import type { ConditionCategory, EdgeCondition } from './types';

/** The category of a condition key (case ignored). */
export function conditionCategory(key: string): ConditionCategory {
  const k = key.toLowerCase();
  if (k === 'sts:externalid') return 'external-id';
  if (k.startsWith('aws:multifactorauth')) return 'mfa';
  if (/^aws:(principal|resource|source)org(id|paths)$/.test(k)) return 'organization';
  if (/^aws:(sourceip|sourcevpc|sourcevpce|vpcsourceip|securetransport)$/.test(k)) return 'network';
  if (k.startsWith('aws:source') || k === 'aws:calledvia' || k.startsWith('aws:calledvia')) return 'source';
  if (/^aws:(requesttag|resourcetag|principaltag)\//.test(k) || k === 'aws:tagkeys') return 'tag';
  if (k === 'aws:currenttime' || k === 'aws:epochtime' || k === 'aws:tokenissuetime') return 'time';
  const prefix = k.slice(0, Math.max(k.indexOf(':'), 0));
  if (prefix.includes('.') || prefix === 'saml' || prefix === 'cognito-identity') return 'idp-claim';
  return 'other';
}

function conditionKey(condition: ConditionEntry): string {
  return `${condition.operator}|${condition.key.toLowerCase()}|${condition.values.join('\u0000')}`;
}

/** The conditions of a `Conditional` explanation (needs first, then avoids), deduplicated. */
export function explanationConditions(explanation: Explanation): EdgeCondition[] {
  const out: EdgeCondition[] = [];
  for (const condition of explanation.needs ?? []) out.push({ effect: 'needs', category: conditionCategory(condition.key), condition });
  for (const condition of explanation.avoids ?? []) out.push({ effect: 'avoids', category: conditionCategory(condition.key), condition });
  return mergeConditions(out);
}

/** Concatenates condition lists, keeping the first of equal conditions. */
export function mergeConditions(...lists: readonly (readonly EdgeCondition[])[]): EdgeCondition[] {
  const seen = new Set<string>();
  const out: EdgeCondition[] = [];
  for (const list of lists) {
    for (const c of list) {
      const key = `${c.effect}|${conditionKey(c.condition)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}
