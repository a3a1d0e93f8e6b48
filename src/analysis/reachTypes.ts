/**
 * Reachability through chains of role assumption (SEMANTICS §7.3), edge explanations and access paths:
 * the answers of the worker's queries.
 */
import type { AnalysisResult, Request, StatementRef } from '../engine/types';
import type { ActionAccess, EdgeCondition, EffectiveAccessEdge, GraphEdge, LevelSummary } from './types';

/** One hop of a role chain. */
export interface PathHop {
  /** The `can-assume` edge id. */
  readonly edge: string;
  readonly from: string;
  /** The role assumed. */
  readonly to: string;
  readonly decision: 'allowed' | 'conditional';
  readonly chained: boolean;
}

/** A chain of role assumptions; empty `hops` means the principal itself. */
export interface ReachPath {
  readonly hops: readonly PathHop[];
  /** Every condition along the path (deduplicated). */
  readonly conditions: readonly EdgeCondition[];
  /** `allowed` when every hop is allowed. */
  readonly decision: 'allowed' | 'conditional';
}

/** A role a principal reaches, with the best path (fewest conditions, then fewest hops). */
export interface ReachedRole {
  readonly role: string;
  readonly path: ReachPath;
}

/** A resource a principal reaches (directly or through roles), with its best available actions. */
export interface ReachedResource {
  readonly resource: string;
  /** The `effective-access` edge id. */
  readonly edge: string;
  readonly decision: 'allowed' | 'conditional';
  readonly levels: readonly LevelSummary[];
}

/** Everything one principal reaches. */
export interface PrincipalReach {
  readonly principal: string;
  /** Roles reachable through any chain of assumptions (cycle-safe), sorted by role. */
  readonly roles: readonly ReachedRole[];
  /** Resources with effective access (own or through roles), sorted by resource. */
  readonly resources: readonly ReachedResource[];
}

/** A principal that reaches a resource, with the path of one action. */
export interface Reacher {
  readonly principal: string;
  /** The `effective-access` edge id. */
  readonly edge: string;
  readonly decision: 'allowed' | 'conditional';
  /** The roles assumed (empty for own permissions) for the best action. */
  readonly via: readonly string[];
  readonly conditions: readonly EdgeCondition[];
  /** The available actions per access level (for `whoCanReach(resource, action)`: that action only). */
  readonly levels: readonly LevelSummary[];
}

/** Every principal that reaches one resource. */
export interface ResourceReach {
  readonly resource: string;
  /** Sorted by principal. */
  readonly principals: readonly Reacher[];
}

/** Reachability both ways (SEMANTICS §7.3). */
export interface Reachability {
  /** One entry per principal node that reaches anything, sorted by principal. */
  readonly byPrincipal: readonly PrincipalReach[];
  /** One entry per resource node that someone reaches, sorted by resource. */
  readonly byResource: readonly ResourceReach[];
}

/**
 * What the page needs of one node when its graph came without effective access (`AccessGraph.omitted`):
 * the node's reach both ways and the effective-access edges its highlight and lists read.
 */
export interface Neighbourhood {
  readonly node: string;
  /** Set when the node is a principal that reaches anything. */
  readonly principal: PrincipalReach | undefined;
  /** Set when the node is a resource that someone reaches. */
  readonly resource: ResourceReach | undefined;
  /** The node's own effective-access edges and those of the last role of each path, sorted by id. */
  readonly edges: readonly EffectiveAccessEdge[];
}

/** What `explainEdge` answers: the edge and the statements (and evaluations) that create it. */
export interface EdgeExplanation {
  readonly edge: GraphEdge;
  /** Every statement that takes part in creating the edge, deduplicated. */
  readonly statements: readonly StatementRef[];
  /** The engine evaluations behind the edge (one per assume edge; one per grant, on its first action, for access edges). */
  readonly evaluations: readonly EdgeEvaluation[];
}

/** One three-valued evaluation behind an edge. */
export interface EdgeEvaluation {
  readonly request: Request;
  readonly result: AnalysisResult;
}

/** The best way one principal performs one action on one resource. */
export interface AccessPath {
  readonly principal: string;
  readonly resource: string;
  readonly action: string;
  readonly access: ActionAccess;
  /** The assume hops, in order (empty for own permissions). */
  readonly hops: readonly PathHop[];
}
