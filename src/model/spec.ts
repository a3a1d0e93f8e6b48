/**
 * The single source of truth for the shape of an `accessgraph/v1` scenario: the parser checks
 * documents against it and `schema.ts` turns it into the JSON Schema that Monaco uses.
 */

export type Spec =
  | { readonly type: 'string'; readonly description?: string; readonly pattern?: string; readonly patternName?: string; readonly enum?: readonly string[]; readonly nonEmpty?: boolean }
  | { readonly type: 'boolean'; readonly description?: string }
  | { readonly type: 'integer'; readonly description?: string; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'number'; readonly description?: string }
  | { readonly type: 'array'; readonly description?: string; readonly items: Spec }
  | { readonly type: 'object'; readonly description?: string; readonly fields: Readonly<Record<string, Field>> }
  | { readonly type: 'record'; readonly description?: string; readonly values: Spec }
  | { readonly type: 'either'; readonly description?: string; readonly string: Spec; readonly object: Spec }
  | { readonly type: 'policy'; readonly description?: string }
  | { readonly type: 'contextValue'; readonly description?: string };

export interface Field {
  readonly spec: Spec;
  readonly required?: boolean;
  /** `null` is accepted and means "absent" (e.g. `"permissionsBoundary": null`). */
  readonly nullable?: boolean;
}

/** Patterns shared by the parser and the schema. */
export const PATTERNS = {
  accountId: '^\\d{12}$',
  arn: '^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}|aws)?:.+$',
  orgId: '^o-[a-z0-9]{10,32}$',
  rootId: '^r-[0-9a-z]{4,32}$',
  ouId: '^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$',
  partition: '^aws(-[a-z]+)*$',
} as const;

function str(description: string, extra: Omit<Extract<Spec, { type: 'string' }>, 'type' | 'description'> = {}): Spec {
  return { type: 'string', description, ...extra };
}
function arn(description: string): Spec {
  return str(description, { pattern: PATTERNS.arn, patternName: 'an ARN (`arn:partition:service:region:account:resource`)' });
}
function accountId(description: string): Spec {
  return str(description, { pattern: PATTERNS.accountId, patternName: 'a 12-digit account id' });
}
function list(items: Spec, description: string): Spec {
  return { type: 'array', items, description };
}
function obj(description: string, fields: Record<string, Field>): Spec {
  return { type: 'object', description, fields };
}
function req(spec: Spec): Field {
  return { spec, required: true };
}
function opt(spec: Spec, nullable = false): Field {
  return nullable ? { spec, nullable } : { spec };
}

const policy: Spec = { type: 'policy', description: 'An IAM policy document (`Version`, `Statement`).' };
const tags: Spec = { type: 'record', values: str('Tag value.'), description: 'Tags as key/value pairs.' };

const attachment: Spec = {
  type: 'either',
  description: 'A managed-policy ARN, or an inline policy `{ "name", "document" }`.',
  string: arn('Managed-policy ARN (`arn:aws:iam::aws:policy/…` resolves from the built-in catalog).'),
  object: obj('An inline policy.', { name: req(str('Inline policy name.', { nonEmpty: true })), document: req(policy) }),
};

const unit = obj('An organizational unit.', {
  id: req(str('OU id.', { pattern: PATTERNS.ouId, patternName: 'an OU id (`ou-xxxx-xxxxxxxx`)' })),
  name: req(str('OU name.')),
  parentId: req(str('Root or parent OU id.')),
});

const controlPolicy = obj('A service or resource control policy.', {
  name: req(str('Policy name.', { nonEmpty: true })),
  type: req(str('`SCP` or `RCP`.', { enum: ['SCP', 'RCP'] })),
  targets: req(list(str('Root, OU or account id.'), 'Where the policy is attached.')),
  document: req(policy),
});

const organization = obj('The AWS organization, if the accounts belong to one.', {
  id: req(str('Organization id.', { pattern: PATTERNS.orgId, patternName: 'an organization id (`o-` and 10 to 32 letters or digits)' })),
  managementAccountId: req(accountId('The management account.')),
  rootId: req(str('Root id.', { pattern: PATTERNS.rootId, patternName: 'a root id (`r-xxxx`)' })),
  units: opt(list(unit, 'Organizational units.')),
  policies: opt(list(controlPolicy, 'SCPs and RCPs.')),
  ramSharingWithOrganization: opt({ type: 'boolean', description: 'Whether RAM sharing with the organization is enabled (default true).' }),
});

const account = obj('An AWS account.', {
  id: req(accountId('Account id.')),
  name: opt(str('Display name.')),
  parentId: opt(str('Root or OU id; omit for an account outside the organization.')),
  partition: opt(str('Partition (`aws` by default).', { pattern: PATTERNS.partition, patternName: 'a partition such as `aws` or `aws-cn`' })),
});

const user = obj('An IAM user.', {
  arn: req(arn('User ARN.')),
  groups: opt(list(str('Group name or ARN.'), 'Groups the user belongs to.')),
  policies: opt(list(attachment, 'Identity policies.')),
  permissionsBoundary: opt(arn('Managed policy used as permissions boundary.'), true),
  tags: opt(tags),
});

const group = obj('An IAM group.', {
  arn: req(arn('Group ARN.')),
  policies: opt(list(attachment, 'Identity policies.')),
});

const role = obj('An IAM role.', {
  arn: req(arn('Role ARN.')),
  trustPolicy: opt(policy),
  policies: opt(list(attachment, 'Identity policies.')),
  permissionsBoundary: opt(arn('Managed policy used as permissions boundary.'), true),
  tags: opt(tags),
  maxSessionDuration: opt({ type: 'integer', minimum: 3600, maximum: 43200, description: 'Maximum session duration in seconds (3600 to 43200).' }),
});

const managedPolicy = obj('A customer managed policy.', { arn: req(arn('Policy ARN.')), document: req(policy) });

const session = obj('A role session or federated-user session.', {
  arn: req(arn('`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` or `…:federated-user/NAME`.')),
  user: opt(arn('For a federated-user session: the IAM user that created it.')),
  policies: opt(list(attachment, 'Session policies.')),
  tags: opt(tags),
});

const s3 = obj('S3 bucket settings.', {
  objectOwnership: opt(str('Object Ownership.', { enum: ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] })),
  objects: opt(
    list(
      obj('An object owned by another account.', {
        key: req(str('Object key.')),
        owner: req(accountId('Owner account.')),
        acl: opt(list(obj('An ACL grant.', { grantee: req(str('Account id, canonical id, `AllUsers` or `AuthenticatedUsers`.')), permission: req(str('Permission.', { enum: ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] })) }), 'ACL grants.')),
      }),
      'Objects the bucket owner does not own.',
    ),
  ),
  publicAccessBlock: opt(
    obj('Block Public Access flags.', {
      BlockPublicAcls: opt({ type: 'boolean' }),
      IgnorePublicAcls: opt({ type: 'boolean' }),
      BlockPublicPolicy: opt({ type: 'boolean' }),
      RestrictPublicBuckets: opt({ type: 'boolean' }),
    }),
  ),
});

const resource = obj('A resource.', {
  arn: req(arn('Resource ARN.')),
  account: opt(accountId('Owner account, for ARNs that carry none (S3).')),
  policy: opt(policy),
  tags: opt(tags),
  s3: opt(s3),
});

const share = obj('An AWS RAM resource share.', {
  name: req(str('Share name.', { nonEmpty: true })),
  owner: req(accountId('Owner account.')),
  resources: req(list(arn('Shared resource ARN.'), 'Shared resources.')),
  principals: req(list(str('Account id, organization or OU ARN, or IAM role/user ARN.'), 'Principals the share is associated with.')),
  pendingPrincipals: opt(list(str('Invited principal.'), 'Invitations not yet accepted.')),
  allowExternalPrincipals: opt({ type: 'boolean', description: 'Whether accounts outside the organization may be associated.' }),
  permissions: opt(list(arn('RAM managed permission ARN.'), 'Managed permissions (default: the default permission of each resource type).')),
});

const assertion = obj('An access assertion checked by `accessgraph check`.', {
  name: req(str('Assertion name.')),
  principal: opt(str('Principal ARN, service principal name, or `anonymous`.')),
  action: opt(str('Action (`service:Action`).')),
  resource: opt(str('Resource ARN or `*`.')),
  context: opt({ type: 'record', values: { type: 'contextValue' }, description: 'Request-supplied context keys.' }),
  parameters: opt(
    obj('STS parameters for `sts:AssumeRole*`.', {
      DurationSeconds: opt({ type: 'integer', minimum: 0 }),
      Tags: opt(list(obj('A session tag.', { Key: req(str('Tag key.')), Value: req(str('Tag value.')) }), 'Session tags.')),
      SourceIdentity: opt(str('Source identity.')),
    }),
  ),
  via: opt(str('`role-chain`: reachability through any chain of role assumptions.', { enum: ['role-chain'] })),
  finding: opt(str('Finding code.')),
  subject: opt(str('Finding subject ARN.')),
  expect: req(str('Expected outcome.', { enum: ['Allow', 'Deny', 'ExplicitDeny', 'ImplicitDeny', 'Reachable', 'Unreachable', 'Present', 'Absent'] })),
});

const lesson = obj('A lesson: steps that focus the graph.', {
  steps: req(list(obj('A lesson step.', { title: req(str('Step title.')), body: opt(str('Markdown.')), focus: opt(list(str('Node id.'), 'Nodes to focus.')) }), 'Steps.')),
});

/** The whole scenario document. */
export const SCENARIO_SPEC: Spec = obj('An AccessGraph scenario (`accessgraph/v1`).', {
  format: req(str('Always `accessgraph/v1`.', { enum: ['accessgraph/v1'] })),
  title: opt(str('Title.')),
  description: opt(str('Markdown shown in the side panel.')),
  organization: opt(organization),
  accounts: opt(list(account, 'Accounts.')),
  users: opt(list(user, 'IAM users.')),
  groups: opt(list(group, 'IAM groups.')),
  roles: opt(list(role, 'IAM roles.')),
  policies: opt(list(managedPolicy, 'Customer managed policies.')),
  sessions: opt(list(session, 'Role and federated-user sessions.')),
  resources: opt(list(resource, 'Resources and their resource-based policies.')),
  resourceShares: opt(list(share, 'AWS RAM resource shares.')),
  assertions: opt(list(assertion, 'Access assertions.')),
  lesson: opt(lesson),
  layout: opt({ type: 'record', values: obj('A node position.', { x: req({ type: 'number' }), y: req({ type: 'number' }) }), description: 'Saved node positions.' }),
});
