/**
 * Lesson (l): a network account shares its VPC subnets and its Transit Gateway with the workload accounts
 * through RAM (seed 000, "パターン2: 共有VPCネットワーク"; https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html#tgw-sharing).
 */
import type { JsonObject } from '../../io/share/jsonValue';
import type { LessonDefinition } from '../types';
import { doc, inline } from './policy';

const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-a1b2';
const INFRA_OU = 'ou-a1b2-infr0001';
const WORKLOADS_OU = 'ou-a1b2-wkld0001';
const NEW_OU = 'ou-a1b2-new00001';
const MANAGEMENT = '999999999999';
const NETWORK = '111111111111';
const APP1 = '333333333333';
const APP2 = '444444444444';
const NEWCOMER = '666666666666';
const REGION_ARN = `arn:aws:ec2:ap-northeast-1:${NETWORK}`;
const PUBLIC_SUBNET = `${REGION_ARN}:subnet/subnet-0a1b2c3d4e5f11111`;
const PRIVATE_SUBNET = `${REGION_ARN}:subnet/subnet-0a1b2c3d4e5f22222`;
const TGW = `${REGION_ARN}:transit-gateway/tgw-0a1b2c3d4e5f67890`;
const WORKLOADS_OU_ARN = `arn:aws:organizations::${MANAGEMENT}:ou/${ORG}/${WORKLOADS_OU}`;
const APP1_ROLE = `arn:aws:iam::${APP1}:role/NetworkAdmin`;
const APP2_ROLE = `arn:aws:iam::${APP2}:role/NetworkAdmin`;
const NEWCOMER_ROLE = `arn:aws:iam::${NEWCOMER}:role/NetworkAdmin`;

function networkAdmin(arn: string, account: string): JsonObject {
  return {
    arn,
    trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }),
    policies: [inline('Ec2Admin', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' })],
  };
}

/** The shared network: two subnets and a Transit Gateway, shared with the Workloads OU. */
export const SHARED_VPC_TRANSIT_GATEWAY: LessonDefinition = {
  id: 'shared-vpc-transit-gateway',
  title: {
    en: 'A shared VPC and Transit Gateway',
    ja: '共有 VPC と Transit Gateway',
  },
  summary: {
    en: 'The network account shares its public and private subnets and its Transit Gateway with the Workloads OU; the workload accounts use them, the network account keeps control.',
    ja: 'ネットワークアカウントはパブリック/プライベートのサブネットと Transit Gateway を Workloads OU と共有します。ワークロードアカウントはそれらを利用し、管理はネットワークアカウントが保持します。',
  },
  sources: [{ seed: '000', section: 'パターン2: 共有VPCネットワーク' }],
  scenario: {
    organization: {
      id: ORG,
      managementAccountId: MANAGEMENT,
      rootId: ROOT,
      units: [
        { id: INFRA_OU, name: 'Infrastructure', parentId: ROOT },
        { id: WORKLOADS_OU, name: 'Workloads', parentId: ROOT },
        { id: NEW_OU, name: 'New accounts', parentId: ROOT },
      ],
    },
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: NETWORK, name: 'Network', parentId: INFRA_OU },
      { id: APP1, name: 'App 1', parentId: WORKLOADS_OU },
      { id: APP2, name: 'App 2', parentId: WORKLOADS_OU },
      { id: NEWCOMER, name: 'App 3 (new)', parentId: NEW_OU },
    ],
    roles: [networkAdmin(APP1_ROLE, APP1), networkAdmin(APP2_ROLE, APP2), networkAdmin(NEWCOMER_ROLE, NEWCOMER)],
    resources: [{ arn: PUBLIC_SUBNET }, { arn: PRIVATE_SUBNET }, { arn: TGW }],
    resourceShares: [
      { name: 'shared-network', owner: NETWORK, resources: [PUBLIC_SUBNET, PRIVATE_SUBNET, TGW], principals: [WORKLOADS_OU_ARN], allowExternalPrincipals: false },
    ],
  },
  checkpoints: [
    { name: 'App 1 launches into the private subnet', principal: APP1_ROLE, action: 'ec2:RunInstances', resource: PRIVATE_SUBNET, expect: 'Allow' },
    { name: 'App 2 launches into the public subnet', principal: APP2_ROLE, action: 'ec2:RunInstances', resource: PUBLIC_SUBNET, expect: 'Allow' },
    { name: 'App 2 attaches its own VPC to the shared Transit Gateway', principal: APP2_ROLE, action: 'ec2:CreateTransitGatewayVpcAttachment', resource: TGW, expect: 'Allow' },
    { name: 'consumers cannot delete the Transit Gateway', principal: APP1_ROLE, action: 'ec2:DeleteTransitGateway', resource: TGW, expect: 'ImplicitDeny' },
    { name: 'consumers cannot delete a shared subnet', principal: APP1_ROLE, action: 'ec2:DeleteSubnet', resource: PUBLIC_SUBNET, expect: 'ImplicitDeny' },
    { name: 'an account outside the Workloads OU gets nothing', principal: NEWCOMER_ROLE, action: 'ec2:RunInstances', resource: PRIVATE_SUBNET, expect: 'ImplicitDeny' },
  ],
  steps: [
    {
      title: { en: 'The network account owns the network', ja: 'ネットワークはネットワークアカウントが所有する' },
      body: {
        en: 'One account runs the shared VPC — a public and a private subnet — and the **Transit Gateway** that connects VPCs and on-premises networks. A single RAM share, `shared-network`, holds all three and names the Workloads OU.',
        ja: '1 つのアカウントが共有 VPC（パブリックとプライベートのサブネット）と、VPC やオンプレミスのネットワークを接続する **Transit Gateway** を運用しています。1 つの RAM 共有 `shared-network` がこれら 3 つをまとめ、Workloads OU を指定しています。',
      },
      focus: [NETWORK, PUBLIC_SUBNET, PRIVATE_SUBNET, TGW, WORKLOADS_OU],
      predict: [],
      tryIt: [],
    },
    {
      title: { en: 'Workloads use the shared network', ja: 'ワークロードは共有ネットワークを利用する' },
      body: {
        en: 'The workload accounts launch instances into the shared subnets, and attach their own VPCs to the Transit Gateway. Each is limited twice: by what the RAM permission of the resource type allows, and by its own IAM policies.',
        ja: 'ワークロードアカウントは共有サブネットにインスタンスを起動し、自分の VPC を Transit Gateway にアタッチします。それぞれ 2 重に制限されます。リソースタイプの RAM のアクセス許可が許可する範囲と、自分の IAM ポリシーです。',
      },
      focus: [APP1_ROLE, APP2_ROLE, TGW],
      predict: [
        {
          id: 'app2-attach',
          question: { en: 'Can App 2’s NetworkAdmin attach its VPC to the shared Transit Gateway?', ja: 'App 2 の NetworkAdmin は自分の VPC を共有 Transit Gateway にアタッチできますか？' },
          request: { principal: APP2_ROLE, action: 'ec2:CreateTransitGatewayVpcAttachment', resource: TGW },
          answer: 'Allow',
          why: {
            en: 'The Transit Gateway is shared with its OU, and creating attachments is what sharing it is for.',
            ja: 'Transit Gateway はその OU と共有されており、アタッチメントの作成こそが共有の目的です。',
          },
        },
      ],
      tryIt: [],
    },
    {
      title: { en: 'Control stays with the owner', ja: '管理はオーナーに残る' },
      body: {
        en: 'Even with `ec2:*` in their own policies, consumers cannot delete or reconfigure what was shared with them: only the owner account can. Central network control is the point of the pattern.',
        ja: '自身のポリシーで `ec2:*` が許可されていても、コンシューマーは共有されたものを削除したり設定を変更したりできません。それができるのはオーナーのアカウントだけです。ネットワークを一元管理できることがこのパターンの要点です。',
      },
      focus: [TGW, NETWORK],
      predict: [
        {
          id: 'app1-delete-tgw',
          question: { en: 'Can App 1’s NetworkAdmin (allowed `ec2:*`) delete the Transit Gateway?', ja: 'App 1 の NetworkAdmin（`ec2:*` を許可）は Transit Gateway を削除できますか？' },
          request: { principal: APP1_ROLE, action: 'ec2:DeleteTransitGateway', resource: TGW },
          answer: 'Deny',
          why: {
            en: 'Sharing grants use of the gateway, never its deletion.',
            ja: '共有で許可されるのはゲートウェイの利用であって、削除ではありません。',
          },
        },
      ],
      tryIt: [
        {
          id: 'newcomer-joins',
          task: {
            en: 'The new account App 3 is ready for production. Move it into the Workloads OU.',
            ja: '新しいアカウント App 3 が本番の準備を整えました。Workloads OU に移動してください。',
          },
          hint: {
            en: 'Change the account’s `parentId` to `ou-a1b2-wkld0001`. The share does not change.',
            ja: 'アカウントの `parentId` を `ou-a1b2-wkld0001` に変更します。共有は変更しません。',
          },
          goal: [{ name: 'App 3 launches into the private subnet', principal: NEWCOMER_ROLE, action: 'ec2:RunInstances', resource: PRIVATE_SUBNET, expect: 'Allow' }],
          keep: [{ name: 'App 3 still cannot delete the Transit Gateway', principal: NEWCOMER_ROLE, action: 'ec2:DeleteTransitGateway', resource: TGW, expect: 'ImplicitDeny' }],
          solution: [{ path: ['accounts', 4, 'parentId'], value: WORKLOADS_OU }],
          success: {
            en: 'A share to an OU follows the OU’s membership: new accounts get the network when they join.',
            ja: 'OU への共有は OU のメンバーシップに従います。新しいアカウントは参加した時点でネットワークを利用できます。',
          },
        },
      ],
    },
  ],
};
