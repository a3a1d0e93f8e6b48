/**
 * The built-in lessons, in the order the gallery shows them: from one bucket shared with one account to
 * organization-wide patterns. The first one is what the app opens on.
 */
import { BUCKET_DELEGATION } from './content/bucketDelegation';
import { BUCKET_POLICY_ROLE } from './content/bucketPolicyRole';
import { CICD_DEPLOY_ROLES } from './content/cicdDeployRoles';
import { CLOUDTRAIL_LOGS } from './content/cloudtrailLogs';
import { CONFUSED_DEPUTY } from './content/confusedDeputy';
import { EXTERNAL_ID_LESSON } from './content/externalId';
import { PARTITIONS } from './content/partitions';
import { PARTNER_ROLE } from './content/partnerRole';
import { PRINCIPAL_ORG_ID } from './content/principalOrgId';
import { PRINCIPAL_ORG_PATHS } from './content/principalOrgPaths';
import { PUBLIC_PRINCIPAL } from './content/publicPrincipal';
import { RAM_SUBNET_SHARING } from './content/ramSubnetSharing';
import { ROLE_VS_RESOURCE_POLICY } from './content/roleVsResourcePolicy';
import { SHARED_VPC_TRANSIT_GATEWAY } from './content/sharedVpcTransitGateway';
import type { LessonDefinition } from './types';

export type { AssertionJson, LessonDefinition, LessonRequest, LessonSource, LessonStepDefinition, Localized, PredictAnswer, PredictQuestion, ScenarioEdit, TryIt } from './types';
export { applyEdits, lessonQuestions, lessonScenario, lessonTryIts, predictAssertion } from './lessonScenario';

/** Every built-in lesson; ids are stable because `#lesson=<id>` links name them. */
export const LESSONS: readonly LessonDefinition[] = [
  BUCKET_DELEGATION,
  BUCKET_POLICY_ROLE,
  PARTNER_ROLE,
  ROLE_VS_RESOURCE_POLICY,
  EXTERNAL_ID_LESSON,
  CONFUSED_DEPUTY,
  PARTITIONS,
  PRINCIPAL_ORG_ID,
  PRINCIPAL_ORG_PATHS,
  PUBLIC_PRINCIPAL,
  CLOUDTRAIL_LOGS,
  RAM_SUBNET_SHARING,
  SHARED_VPC_TRANSIT_GATEWAY,
  CICD_DEPLOY_ROLES,
];

/** The lesson the app opens on the first visit. */
export const DEFAULT_LESSON_ID = 'bucket-delegation';

/** The lesson with this id, if there is one. */
export function lessonById(id: string): LessonDefinition | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
