/**
 * What the request simulator suggests (pure): principals and resources from the graph, actions from
 * the catalog (the actions the principal already has on the resource first), and condition keys
 * for the action's service.
 */
import { PRINCIPAL_NODE_KINDS, type AccessGraph, type Neighbourhood } from '../../analysis/types';
import { expandActions } from '../../analysis/grants';
import type { Catalog } from '../../catalog';
import { lookupOf } from '../../state/graphLookup';

/** One suggestion: the value and a short description. */
export interface Suggestion {
  readonly value: string;
  readonly label: string;
}

const PRINCIPAL_KINDS: ReadonlySet<string> = new Set(PRINCIPAL_NODE_KINDS);

/** Principals: the graph's principal nodes, then every account's root. */
export function principalSuggestions(graph: AccessGraph | undefined): readonly Suggestion[] {
  if (graph === undefined) return [];
  const principals = graph.nodes
    .filter((n) => PRINCIPAL_KINDS.has(n.kind))
    .map((n) => ({ value: n.id, label: `${n.kind} · ${n.label}` }));
  const roots = graph.nodes
    .filter((n) => n.kind === 'account')
    .map((n) => ({ value: `arn:${n.partition ?? 'aws'}:iam::${n.id}:root`, label: `root · ${n.label}` }));
  return [...principals, ...roots];
}

/** Resources: the graph's resources, plus `*` for actions without resource-level permissions. */
export function resourceSuggestions(graph: AccessGraph | undefined): readonly Suggestion[] {
  if (graph === undefined) return [];
  const resources = graph.nodes
    .filter((n) => n.kind === 'resource')
    .flatMap((n) => {
      const own = { value: n.id, label: n.label };
      // An S3 bucket's objects are requested as `bucket/key`; offer one so GetObject has something to aim at.
      return n.id.startsWith('arn:aws:s3:::') && !n.id.includes('/')
        ? [own, { value: `${n.id}/example.txt`, label: `${n.label}/…` }]
        : [own];
    });
  const roles = graph.nodes
    .filter((n) => n.kind === 'role')
    .map((n) => ({ value: n.id, label: `role · ${n.label}` }));
  return [...resources, ...roles, { value: '*', label: '*' }];
}

/** Actions for what is typed: services before the colon, the service's actions after it. */
export function actionSuggestions(
  catalog: Catalog | undefined,
  typed: string,
  graph: AccessGraph | undefined,
  principal: string,
  resource: string,
  part?: Neighbourhood,
): readonly Suggestion[] {
  const granted: Suggestion[] = [];
  if (graph !== undefined) {
    // A graph sent without its access holds the principal's reach only as its part (`part`) when the
    // principal is not the selected node.
    const own = part?.node === principal ? part : undefined;
    const lookup = lookupOf(graph);
    const reached = (own === undefined ? lookup.byPrincipal.get(principal) : own.principal)?.resources.find(
      (r) => r.resource === resource || resource.startsWith(`${r.resource}/`),
    );
    const edge =
      reached === undefined
        ? undefined
        : own === undefined
          ? lookup.edges.get(reached.edge)
          : own.edges.find((e) => e.id === reached.edge);
    if (edge?.kind === 'effective-access')
      granted.push(
        ...expandActions(edge, graph.actionLevels).map((a) => ({
          value: a.action,
          label: a.levels.join(', '),
        })),
      );
  }
  if (catalog === undefined) return granted;
  const colon = typed.indexOf(':');
  if (colon < 0)
    return [...granted, ...catalog.services.map((s) => ({ value: `${s.prefix}:`, label: s.name }))];
  const data = catalog.serviceData(typed.slice(0, colon));
  const seen = new Set(granted.map((g) => g.value));
  return [
    ...granted,
    ...(data?.actions ?? [])
      .filter((a) => !seen.has(a.action))
      .map((a) => ({ value: a.action, label: a.accessLevels.join(', ') })),
  ];
}

/**
 * Condition keys: the action's service's keys, then the global ones, each once (services list some
 * global keys too, such as `aws:RequestTag/${TagKey}`).
 */
export function contextKeySuggestions(catalog: Catalog | undefined, action: string): readonly Suggestion[] {
  if (catalog === undefined) return [];
  const prefix = action.includes(':') ? action.slice(0, action.indexOf(':')) : '';
  const own = catalog.serviceData(prefix)?.conditionKeys ?? [];
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const k of [...own, ...catalog.globalConditionKeys]) {
    if (seen.has(k.key)) continue;
    seen.add(k.key);
    out.push({ value: k.key, label: k.type });
  }
  return out;
}

/** The service prefix of an action, lower case (`''` when there is none yet). */
export function servicePrefix(action: string): string {
  const colon = action.indexOf(':');
  return colon <= 0 ? '' : action.slice(0, colon).toLowerCase();
}
