/**
 * The access diff: what a change to a scenario adds and removes, principal by resource by action.
 */
import type { ActionAccess, EdgeDecision } from './types';

/** Kinds of change in an access diff. */
export const ACCESS_CHANGES = ['added', 'removed', 'changed'] as const;
/** One kind of change. */
export type AccessChangeKind = (typeof ACCESS_CHANGES)[number];

/** One principal × resource × action whose availability differs between two scenarios. */
export interface AccessChange {
  readonly change: AccessChangeKind;
  readonly principal: string;
  readonly resource: string;
  readonly action: string;
  /** How it was available before (`undefined` when added). */
  readonly before: ActionAccess | undefined;
  /** How it is available after (`undefined` when removed). */
  readonly after: ActionAccess | undefined;
}

/** One principal × role whose assumability differs between two scenarios. */
export interface AssumeChange {
  readonly change: AccessChangeKind;
  readonly principal: string;
  readonly role: string;
  readonly before: EdgeDecision | undefined;
  readonly after: EdgeDecision | undefined;
}

/** What a change to a scenario adds and removes. `changed` = allowed ↔ conditional, or another path. */
export interface AccessDiff {
  /** Sorted by principal, resource, action. */
  readonly access: readonly AccessChange[];
  /** Sorted by principal, role. */
  readonly assume: readonly AssumeChange[];
  readonly summary: Readonly<Record<AccessChangeKind, number>>;
}
