/**
 * Lesson (h): the network account shares VPC subnets with an OU through AWS RAM (seed 000, "VPCサブネットの
 * 共有" and "RAMの設定"; https://docs.aws.amazon.com/ram/latest/userguide/getting-started-sharing.html).
 */
import type { JsonObject } from '../../io/share/jsonValue';
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const INFRA_OU = 'ou-a1b2-infr0001';
const WORKLOADS_OU = 'ou-a1b2-wkld0001';
const SANDBOX_OU = 'ou-a1b2-sbox0001';
const MANAGEMENT = '999999999999';
const NETWORK = '111111111111';
const APP1 = '333333333333';
const APP2 = '444444444444';
const SANDBOX = '555555555555';
const SUBNET_A = `arn:aws:ec2:ap-northeast-1:${NETWORK}:subnet/subnet-0a1b2c3d4e5f67890`;
const SUBNET_B = `arn:aws:ec2:ap-northeast-1:${NETWORK}:subnet/subnet-0f9e8d7c6b5a43210`;
const WORKLOADS_OU_ARN = `arn:aws:organizations::${MANAGEMENT}:ou/${ORG}/${WORKLOADS_OU}`;
const APP1_DEPLOYER = `arn:aws:iam::${APP1}:role/AppDeployer`;
const APP2_DEPLOYER = `arn:aws:iam::${APP2}:role/AppDeployer`;
const SANDBOX_DEPLOYER = `arn:aws:iam::${SANDBOX}:role/AppDeployer`;

function deployer(arn: string, account: string): JsonObject {
  return {
    arn,
    trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }),
    policies: [inline('Ec2Admin', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' })],
  };
}

/** `shared-vpc-subnets` shares two subnets with the Workloads OU. */
export const RAM_SUBNET_SHARING: LessonDefinition = {
  id: 'ram-subnet-sharing',
  title: {
    en: 'Sharing subnets with an OU through AWS RAM',
    ja: 'AWS RAM でサブネットを OU と共有する',
  },
  summary: {
    en: 'The network account shares two subnets with the Workloads OU: its accounts launch instances into them, but cannot change them, and the Sandbox account gets nothing.',
    ja: 'ネットワークアカウントは 2 つのサブネットを Workloads OU と共有します。その OU のアカウントはサブネットにインスタンスを起動できますが、サブネット自体は変更できず、Sandbox アカウントには何も与えられません。',
  },
  sources: [
    { seed: '000', section: 'VPCサブネットの共有' },
    { seed: '000', section: 'RAMの設定' },
  ],
  scenario: {
    organization: {
      id: ORG,
      managementAccountId: MANAGEMENT,
      rootId: ROOT,
      ramSharingWithOrganization: true,
      units: [
        { id: INFRA_OU, name: 'Infrastructure', parentId: ROOT },
        { id: WORKLOADS_OU, name: 'Workloads', parentId: ROOT },
        { id: SANDBOX_OU, name: 'Sandbox', parentId: ROOT },
      ],
    },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: NETWORK, name: 'Network', parentId: INFRA_OU },
      { id: APP1, name: 'App account 1', parentId: WORKLOADS_OU },
      { id: APP2, name: 'App account 2', parentId: WORKLOADS_OU },
      { id: SANDBOX, name: 'Sandbox', parentId: SANDBOX_OU },
    ],
    roles: [deployer(APP1_DEPLOYER, APP1), deployer(APP2_DEPLOYER, APP2), deployer(SANDBOX_DEPLOYER, SANDBOX)],
    resources: [{ arn: SUBNET_A }, { arn: SUBNET_B }],
    resourceShares: [
      { name: 'shared-vpc-subnets', owner: NETWORK, resources: [SUBNET_A, SUBNET_B], principals: [WORKLOADS_OU_ARN], allowExternalPrincipals: false },
    ],
  },
  checkpoints: [
    { name: 'App account 1 launches an instance into subnet A', principal: APP1_DEPLOYER, action: 'ec2:RunInstances', resource: SUBNET_A, expect: 'Allow' },
    { name: 'App account 2 creates a network interface in subnet B', principal: APP2_DEPLOYER, action: 'ec2:CreateNetworkInterface', resource: SUBNET_B, expect: 'Allow' },
    { name: 'the Sandbox account is not in the OU', principal: SANDBOX_DEPLOYER, action: 'ec2:RunInstances', resource: SUBNET_A, expect: 'ImplicitDeny' },
    { name: 'sharing lets consumers use a subnet, not delete it', principal: APP1_DEPLOYER, action: 'ec2:DeleteSubnet', resource: SUBNET_A, expect: 'ImplicitDeny' },
  ],
  steps: [
    {
      title: { en: 'Create the resource share', ja: 'リソース共有を作成する' },
      body: {
        en: 'The network account owns the shared VPC. It creates one resource share for two subnets and names the Workloads OU as the principal:\n\n```bash\naws ram create-resource-share \\\n    --name "shared-vpc-subnets" \\\n    --resource-arns arn:aws:ec2:ap-northeast-1:111111111111:subnet/subnet-0a1b2c3d4e5f67890 \\\n                    arn:aws:ec2:ap-northeast-1:111111111111:subnet/subnet-0f9e8d7c6b5a43210 \\\n    --principals arn:aws:organizations::999999999999:ou/o-a1b2c3d4e5/ou-a1b2-wkld0001\n```\n\nAn OU’s ARN names the organization’s management account, the organization ID and the OU ID.',
        ja: 'ネットワークアカウントが共有 VPC を所有しています。2 つのサブネットのリソース共有を 1 つ作成し、Workloads OU をプリンシパルに指定します。\n\n```bash\naws ram create-resource-share \\\n    --name "shared-vpc-subnets" \\\n    --resource-arns arn:aws:ec2:ap-northeast-1:111111111111:subnet/subnet-0a1b2c3d4e5f67890 \\\n                    arn:aws:ec2:ap-northeast-1:111111111111:subnet/subnet-0f9e8d7c6b5a43210 \\\n    --principals arn:aws:organizations::999999999999:ou/o-a1b2c3d4e5/ou-a1b2-wkld0001\n```\n\nOU の ARN には、組織の管理アカウント、組織 ID、OU ID が含まれます。',
      },
      focus: [NETWORK, SUBNET_A, SUBNET_B, WORKLOADS_OU],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Sharing within the organization must be enabled', ja: '組織内での共有を有効にする' },
      body: {
        en: 'Sharing with an organization or an OU works only after the management account has run `aws ram enable-sharing-with-aws-organization`. Then accounts in the OU get the subnets at once, without an invitation, and accounts that join the OU later get them too.',
        ja: '組織や OU との共有は、管理アカウントが `aws ram enable-sharing-with-aws-organization` を実行した後でなければ機能しません。有効にすると、OU 内のアカウントは招待なしですぐにサブネットを利用でき、後から OU に参加したアカウントも利用できます。',
      },
      focus: [MANAGEMENT, WORKLOADS_OU],
      predict: [],
      tryIt: [
        {
          id: 'disable-org-sharing',
          task: {
            en: 'See what happens without `enable-sharing-with-aws-organization`: set `ramSharingWithOrganization` to `false`.',
            ja: '`enable-sharing-with-aws-organization` がない場合に何が起きるか確かめましょう。`ramSharingWithOrganization` を `false` にしてください。',
          },
          hint: {
            en: 'The setting is in the `organization` object.',
            ja: 'この設定は `organization` オブジェクトにあります。',
          },
          goal: [{ name: 'the OU share grants nothing', principal: APP1_DEPLOYER, action: 'ec2:RunInstances', resource: SUBNET_A, expect: 'ImplicitDeny' }],
          keep: [],
          solution: [{ path: ['organization', 'ramSharingWithOrganization'], value: false }],
          success: {
            en: 'Without organization sharing, a share can name only individual accounts; the OU association is refused.',
            ja: '組織での共有が無効だと、共有で指定できるのは個々のアカウントだけで、OU との関連付けは拒否されます。',
          },
        },
      ],
    },
    {
      title: { en: 'Consumers use, owners keep', ja: '利用するのはコンシューマー、所有するのはオーナー' },
      body: {
        en: 'RAM’s default permission for subnets lets consumers run instances and create network interfaces in them. Ownership stays with the network account: the `AppDeployer` roles may do `ec2:*` by their own policies, yet they cannot delete or modify the shared subnets. The Sandbox account is not in the Workloads OU and gets nothing.',
        ja: 'サブネットに対する RAM のデフォルトのアクセス許可では、コンシューマーはサブネット内でインスタンスを実行し、ネットワークインターフェイスを作成できます。所有権はネットワークアカウントに残ります。`AppDeployer` ロールは自身のポリシーで `ec2:*` を許可されていますが、共有されたサブネットを削除したり変更したりはできません。Sandbox アカウントは Workloads OU に属していないため、何も与えられません。',
      },
      focus: [APP1_DEPLOYER, APP2_DEPLOYER, SANDBOX_DEPLOYER, SUBNET_A],
      predict: [
        {
          id: 'app1-run',
          question: { en: 'Can App account 1’s AppDeployer launch an instance into subnet A?', ja: 'App account 1 の AppDeployer はサブネット A にインスタンスを起動できますか？' },
          request: { principal: APP1_DEPLOYER, action: 'ec2:RunInstances', resource: SUBNET_A },
          answer: 'Allow',
          why: {
            en: 'Its account is in the Workloads OU, the share grants `ec2:RunInstances`, and its own policy allows it.',
            ja: 'アカウントが Workloads OU にあり、共有が `ec2:RunInstances` を許可し、自身のポリシーも許可しています。',
          },
        },
        {
          id: 'app1-delete',
          question: { en: 'Can the same role delete subnet A?', ja: '同じロールはサブネット A を削除できますか？' },
          request: { principal: APP1_DEPLOYER, action: 'ec2:DeleteSubnet', resource: SUBNET_A },
          answer: 'Deny',
          why: {
            en: 'The share grants only use; the subnet still belongs to the network account.',
            ja: '共有で許可されるのは利用だけで、サブネットは引き続きネットワークアカウントのものです。',
          },
        },
        {
          id: 'sandbox-run',
          question: { en: 'Can the Sandbox account’s AppDeployer launch into subnet A?', ja: 'Sandbox アカウントの AppDeployer はサブネット A に起動できますか？' },
          request: { principal: SANDBOX_DEPLOYER, action: 'ec2:RunInstances', resource: SUBNET_A },
          answer: 'Deny',
          why: {
            en: 'The share names the Workloads OU and the Sandbox account is elsewhere.',
            ja: '共有が指定しているのは Workloads OU で、Sandbox アカウントは別の場所にあります。',
          },
        },
      ],
      tryIt: [
        {
          id: 'share-with-sandbox',
          task: {
            en: 'Let the Sandbox account use the subnets too, without moving it.',
            ja: 'Sandbox アカウントを移動せずに、サブネットを利用できるようにしてください。',
          },
          hint: {
            en: 'Add the account ID `555555555555` (or the Sandbox OU’s ARN) to the share’s `principals`.',
            ja: '共有の `principals` にアカウント ID `555555555555`（または Sandbox OU の ARN）を追加します。',
          },
          goal: [{ name: 'the Sandbox account launches into subnet A', principal: SANDBOX_DEPLOYER, action: 'ec2:RunInstances', resource: SUBNET_A, expect: 'Allow' }],
          keep: [{ name: 'it still cannot delete the subnet', principal: SANDBOX_DEPLOYER, action: 'ec2:DeleteSubnet', resource: SUBNET_A, expect: 'ImplicitDeny' }],
          solution: [{ path: ['resourceShares', 0, 'principals', 1], value: SANDBOX }],
          success: {
            en: 'A share can name accounts, OUs or the whole organization, side by side.',
            ja: '1 つの共有で、アカウント、OU、組織全体を並べて指定できます。',
          },
        },
      ],
    },
  ],
};
