/**
 * The actions of AWS RAM's default managed permissions, by resource type (SEMANTICS §6.3, RAM-PERMS).
 * Data, not code: extend it as types are needed. Only actions that the RAM user guide documents or that
 * the share's purpose plainly requires are listed; a resource type missing here makes the share grant
 * nothing and is reported (`ram-resource-type-unknown`), rather than guessed.
 */

/** One RAM resource type: how to recognise its ARNs and what its default permission allows. */
export interface RamResourceType {
  /** `service:Type`, as RAM names it. */
  readonly type: string;
  /** The ARN's service prefix. */
  readonly service: string;
  /** The start of the ARN's resource part. */
  readonly resourcePrefix: string;
  /** The default managed permission's name. */
  readonly permission: string;
  readonly actions: readonly string[];
}

/** The known resource types. */
export const RAM_RESOURCE_TYPES: readonly RamResourceType[] = [
  // "the default managed permission for the ec2:Subnet resource type allows ec2:RunInstances,
  // ec2:CreateNetworkInterface, ec2:DescribeSubnets" [RAM-PERMS].
  {
    type: 'ec2:Subnet',
    service: 'ec2',
    resourcePrefix: 'subnet/',
    permission: 'AWSRAMDefaultPermissionSubnet',
    actions: ['ec2:RunInstances', 'ec2:CreateNetworkInterface', 'ec2:DescribeSubnets'],
  },
  {
    type: 'ec2:TransitGateway',
    service: 'ec2',
    resourcePrefix: 'transit-gateway/',
    permission: 'AWSRAMDefaultPermissionTransitGateway',
    actions: ['ec2:CreateTransitGatewayVpcAttachment', 'ec2:DescribeTransitGateways'],
  },
  {
    type: 'ec2:PrefixList',
    service: 'ec2',
    resourcePrefix: 'prefix-list/',
    permission: 'AWSRAMDefaultPermissionPrefixList',
    actions: ['ec2:GetManagedPrefixListEntries', 'ec2:DescribeManagedPrefixLists'],
  },
  {
    type: 'ec2:CapacityReservation',
    service: 'ec2',
    resourcePrefix: 'capacity-reservation/',
    permission: 'AWSRAMDefaultPermissionCapacityReservation',
    actions: ['ec2:RunInstances', 'ec2:DescribeCapacityReservations'],
  },
  {
    type: 'ec2:DedicatedHost',
    service: 'ec2',
    resourcePrefix: 'dedicated-host/',
    permission: 'AWSRAMDefaultPermissionDedicatedHost',
    actions: ['ec2:RunInstances', 'ec2:DescribeHosts'],
  },
  {
    type: 'route53resolver:ResolverRule',
    service: 'route53resolver',
    resourcePrefix: 'resolver-rule/',
    permission: 'AWSRAMDefaultPermissionResolverRule',
    actions: [
      'route53resolver:AssociateResolverRule',
      'route53resolver:DisassociateResolverRule',
      'route53resolver:GetResolverRule',
    ],
  },
  {
    type: 'license-manager:LicenseConfiguration',
    service: 'license-manager',
    resourcePrefix: 'license-configuration:',
    permission: 'AWSRAMDefaultPermissionLicenseConfiguration',
    actions: [
      'license-manager:GetLicenseConfiguration',
      'license-manager:UpdateLicenseSpecificationsForResource',
      'license-manager:ListLicenseConfigurations',
    ],
  },
];

/** The resource type of an ARN's service and resource part, or `undefined`. */
export function ramResourceType(service: string, resource: string): RamResourceType | undefined {
  return RAM_RESOURCE_TYPES.find((t) => t.service === service && resource.startsWith(t.resourcePrefix));
}

/** The resource type whose default permission has this ARN or name, or `undefined`. */
export function ramPermissionByArn(permission: string): RamResourceType | undefined {
  const name = permission.slice(permission.lastIndexOf('/') + 1);
  return RAM_RESOURCE_TYPES.find((t) => t.permission === name);
}
