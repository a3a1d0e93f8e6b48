/**
 * The graph's closed vocabularies: the visual node types (one icon and shape each) and the class
 * names every style rule selects on (STYLE.md rule 9: styling only through classes from one list).
 */
import type { GraphNode } from '../analysis/types';
import { parseArn } from '../model/ids';

/** Visual types of the container boxes, drawn as nested rounded boxes. */
export const BOX_TYPES = ['organization', 'ou', 'account', 'band'] as const;
/** One box type. */
export type BoxType = (typeof BOX_TYPES)[number];

/** Visual types of principals (they can make requests, or stand for callers). */
export const PRINCIPAL_TYPES = ['user', 'group', 'role', 'session', 'service', 'idp', 'anonymous'] as const;
/** One principal type. */
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Visual types of resources; `resource` is the generic one. */
export const RESOURCE_TYPES = ['bucket', 'kms-key', 'queue', 'topic', 'function', 'secret', 'repository', 'subnet', 'transit-gateway', 'table', 'resource'] as const;
/** One resource type. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Every visual node type: boxes, principals, resources and RAM shares. */
export const NODE_TYPES = [...BOX_TYPES, ...PRINCIPAL_TYPES, ...RESOURCE_TYPES, 'share'] as const;
/** One visual node type. */
export type NodeType = (typeof NODE_TYPES)[number];

/** The node types a user can filter on (boxes are always drawn when they hold something). */
export const LEAF_TYPES = [...PRINCIPAL_TYPES, ...RESOURCE_TYPES, 'share'] as const;
/** One leaf type. */
export type LeafType = (typeof LEAF_TYPES)[number];

/** Access-breadth steps for `effective-access` edge thickness (number of access levels available). */
export const BREADTHS = ['breadth-1', 'breadth-2', 'breadth-3', 'breadth-4'] as const;

/** Every class name the graph uses. */
export const GRAPH_CLASSES = [
  ...NODE_TYPES.map((type) => `t-${type}` as const),
  'box',
  'leaf',
  'external',
  'public',
  'management',
  'undeclared',
  'service-linked',
  'finding-high',
  'finding-medium',
  'finding-low',
  'collapsed',
  'e-member-of',
  'e-can-assume',
  'e-grants',
  'e-shares',
  'e-effective-access',
  'allowed',
  'conditional',
  'blocked',
  'chained',
  'share-inactive',
  'unconstrained',
  'aggregate',
  'sheaf',
  ...BREADTHS,
  'bend-1',
  'bend-1n',
  'bend-2',
  'bend-2n',
  'selected',
  'lit',
  'lit-conditional',
  'dim',
  'focus',
  'search-hit',
] as const;
/** One class name. */
export type GraphClass = (typeof GRAPH_CLASSES)[number];

/** The class that names a node type. */
export function typeClass(type: NodeType): GraphClass {
  return `t-${type}`;
}

/** Catalog resource type (`service:key`, as the analysis reports it) → visual type. */
const RESOURCE_TYPE_BY_CATALOG: Readonly<Record<string, ResourceType>> = {
  's3:bucket': 'bucket',
  's3:object': 'bucket',
  's3:accesspoint': 'bucket',
  'kms:key': 'kms-key',
  'kms:alias': 'kms-key',
  'sqs:queue': 'queue',
  'sns:topic': 'topic',
  'lambda:function': 'function',
  'secretsmanager:secret': 'secret',
  'ecr:repository': 'repository',
  'ec2:subnet': 'subnet',
  'ec2:transit-gateway': 'transit-gateway',
  'dynamodb:table': 'table',
};

/** ARN service (and resource prefix) → visual type, for resources whose catalog type is unknown. */
function resourceTypeFromArn(arn: string): ResourceType {
  const parts = parseArn(arn);
  if (parts === undefined) return 'resource';
  const prefix = parts.resource.split(/[/:]/)[0] ?? '';
  switch (parts.service) {
    case 's3':
      return 'bucket';
    case 'kms':
      return 'kms-key';
    case 'sqs':
      return 'queue';
    case 'sns':
      return 'topic';
    case 'lambda':
      return 'function';
    case 'secretsmanager':
      return 'secret';
    case 'ecr':
      return 'repository';
    case 'dynamodb':
      return 'table';
    case 'ec2':
      if (prefix === 'subnet') return 'subnet';
      if (prefix === 'transit-gateway') return 'transit-gateway';
      return 'resource';
    default:
      return 'resource';
  }
}

/** The visual type of an analysis node (its icon and shape). */
export function nodeTypeOf(node: GraphNode): NodeType {
  switch (node.kind) {
    case 'organization':
    case 'ou':
    case 'account':
    case 'user':
    case 'group':
    case 'role':
    case 'session':
    case 'service':
    case 'idp':
    case 'anonymous':
    case 'share':
      return node.kind;
    case 'resource': {
      for (const catalogType of node.resourceTypes) {
        const type = RESOURCE_TYPE_BY_CATALOG[catalogType.toLowerCase()];
        if (type !== undefined) return type;
      }
      return resourceTypeFromArn(node.id);
    }
  }
}

/** True for the box types (compound nodes). */
export function isBoxType(type: NodeType): type is BoxType {
  return (BOX_TYPES as readonly string[]).includes(type);
}
