/**
 * Resource-based policies: `aws s3api get-bucket-policy`, `sns get-topic-attributes`,
 * `sqs get-queue-attributes`, `lambda get-policy`, `secretsmanager get-resource-policy`,
 * `kms get-key-policy`, `ecr get-repository-policy`, `es describe-elasticsearch-domain`, a bare policy
 * document, and the `{ "ResourceArn", "Policy", "Account" }` wrapper (alone or in a list).
 */
import { isObject } from '../../model/checkShape';
import { parseIamArn } from '../../model/arns';
import { parseArn } from '../../model/ids';
import { parameter, type Parameter, type Request } from './conventions';
import { noteAccount, type Draft } from './draft';
import { get, type Obj } from './fields';
import { isAccountId, isScenarioArn } from './arnChecks';
import { readDocument } from './jsonSource';
import { arnFromFileName, arnFromStatements, queueArnFromUrl, regionFromPath } from './resourceArn';
import { child, type Origin } from './origin';

/** The resource-policy shapes recognised by content. */
export const RESOURCE_POLICY_SHAPES = ['sns', 'sqs', 'secret', 'search', 'ecr', 'wrapper', 'policy', 'document'] as const;
export type ResourcePolicyShape = (typeof RESOURCE_POLICY_SHAPES)[number];

const ARN_KEYS = ['ResourceArn', 'resourceArn', 'Resource', 'Arn', 'ARN'];
const OWNER_KEYS = ['Account', 'AccountId', 'ExpectedBucketOwner'];

/** The shape of a resource-policy output, or `undefined` when `body` is not one. */
export function resourcePolicyShape(body: Obj): ResourcePolicyShape | undefined {
  const attributes = get(body, 'Attributes');
  if (isObject(attributes)) {
    if (typeof get(attributes, 'TopicArn') === 'string') return 'sns';
    if (typeof get(attributes, 'QueueArn') === 'string' || typeof get(attributes, 'Policy') === 'string') return 'sqs';
  }
  const domain = get(body, 'DomainStatus');
  if (isObject(domain) && get(domain, 'ARN') !== undefined) return 'search';
  if (get(body, 'policyText') !== undefined && get(body, 'repositoryName') !== undefined) return 'ecr';
  if (typeof get(body, 'ARN') === 'string' && typeof get(body, 'Name') === 'string' && String(get(body, 'ARN')).includes(':secretsmanager:')) return 'secret';
  if (get(body, 'Policy') !== undefined) return ARN_KEYS.some((k) => typeof get(body, k) === 'string') ? 'wrapper' : 'policy';
  if (get(body, 'Statement') !== undefined && Object.keys(body).every((k) => k === 'Version' || k === 'Id' || k === 'Statement')) return 'document';
  return undefined;
}

/** True when a bare document has a `Principal` or `NotPrincipal`, i.e. is resource-based. */
export function namesPrincipals(document: Obj): boolean {
  const raw = get(document, 'Statement');
  const statements = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  return statements.some((s) => isObject(s) && (get(s, 'Principal') !== undefined || get(s, 'NotPrincipal') !== undefined));
}

interface Source {
  readonly policy: unknown;
  readonly policyOrigin: Origin;
  readonly arn: Parameter | undefined;
  readonly owner: Parameter | undefined;
  readonly origin: Origin;
  /** One entry of a list file: the file name says nothing about it. */
  readonly inList?: boolean;
}

/** Reads one resource-policy file of a recognised shape. */
export function readResourcePolicyFile(body: Obj, origin: Origin, request: Request, shape: ResourcePolicyShape, draft: Draft): void {
  const owner = parameter(request, OWNER_KEYS);
  const at = (key: string): Origin => child(origin, key);
  switch (shape) {
    case 'sns':
    case 'sqs': {
      const attributes = get(body, 'Attributes') as Obj;
      const attrOrigin = at('Attributes');
      let arn = parameter({ params: attributes, origin: attrOrigin }, [shape === 'sns' ? 'TopicArn' : 'QueueArn']) ?? parameter(request, [shape === 'sns' ? 'TopicArn' : 'QueueArn']);
      const url = parameter(request, ['QueueUrl']);
      const fromUrl = url === undefined ? undefined : queueArnFromUrl(url.value);
      if (arn === undefined && url !== undefined && fromUrl !== undefined) arn = { ...url, value: fromUrl };
      addResourcePolicy(draft, { policy: get(attributes, 'Policy'), policyOrigin: child(attrOrigin, 'Policy'), arn, owner, origin });
      return;
    }
    case 'secret':
      addResourcePolicy(draft, { policy: get(body, 'ResourcePolicy'), policyOrigin: at('ResourcePolicy'), arn: parameter({ params: body, origin }, ['ARN']) ?? requestArn(request), owner, origin });
      return;
    case 'search': {
      const domain = get(body, 'DomainStatus') as Obj;
      addResourcePolicy(draft, { policy: get(domain, 'AccessPolicies'), policyOrigin: child(at('DomainStatus'), 'AccessPolicies'), arn: parameter({ params: domain, origin: at('DomainStatus') }, ['ARN']), owner, origin });
      return;
    }
    case 'ecr':
      addResourcePolicy(draft, { policy: get(body, 'policyText'), policyOrigin: at('policyText'), arn: ecrArn(body, origin, request), owner, origin });
      return;
    case 'wrapper':
    case 'policy':
      addResourcePolicy(draft, { policy: get(body, 'Policy'), policyOrigin: at('Policy'), arn: requestArn({ params: body, origin }) ?? requestArn(request), owner: parameter({ params: body, origin }, OWNER_KEYS) ?? owner, origin });
      return;
    case 'document':
      addResourcePolicy(draft, { policy: body, policyOrigin: origin, arn: requestArn(request), owner, origin });
      return;
  }
}

/** An explicit ARN among the request parameters (or wrapper keys). */
function requestArn(request: Request): Parameter | undefined {
  const arn = parameter(request, [...ARN_KEYS, 'KeyId', 'FunctionName', 'SecretId', 'TopicArn', 'QueueArn']);
  if (arn !== undefined && arn.value.startsWith('arn:')) return arn;
  const bucket = parameter(request, ['Bucket']);
  if (bucket !== undefined) return { ...bucket, value: `arn:aws:s3:::${bucket.value}` };
  const url = parameter(request, ['QueueUrl']);
  const queue = url === undefined ? undefined : queueArnFromUrl(url.value);
  return url !== undefined && queue !== undefined ? { ...url, value: queue } : undefined;
}

function ecrArn(body: Obj, origin: Origin, request: Request): Parameter | undefined {
  const given = requestArn(request);
  if (given !== undefined) return given;
  const name = get(body, 'repositoryName');
  const registry = get(body, 'registryId');
  const region = parameter(request, ['region', 'Region'])?.value ?? regionFromPath(origin.file.name);
  if (typeof name !== 'string' || typeof registry !== 'string' || region === undefined) return undefined;
  return { value: `arn:aws:ecr:${region}:${registry}:repository/${name}`, origin: child(origin, 'repositoryName'), source: '`registryId`, `repositoryName` and the region' };
}

/** The list form `[{ "Resource": ARN, "Policy": {…}, "Account": ID }]`. */
export function readResourcePolicyList(items: readonly unknown[], origin: Origin, draft: Draft): void {
  items.forEach((item, i) => {
    const at = child(origin, i);
    if (!isObject(item)) {
      draft.report.error(at, 'wrong-type', 'expected an object with `Resource` and `Policy`');
      return;
    }
    const request = { params: item, origin: at };
    addResourcePolicy(draft, { policy: get(item, 'Policy'), policyOrigin: child(at, 'Policy'), arn: requestArn(request), owner: parameter(request, OWNER_KEYS), origin: at, inList: true });
  });
}

/** Records a resource and its policy, working out the ARN from the conventions when needed. */
export function addResourcePolicy(draft: Draft, source: Source): void {
  const { report } = draft;
  const hasPolicy = source.policy !== undefined && source.policy !== null;
  const document = hasPolicy ? readDocument(source.policy, source.policyOrigin, report) : undefined;
  if (hasPolicy && document === undefined) return;
  const named = source.arn ?? (source.inList ? undefined : fileArn(source.origin));
  const arn = named?.value ?? (document === undefined ? undefined : arnFromStatements(document.value));
  const where = named?.origin ?? source.origin;
  if (arn === undefined) {
    report.warn(source.origin, 'not-imported', 'cannot tell which resource this policy belongs to: wrap it as `{"ResourceArn": "arn:…", "Policy": …}` or name the file after the URL-encoded ARN (`<ARN>.policy.json`)');
    return;
  }
  const parts = parseArn(arn);
  if (!isScenarioArn(arn) || parts === undefined || (parts.account !== '' && !isAccountId(parts.account))) {
    report.error(where, 'bad-arn', `\`${arn}\` is not a valid resource ARN, so this resource is not imported`);
    return;
  }
  if (parseIamArn(arn)?.kind === 'role') {
    report.warn(where, 'not-imported', 'a role\'s trust policy is imported from `get-account-authorization-details`, not as a resource policy');
    return;
  }
  if (source.owner !== undefined && !isAccountId(source.owner.value)) {
    report.error(source.owner.origin, 'bad-account-id', `\`${source.owner.value}\` is not a 12-digit account id`);
    return;
  }
  if (document === undefined) report.info(source.origin, 'not-imported', `\`${arn}\` has no resource policy in this export: it is imported without one`);
  const first = draft.resources.get(arn);
  if (first?.policy !== undefined) {
    if (document !== undefined && JSON.stringify(first.policy.value) !== JSON.stringify(document.value)) {
      report.warn(source.origin, 'duplicate-id', `\`${arn}\` also has a policy in \`${first.policy.origin.file.name}\`: the first is kept`);
    }
    return;
  }
  if (parts.account !== '') noteAccount(draft, parts.account, where);
  const owner = source.owner === undefined ? first?.owner : { value: source.owner.value, origin: source.owner.origin };
  draft.resources.set(arn, { arn, origin: source.origin, owner, policy: document });
}

function fileArn(origin: Origin): Parameter | undefined {
  const arn = arnFromFileName(origin.file.name);
  return arn === undefined ? undefined : { value: arn, origin: { ...origin, path: [] }, source: 'the file name' };
}

/** `aws ram get-resource-policies`: JSON texts; the resources come from `resourceArns` or the statements. */
export function readRamResourcePolicies(body: Obj, origin: Origin, request: Request, draft: Draft): void {
  const policies = get(body, 'policies');
  const arns = get(request.params, 'resourceArns');
  if (!Array.isArray(policies)) return;
  (policies as unknown[]).forEach((policy, i) => {
    const given = Array.isArray(arns) && arns.length === policies.length ? (arns as unknown[])[i] : undefined;
    const arn = typeof given === 'string' ? { value: given, origin: child(request.origin, 'resourceArns', i), source: '`resourceArns`' } : undefined;
    addResourcePolicy(draft, { policy, policyOrigin: child(origin, 'policies', i), arn, owner: undefined, origin: child(origin, 'policies', i), inList: true });
  });
}
