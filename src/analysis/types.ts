/**
 * The access graph: what analysis computes from a scenario and the UI renders (DESIGN.md "Analysis").
 * Plain data only (no classes, no functions, no Maps): it crosses the worker boundary by structured
 * clone and the CLI prints it as JSON. Lists are sorted by id so that equal inputs give equal graphs.
 */
import type { AccessLevel } from '../catalog/vocabulary';
import type { DecisionReason, FlowStep, PolicyRef, StatementRef } from '../engine/types';
import type { Finding } from './findingTypes';
import type { Reachability } from './reachTypes';
import type { AccountId, JsonPath } from '../model/ids';
import type { ConditionEntry } from '../model/policy';

/** Version of the `AccessGraph` shape; bumped on any incompatible change. */
export const ACCESS_GRAPH_VERSION = 1 as const;

/**
 * Node kinds. `organization` is the organization root (id `r-…`); `account` covers listed and
 * external accounts (id: the 12-digit account id); `session` is a declared role or federated-user
 * session; `service` a service principal (`lambda.amazonaws.com`); `idp` an OIDC or SAML identity
 * provider named as `Federated` principal; `anonymous` the unauthenticated caller (id `anonymous`).
 */
export const NODE_KINDS = ['organization', 'ou', 'account', 'user', 'group', 'role', 'session', 'resource', 'share', 'service', 'idp', 'anonymous'] as const;
/** One node kind. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Node kinds that can make requests (and so be the source of `can-assume` and `effective-access`). */
export const PRINCIPAL_NODE_KINDS = ['user', 'role', 'session', 'service', 'idp', 'anonymous'] as const;
/** One principal node kind. */
export type PrincipalNodeKind = (typeof PRINCIPAL_NODE_KINDS)[number];

/**
 * Node flags.
 * - `external`: outside the organization (or, without one, outside the listed accounts); for a
 *   principal or resource, its account is external;
 * - `management-account`: the organization's management account (SCPs and RCPs do not apply);
 * - `service-linked`: a service-linked role (path `/aws-service-role/`);
 * - `undeclared`: mentioned in a policy or share but not declared in the scenario;
 * - `federated-session`: a `federated-user` session (GetFederationToken);
 * - `aws-managed`: an AWS-owned principal such as a service principal.
 */
export const NODE_FLAGS = ['external', 'management-account', 'service-linked', 'undeclared', 'federated-session', 'aws-managed'] as const;
/** One node flag. */
export type NodeFlag = (typeof NODE_FLAGS)[number];

/** One node of the graph. */
export interface GraphNode {
  /**
   * An entity's ARN; an account's 12-digit id; an OU's `ou-…` id; the root's `r-…` id; a share's
   * `ram-share:<owner>:<name>` id; a service principal's name; `anonymous`.
   */
  readonly id: string;
  readonly kind: NodeKind;
  /** The short name (user name, role name, bucket name, account name, OU name). */
  readonly label: string;
  /** The enclosing compound node: principal/resource/share → account → OU → root; `undefined` at the top. */
  readonly parent: string | undefined;
  /** The owning account, when there is one (also set on account nodes themselves). */
  readonly account: AccountId | undefined;
  /** The partition (`aws`, `aws-cn`, …) when known. */
  readonly partition: string | undefined;
  /** Sorted, without duplicates. */
  readonly flags: readonly NodeFlag[];
  /** Where the entity is declared in the scenario, for jumping to it in the editor; `undefined` when undeclared. */
  readonly path: JsonPath | undefined;
  /** For resources: the catalog resource types of the ARN as `service:key` (`s3:bucket`), for icons; else empty. */
  readonly resourceTypes: readonly string[];
}

/** Edge kinds (DESIGN.md "Analysis"). */
export const EDGE_KINDS = ['member-of', 'can-assume', 'grants', 'shares', 'effective-access'] as const;
/** One edge kind. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** How an edge that is the result of an evaluation came out. */
export const EDGE_DECISIONS = ['allowed', 'conditional', 'blocked'] as const;
/** One edge decision. */
export type EdgeDecision = (typeof EDGE_DECISIONS)[number];

/** What kind of unknown a condition depends on, so the UI can label it (`needs ExternalId`). */
export const CONDITION_CATEGORIES = ['external-id', 'mfa', 'organization', 'source', 'idp-claim', 'network', 'tag', 'time', 'other'] as const;
/** One condition category. */
export type ConditionCategory = (typeof CONDITION_CATEGORIES)[number];

/**
 * A condition an outcome depends on: `needs` = an Allow holds only if it is true; `avoids` = a Deny
 * would fire if it is true. `condition.path` locates it in the scenario.
 */
export interface EdgeCondition {
  readonly effect: 'needs' | 'avoids';
  readonly category: ConditionCategory;
  readonly condition: ConditionEntry;
}

/** What stops a `blocked` edge, in the evaluation flow's own words. */
export interface Blocker {
  readonly reason: DecisionReason;
  readonly step: FlowStep;
  /** For a control-policy gate: the org node (root, OU or account id) whose level had no Allow. */
  readonly level: string | undefined;
  /** The deciding statements (the explicit Deny, or nothing for an implicit gate). */
  readonly statements: readonly StatementRef[];
  /** The policies of the gate that had no Allow (SCP/RCP level, boundary, session policy), when known. */
  readonly policies: readonly PolicyRef[];
}

interface EdgeBase {
  /** Stable and unique: `<kind>|<source>|<target>` plus a suffix where one pair has several edges. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** A user in a group (user → group), or a declared session of its role or user (session → role/user). */
export interface MemberOfEdge extends EdgeBase {
  readonly kind: 'member-of';
}

/** The STS actions that create a role session. */
export const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'] as const;
/** One STS assume action. */
export type AssumeAction = (typeof ASSUME_ACTIONS)[number];

/**
 * `source` may call `action` on the role `target` (SEMANTICS §7.3). Present for every pair whose
 * three-valued evaluation is `Allow` (allowed) or `Conditional` (conditional), and for pairs whose
 * trust policy names the caller but a control policy, boundary, session policy or explicit Deny stops
 * it (blocked). Never drawn for requests that cannot exist (`invalid-request`).
 */
export interface CanAssumeEdge extends EdgeBase {
  readonly kind: 'can-assume';
  readonly action: AssumeAction;
  readonly decision: EdgeDecision;
  /** For `conditional`: what must hold (and what must not). Empty otherwise. */
  readonly conditions: readonly EdgeCondition[];
  /** The deciding statements: the trust (and identity) Allows that grant, or the Deny that blocks. */
  readonly statements: readonly StatementRef[];
  /** Set exactly when `decision` is `blocked`. */
  readonly blockedBy: Blocker | undefined;
  /** True when the caller is itself a role session (role chaining: sessions capped at one hour). */
  readonly chained: boolean;
}

/**
 * A resource-based policy (bucket policy, key policy, trust policy, RAM statement) names a principal in
 * an Allow: resource → principal (an account node for account principals, `anonymous` for `*`).
 * Static: says nothing about whether the principal's own side allows.
 */
export interface GrantsEdge extends EdgeBase {
  readonly kind: 'grants';
  readonly statements: readonly StatementRef[];
  /** The Action / NotAction patterns of those statements, as written (NotAction entries prefixed `!`). */
  readonly actions: readonly string[];
  /** The statements' conditions (all of them; the UI shows them on demand). */
  readonly conditions: readonly ConditionEntry[];
  /** For a `Principal: "*"` grant: true when some condition pins it to known callers. */
  readonly constrained: boolean;
}

/** Status of a RAM share association. */
export const SHARE_STATUSES = ['active', 'pending', 'invalid'] as const;
/** One share status. */
export type ShareStatus = (typeof SHARE_STATUSES)[number];

/** Why a RAM share association grants nothing (SEMANTICS §6). */
export const SHARE_ISSUES = ['external-not-allowed', 'org-sharing-disabled', 'pending-invitation', 'unknown-principal', 'foreign-resource'] as const;
/** One share issue. */
export type ShareIssue = (typeof SHARE_ISSUES)[number];

/**
 * RAM: resource → share (`role: 'resource'`), and share → consumer account, OU, organization root,
 * role or user (`role: 'consumer'`).
 */
export interface SharesEdge extends EdgeBase {
  readonly kind: 'shares';
  /** The share's name (`PolicyRef.via` of the statements RAM adds). */
  readonly share: string;
  readonly role: 'resource' | 'consumer';
  readonly status: ShareStatus;
  /** Set when `status` is not `active`. */
  readonly issue: ShareIssue | undefined;
  /** The share principal as written (account id, org/OU ARN, IAM ARN). */
  readonly principal: string | undefined;
  readonly path: JsonPath;
}

/**
 * A group of actions on one resource available to one principal in the same way: same decision, same
 * deciding statements, same conditions, same role path. Effective-access edges hold groups rather than
 * one record per action so that large organizations stay small in memory; `expandActions` gives the
 * per-action view.
 */
export interface AccessGrant {
  /** The actions in their documented case (`s3:GetObject`), sorted. */
  readonly actions: readonly string[];
  /**
   * The ARN the actions were evaluated on when it differs from the edge's resource: object actions of a
   * bucket are evaluated on `arn:aws:s3:::bucket/*` (every object). `undefined` otherwise.
   */
  readonly resource: string | undefined;
  readonly decision: 'allowed' | 'conditional';
  /** The statements that grant them (at the last hop, when `via` is set). */
  readonly statements: readonly StatementRef[];
  /** Conditions along the whole path (assume hops and the final request). */
  readonly conditions: readonly EdgeCondition[];
  /**
   * When reached through role assumption: the role ARNs assumed in order (the last one makes the
   * request). `undefined` for the principal's own permissions.
   */
  readonly via: readonly string[] | undefined;
}

/** How one action on one resource is available to one principal (the per-action view of a grant). */
export interface ActionAccess extends Omit<AccessGrant, 'actions'> {
  /** The action in its documented case (`s3:GetObject`). */
  readonly action: string;
  /** The action's access levels (some actions carry two, e.g. Tagging and Write); empty when unknown. */
  readonly levels: readonly AccessLevel[];
}

/** Per access level: how many of the resource type's actions at that level are available. */
export interface LevelSummary {
  readonly level: AccessLevel;
  readonly allowed: number;
  readonly conditional: number;
  /** Actions of the resource's types at this level (the breadth scale). */
  readonly total: number;
}

/**
 * Effective access principal → resource: every action of the resource's catalog types evaluated
 * (three-valued), keeping the allowed and conditional ones. Includes access through chains of role
 * assumption (`AccessGrant.via`); the best path per action is kept (allowed before conditional,
 * then fewest conditions, then fewest hops).
 */
export interface EffectiveAccessEdge extends EdgeBase {
  readonly kind: 'effective-access';
  /** `allowed` when some action is allowed, else `conditional`. */
  readonly decision: 'allowed' | 'conditional';
  /** In `ACCESS_LEVELS` order, only levels with at least one action available. */
  readonly levels: readonly LevelSummary[];
  /** Each action appears in exactly one grant (per evaluated resource); grants sorted by first action. */
  readonly grants: readonly AccessGrant[];
  /** True when every action is available only through roles. */
  readonly indirect: boolean;
}

/** Any edge. */
export type GraphEdge = MemberOfEdge | CanAssumeEdge | GrantsEdge | SharesEdge | EffectiveAccessEdge;

/** Counters for the status bar, the CLI summary and the bench. */
export interface AnalysisStats {
  readonly nodes: number;
  readonly edges: Readonly<Record<EdgeKind, number>>;
  readonly findings: number;
  /** Three-valued engine evaluations performed. */
  readonly evaluations: number;
  /** Evaluations a naive principal × resource × action product would need. */
  readonly naiveEvaluations: number;
  /** Cells (principal × target pairs) reused from the previous analysis. */
  readonly reused: number;
  /** Resources whose ARN matched no catalog type (their actions come from the policies that name them). */
  readonly untypedResources: number;
}

/** The whole analysis of one scenario. */
export interface AccessGraph {
  readonly version: typeof ACCESS_GRAPH_VERSION;
  /** Sorted by id. */
  readonly nodes: readonly GraphNode[];
  /** Sorted by id. */
  readonly edges: readonly GraphEdge[];
  /** Sorted by severity, then code, then subject. */
  readonly findings: readonly Finding[];
  readonly reachability: Reachability;
  /** The access levels of every action that effective-access grants name. */
  readonly actionLevels: Readonly<Record<string, readonly AccessLevel[]>>;
  readonly stats: AnalysisStats;
  /**
   * Set only on a graph the worker sent to the page without its effective-access edges and
   * reachability, because they are too many to copy (`graphWire.ts`); the page asks the worker for the
   * part its selection needs (`neighbourhood`). Never set by analysis itself.
   */
  readonly omitted?: OmittedAccess;
}

/** What a graph sent without its effective access leaves out, and the counts the page shows instead. */
export interface OmittedAccess {
  /** Effective-access edges left out. */
  readonly edges: number;
  /** Per principal that reaches anything: how many resources it reaches. */
  readonly resourcesByPrincipal: Readonly<Record<string, number>>;
  /** Per resource that someone reaches: how many principals reach it. */
  readonly principalsByResource: Readonly<Record<string, number>>;
}

/** Phases of an analysis, in order, for progress reporting. */
export const ANALYSIS_PHASES = ['parse', 'compile', 'nodes', 'trust', 'access', 'reachability', 'findings'] as const;
/** One analysis phase. */
export type AnalysisPhase = (typeof ANALYSIS_PHASES)[number];

/** Progress of a long analysis. `done` ≤ `total` counts work units of the current phase. */
export interface AnalysisProgress {
  readonly phase: AnalysisPhase;
  readonly done: number;
  readonly total: number;
}

export type { Finding, FindingCode, FindingSeverity } from './findingTypes';
export { FINDING_CODES, FINDING_SEVERITIES } from './findingTypes';
export type { AccessPath, EdgeEvaluation, EdgeExplanation, Neighbourhood, PathHop, PrincipalReach, Reachability, Reacher, ReachedResource, ReachedRole, ReachPath, ResourceReach } from './reachTypes';
export type { AccessChange, AccessChangeKind, AccessDiff, AssumeChange } from './diffTypes';
export { ACCESS_CHANGES } from './diffTypes';
