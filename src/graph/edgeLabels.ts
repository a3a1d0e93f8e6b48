/**
 * The short text drawn on an edge: the conditions of a conditional edge ("needs ExternalId"), what
 * blocks a blocked one ("SCP"), the access levels of an effective-access edge.
 */
import type { ConditionCategory, EdgeCondition, GraphEdge } from '../analysis/types';
import type { DecisionReason } from '../engine/types';
import type { AccessLevel } from '../catalog/vocabulary';
import type { ActionLevels } from './highlight';
import { levelsPassing } from './highlight';
import type { GraphFilters, GraphStrings } from './view';

const CATEGORY_LABELS: Readonly<Record<ConditionCategory, string>> = {
  'external-id': 'ExternalId',
  mfa: 'MFA',
  organization: 'org',
  source: 'source',
  'idp-claim': 'IdP claim',
  network: 'network',
  tag: 'tag',
  time: 'time',
  other: '',
};

const BLOCKER_LABELS: Readonly<Record<DecisionReason, string>> = {
  allowed: '',
  'explicit-deny': 'Deny',
  'invalid-request': 'invalid',
  rcp: 'RCP',
  scp: 'SCP',
  'no-grant': 'no grant',
  'resource-policy-required': 'resource policy',
  'kms-no-cross-account': 'key policy',
  identity: 'identity',
  boundary: 'boundary',
  session: 'session policy',
  conditional: '',
};

/** The short name of an access level in the panel's language. */
function levelLabel(level: AccessLevel, strings: GraphStrings): string {
  switch (level) {
    case 'List':
      return strings.levelList;
    case 'Read':
      return strings.levelRead;
    case 'Write':
      return strings.levelWrite;
    case 'Permissions management':
      return strings.levelPermissions;
    case 'Tagging':
      return strings.levelTagging;
  }
}

/** "ExternidId + MFA": the distinct categories of the conditions an edge needs. */
export function conditionSummary(conditions: readonly EdgeCondition[]): string {
  const names: string[] = [];
  for (const { effect, category, condition } of conditions) {
    if (effect !== 'needs') continue;
    const name = CATEGORY_LABELS[category] || condition.key;
    if (!names.includes(name)) names.push(name);
  }
  return names.join(' + ');
}

/** The label an edge carries on the canvas ('' for none). */
export function edgeLabel(edge: GraphEdge, strings: GraphStrings, filters: GraphFilters, actionLevels: ActionLevels): string {
  switch (edge.kind) {
    case 'can-assume':
      if (edge.decision === 'conditional') {
        const summary = conditionSummary(edge.conditions);
        return summary === '' ? '' : `${strings.needs} ${summary}`;
      }
      if (edge.decision === 'blocked' && edge.blockedBy !== undefined) return BLOCKER_LABELS[edge.blockedBy.reason];
      return '';
    case 'effective-access':
      return levelsPassing(edge, actionLevels, filters)
        .map((summary) => levelLabel(summary.level, strings))
        .join(' · ');
    case 'shares':
      return edge.status === 'pending' ? strings.pending : '';
    case 'grants':
    case 'member-of':
      return '';
  }
}
