/**
 * Lesson (m): a CodePipeline role in the DevOps account assumes `DeployRole` in the dev, staging and prod
 * accounts (seed 000, "パターン3: CI/CDクロスアカウントデプロイ"; https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html).
 */
import type { JsonObject } from '../../io/share/jsonValue';
import type { LessonDefinition } from '../types';
import { doc, inline, serviceTrust } from './policy';

const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const INFRA_OU = 'ou-a1b2-infr0001';
const SDLC_OU = 'ou-a1b2-sdlc0001';
const PROD_OU = 'ou-a1b2-prod0001';
const MANAGEMENT = '999999999999';
const DEVOPS = '111111111111';
const DEV = '222222222222';
const STAGING = '333333333333';
const PROD = '444444444444';
const QA = '555555555555';
const PIPELINE = `arn:aws:iam::${DEVOPS}:role/CodePipelineRole`;
const DEVELOPER = `arn:aws:iam::${DEV}:role/Developer`;
const ARTIFACTS = 'arn:aws:s3:::devops-pipeline-artifacts';
const ARTIFACT = 'arn:aws:s3:::devops-pipeline-artifacts/app-web/build-42.zip';

function deployRoleArn(account: string): string {
  return `arn:aws:iam::${account}:role/DeployRole`;
}

function stackArn(account: string): string {
  return `arn:aws:cloudformation:ap-northeast-1:${account}:stack/app-web/8c7f2a10-d3e4-11ee-a1b2-0a1b2c3d4e5f`;
}

const TRUST_PIPELINE = doc({ Effect: 'Allow', Principal: { AWS: PIPELINE }, Action: 'sts:AssumeRole' });

function deployRole(account: string, trustPolicy: JsonObject): JsonObject {
  return {
    arn: deployRoleArn(account),
    trustPolicy,
    policies: [
      inline(
        'DeployApp',
        {
          Effect: 'Allow',
          Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DescribeStacks'],
          Resource: `arn:aws:cloudformation:ap-northeast-1:${account}:stack/app-*/*`,
        },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::devops-pipeline-artifacts/*' },
      ),
    ],
  };
}

/** CodePipelineRole → DeployRole in each environment account. */
export const CICD_DEPLOY_ROLES: LessonDefinition = {
  id: 'cicd-deploy-roles',
  title: {
    en: 'CI/CD: one pipeline, a DeployRole per account',
    ja: 'CI/CD: 1 つのパイプラインとアカウントごとの DeployRole',
  },
  summary: {
    en: 'CodePipeline in the DevOps account assumes DeployRole in dev, staging and prod; developers cannot, and no DeployRole leads to another.',
    ja: 'DevOps アカウントの CodePipeline は dev、staging、prod の DeployRole を引き受けます。開発者にはできず、DeployRole から別の DeployRole に移ることもできません。',
  },
  sources: [{ seed: '000', section: 'パターン3: CI/CDクロスアカウントデプロイ' }],
  scenario: {
    organization: {
      id: ORG,
      managementAccountId: MANAGEMENT,
      rootId: ROOT,
      units: [
        { id: INFRA_OU, name: 'Infrastructure', parentId: ROOT },
        { id: SDLC_OU, name: 'SDLC', parentId: ROOT },
        { id: PROD_OU, name: 'Production', parentId: ROOT },
      ],
    },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: DEVOPS, name: 'DevOps', parentId: INFRA_OU },
      { id: DEV, name: 'Development', parentId: SDLC_OU },
      { id: STAGING, name: 'Staging', parentId: SDLC_OU },
      { id: QA, name: 'QA (new)', parentId: SDLC_OU },
      { id: PROD, name: 'Production', parentId: PROD_OU },
    ],
    roles: [
      {
        arn: PIPELINE,
        trustPolicy: serviceTrust('codepipeline.amazonaws.com', DEVOPS),
        policies: [
          inline(
            'AssumeDeployRoles',
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/DeployRole' },
            { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::devops-pipeline-artifacts/*' },
          ),
        ],
      },
      deployRole(DEV, TRUST_PIPELINE),
      deployRole(STAGING, TRUST_PIPELINE),
      deployRole(PROD, TRUST_PIPELINE),
      deployRole(QA, doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${QA}:root` }, Action: 'sts:AssumeRole' })),
      {
        arn: DEVELOPER,
        trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sts:AssumeRole' }),
        policies: [inline('DeveloperAccess', { Effect: 'Allow', Action: ['sts:AssumeRole', 'cloudformation:*', 's3:GetObject'], Resource: '*' })],
      },
    ],
    resources: [
      {
        arn: ARTIFACTS,
        account: DEVOPS,
        policy: doc({
          Sid: 'DeployRolesReadArtifacts',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::devops-pipeline-artifacts/*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/DeployRole' } },
        }),
      },
    ],
  },
  checkpoints: [
    { name: 'the pipeline assumes DeployRole in dev', principal: PIPELINE, action: 'sts:AssumeRole', resource: deployRoleArn(DEV), expect: 'Allow' },
    { name: 'the pipeline assumes DeployRole in staging', principal: PIPELINE, action: 'sts:AssumeRole', resource: deployRoleArn(STAGING), expect: 'Allow' },
    { name: 'the pipeline assumes DeployRole in prod', principal: PIPELINE, action: 'sts:AssumeRole', resource: deployRoleArn(PROD), expect: 'Allow' },
    { name: 'CodePipeline may use the pipeline role for the DevOps account', principal: 'codepipeline.amazonaws.com', action: 'sts:AssumeRole', resource: PIPELINE, context: { 'aws:SourceAccount': DEVOPS }, expect: 'Allow' },
    { name: 'the pipeline reaches the production stack', principal: PIPELINE, action: 'cloudformation:UpdateStack', resource: stackArn(PROD), via: 'role-chain', expect: 'Reachable' },
    { name: 'a developer cannot assume the prod DeployRole', principal: DEVELOPER, action: 'sts:AssumeRole', resource: deployRoleArn(PROD), expect: 'ImplicitDeny' },
    { name: 'no path leads a developer to the production stack', principal: DEVELOPER, action: 'cloudformation:UpdateStack', resource: stackArn(PROD), via: 'role-chain', expect: 'Unreachable' },
    { name: 'the dev DeployRole cannot hop to prod', principal: deployRoleArn(DEV), action: 'sts:AssumeRole', resource: deployRoleArn(PROD), expect: 'ImplicitDeny' },
    { name: 'the prod DeployRole reads the build artifact', principal: deployRoleArn(PROD), action: 's3:GetObject', resource: ARTIFACT, expect: 'Allow' },
    { name: 'developers cannot read artifacts across accounts', principal: DEVELOPER, action: 's3:GetObject', resource: ARTIFACT, expect: 'ImplicitDeny' },
  ],
  steps: [
    {
      title: { en: 'The pipeline and its role', ja: 'パイプラインとそのロール' },
      body: {
        en: 'CodePipeline runs in the DevOps account as `CodePipelineRole` (trusted by `codepipeline.amazonaws.com` when it acts for this account, `aws:SourceAccount`). Its policy allows `sts:AssumeRole` on `arn:aws:iam::*:role/DeployRole` — a role with that name in any account — and read/write on the artifact bucket.',
        ja: 'CodePipeline は DevOps アカウントで `CodePipelineRole`（このアカウントのために動作する `codepipeline.amazonaws.com` を `aws:SourceAccount` で信頼）として動作します。そのポリシーは `arn:aws:iam::*:role/DeployRole`（どのアカウントでもこの名前のロール）への `sts:AssumeRole` と、アーティファクトバケットの読み書きを許可しています。',
      },
      focus: [DEVOPS, PIPELINE, ARTIFACTS],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Each environment trusts the pipeline', ja: '各環境がパイプラインを信頼する' },
      body: {
        en: 'Dev, staging and prod each have a `DeployRole` whose trust policy names exactly `CodePipelineRole`. The role may update only the `app-*` CloudFormation stacks of its own account. Both sides allow, so the pipeline can deploy to all three.',
        ja: 'dev、staging、prod にはそれぞれ `DeployRole` があり、その信頼ポリシーは `CodePipelineRole` だけを指定しています。ロールが更新できるのは自分のアカウントの `app-*` という CloudFormation スタックだけです。両側が許可しているため、パイプラインは 3 つすべてにデプロイできます。',
      },
      focus: [PIPELINE, deployRoleArn(DEV), deployRoleArn(STAGING), deployRoleArn(PROD)],
      predict: [
        {
          id: 'pipeline-prod',
          question: { en: 'Once it has assumed the prod DeployRole, can the pipeline update the production stack `app-web`?', ja: '本番の DeployRole を引き受けた後、パイプラインは本番のスタック `app-web` を更新できますか？' },
          request: { principal: deployRoleArn(PROD), action: 'cloudformation:UpdateStack', resource: stackArn(PROD) },
          answer: 'Allow',
          why: {
            en: 'As the prod DeployRole it has `cloudformation:UpdateStack` on `stack/app-*/*` in that account.',
            ja: '本番の DeployRole として、そのアカウントの `stack/app-*/*` に対する `cloudformation:UpdateStack` を持っています。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Nobody else gets in', ja: '他の誰も入れない' },
      body: {
        en: 'A developer in the dev account may call `sts:AssumeRole` on anything, yet prod’s DeployRole does not trust them: the path to production goes only through the pipeline. No DeployRole trusts another, so compromising dev does not lead to prod. The artifact bucket admits only roles named DeployRole inside the organization.',
        ja: 'dev アカウントの開発者は何に対しても `sts:AssumeRole` を呼び出せますが、本番の DeployRole は開発者を信頼していません。本番への経路はパイプラインを通るものだけです。どの DeployRole も他の DeployRole を信頼していないため、dev が侵害されても本番には到達しません。アーティファクトバケットは、組織内の DeployRole という名前のロールだけを受け入れます。',
      },
      focus: [DEVELOPER, deployRoleArn(PROD), ARTIFACTS],
      predict: [
        {
          id: 'developer-prod',
          question: { en: 'Can the dev account’s Developer role assume the prod DeployRole?', ja: 'dev アカウントの Developer ロールは本番の DeployRole を引き受けられますか？' },
          request: { principal: DEVELOPER, action: 'sts:AssumeRole', resource: deployRoleArn(PROD) },
          answer: 'Deny',
          why: {
            en: 'Its own policy allows the call, but the trust policy names only CodePipelineRole.',
            ja: '自身のポリシーは呼び出しを許可していますが、信頼ポリシーが指定しているのは CodePipelineRole だけです。',
          },
        },
        {
          id: 'dev-deploy-to-prod',
          question: { en: 'Can the dev DeployRole assume the prod DeployRole?', ja: 'dev の DeployRole は本番の DeployRole を引き受けられますか？' },
          request: { principal: deployRoleArn(DEV), action: 'sts:AssumeRole', resource: deployRoleArn(PROD) },
          answer: 'Deny',
          why: {
            en: 'Neither does its policy allow `sts:AssumeRole` nor does prod trust it.',
            ja: 'そのポリシーは `sts:AssumeRole` を許可しておらず、本番側もそれを信頼していません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'add-qa',
          task: {
            en: 'A new QA account has a DeployRole that trusts only its own account. Let the pipeline deploy to QA too.',
            ja: '新しい QA アカウントの DeployRole は自分のアカウントしか信頼していません。パイプラインが QA にもデプロイできるようにしてください。',
          },
          hint: {
            en: 'The pipeline’s side already allows `role/DeployRole` in any account; change the QA DeployRole’s trust policy to name `CodePipelineRole`.',
            ja: 'パイプライン側はすでに任意のアカウントの `role/DeployRole` を許可しています。QA の DeployRole の信頼ポリシーを `CodePipelineRole` を指定するように変更します。',
          },
          goal: [{ name: 'the pipeline assumes DeployRole in QA', principal: PIPELINE, action: 'sts:AssumeRole', resource: deployRoleArn(QA), expect: 'Allow' }],
          keep: [{ name: 'developers still cannot', principal: DEVELOPER, action: 'sts:AssumeRole', resource: deployRoleArn(QA), expect: 'ImplicitDeny' }],
          solution: [{ path: ['roles', 4, 'trustPolicy'], value: TRUST_PIPELINE }],
          success: {
            en: 'One trust policy per environment decides who can deploy there.',
            ja: '環境ごとの信頼ポリシーが、誰がそこにデプロイできるかを決めます。',
          },
        },
      ],
    },
  ],
};
