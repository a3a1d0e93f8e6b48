/**
 * The catalog's public surface: the IAM action catalog and the AWS managed-policy store.
 */
export { createCatalog, type Catalog } from './Catalog';
export { CatalogDataError, type CatalogDataSource } from './dataSource';
export { createManagedPolicyStore, type ManagedPolicyStore } from './managedPolicies';
export { AWS_MANAGED_POLICY_ARN_PREFIX, isAwsManagedPolicyArn, type RawPolicyDocument } from './managedPolicyAsset';
export type { ActionResourceType, CatalogAction, CatalogConditionKey, CatalogResourceType, CatalogService, ServiceData } from './types';
export { ACCESS_LEVELS, CONDITION_KEY_TYPES, isMultiValuedType, normaliseAccessLevels, type AccessLevel, type ConditionKeyType } from './vocabulary';
