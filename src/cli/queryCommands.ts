/**
 * The analysis queries from the command line (issue: `reach`, `whoCanReach`, `path`):
 *   `accessgraph reach <scenario.json> <principal> [--json]`: every role and resource a principal reaches;
 *   `accessgraph who-can-reach <scenario.json> <resource|role> [--action A] [--json]`: who reaches it, how;
 *   `accessgraph path <scenario.json> --principal P --resource R --action A [--json]`: the best way, hop by hop.
 * A principal or resource is named by its id (ARN), or by a name that only one node of the right kind
 * has (`alice`, `role/Admin`, `prod-bucket`); an S3 object ARN names its bucket. A name that matches
 * nothing, or several nodes, is invalid input (exit 2) and the message lists the candidates. `path`
 * exits 1 when the principal cannot perform the action, so a script can test for access.
 */
import { runAnalysis, type AnalysisEnv, type AnalysisSnapshot } from '../analysis/analyzeScenario';
import { DEFAULT_ENGINE } from '../analysis/defaultEngine';
import type { AnalysisEngine } from '../analysis/engineApi';
import { accessPath, reach, whoCanReach } from '../analysis/queries';
import type { PathHop, PrincipalReach, Reacher } from '../analysis/reachTypes';
import { PRINCIPAL_NODE_KINDS, type EdgeCondition, type GraphNode, type NodeKind } from '../analysis/types';
import type { Scenario } from '../model/types';
import { levelsText, prepareNodeEnv } from './analyzeCommand';
import { conditionText, statementText } from './explainText';
import { writeJson } from './jsonLines';

/** Where a query writes: answers to `out`, invalid input to `err`. */
export interface QueryIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes (DESIGN.md "Command line"): 1 is `path`'s "no access". */
const OK = 0;
const NO_ACCESS = 1;
const INVALID = 2;
const MAX_CANDIDATES = 5;

const PRINCIPAL_KINDS: ReadonlySet<NodeKind> = new Set(PRINCIPAL_NODE_KINDS);
const RESOURCE_KINDS: ReadonlySet<NodeKind> = new Set(['resource']);
const TARGET_KINDS: ReadonlySet<NodeKind> = new Set(['resource', 'role']);

/** The node a command-line name stands for, or the nodes it could stand for. */
type Resolved =
  { readonly node: GraphNode } | { readonly node: undefined; readonly candidates: readonly GraphNode[] };

function one(matches: readonly GraphNode[]): Resolved | undefined {
  if (matches.length === 1) return { node: matches[0] as GraphNode };
  return matches.length > 1 ? { node: undefined, candidates: matches } : undefined;
}

/**
 * Resolves `name` among the nodes of `kinds`: the id itself; else the bucket of an S3 object ARN (the
 * graph's resources are buckets); else a unique label (exact, then ignoring case); else a unique id
 * ending in `/name` or `:name` (`role/Admin`, `user/alice`).
 */
export function resolveNode(
  nodes: readonly GraphNode[],
  name: string,
  kinds: ReadonlySet<NodeKind>,
): Resolved {
  const pool = nodes.filter((n) => kinds.has(n.kind));
  const exact = pool.find((n) => n.id === name);
  if (exact !== undefined) return { node: exact };
  const container = pool
    .filter((n) => n.kind === 'resource' && name.startsWith(`${n.id}/`))
    .sort((a, b) => b.id.length - a.id.length)[0];
  if (container !== undefined) return { node: container };
  const lower = name.toLowerCase();
  const found =
    one(pool.filter((n) => n.label === name)) ??
    one(pool.filter((n) => n.label.toLowerCase() === lower)) ??
    one(pool.filter((n) => n.id.endsWith(`/${name}`) || n.id.endsWith(`:${name}`)));
  if (found !== undefined) return found;
  return {
    node: undefined,
    candidates: pool.filter(
      (n) => n.id.toLowerCase().includes(lower) || n.label.toLowerCase().includes(lower),
    ),
  };
}

function describeMiss(
  file: string,
  what: string,
  name: string,
  resolved: Resolved & { node: undefined },
): string[] {
  const { candidates } = resolved;
  const lines = [
    candidates.length > 1 &&
    candidates.some((c) => c.label === name || c.label.toLowerCase() === name.toLowerCase())
      ? `${file}: error: \`${name}\` names ${candidates.length} ${what}s; give the ARN`
      : `${file}: error: no ${what} \`${name}\` in the scenario`,
  ];
  const shown = candidates.slice(0, MAX_CANDIDATES);
  if (shown.length > 0)
    lines.push(
      `  did you mean: ${shown.map((c) => c.id).join(', ')}${candidates.length > shown.length ? `, … (${candidates.length} in all)` : ''}`,
    );
  return lines;
}

/** Resolves a name or writes why it cannot be (returns `undefined`). */
function nodeOrReport(
  snapshot: AnalysisSnapshot,
  io: QueryIo,
  file: string,
  what: string,
  name: string,
  kinds: ReadonlySet<NodeKind>,
): GraphNode | undefined {
  const resolved = resolveNode(snapshot.graph.nodes, name, kinds);
  if (resolved.node !== undefined) return resolved.node;
  describeMiss(file, what, name, resolved).forEach((line) => io.err(line));
  return undefined;
}

async function analyse(
  scenario: Scenario,
  engine: AnalysisEngine,
): Promise<{ snapshot: AnalysisSnapshot; env: AnalysisEnv }> {
  const env = await prepareNodeEnv([scenario], engine);
  return { snapshot: runAnalysis(scenario, env), env };
}

/** True when the catalog knows the action (loading its service when the scenario did not need it). */
async function knownAction(env: AnalysisEnv, action: string): Promise<boolean> {
  const { catalog } = env;
  // Without a catalog nothing is known either way: no note.
  if (catalog === undefined) return true;
  const service = action.split(':')[0] ?? '';
  if (service === '' || !(await catalog.loadService(service))) return false;
  return catalog.lookupAction(action) !== undefined;
}

const MARK = { allowed: '✓', conditional: '?' } as const;

/** `needs …; avoids …` for conditions along a path, or `''`. */
function conditionsText(conditions: readonly EdgeCondition[]): string {
  const needs = conditions.filter((c) => c.effect === 'needs').map((c) => conditionText(c.condition));
  const avoids = conditions.filter((c) => c.effect === 'avoids').map((c) => conditionText(c.condition));
  return [
    needs.length > 0 ? `needs ${needs.join(' and ')}` : '',
    avoids.length > 0 ? `unless ${avoids.join(' or ')}` : '',
  ]
    .filter((s) => s !== '')
    .join('; ');
}

/** The roles assumed on the way; `none` when there are none (`own permissions`, or `directly` for a role). */
function viaText(via: readonly string[], none = 'own permissions'): string {
  return via.length === 0 ? none : `via ${via.join(' → ')}`;
}

function hopLines(principal: string, hops: readonly PathHop[]): string[] {
  return hops.map(
    (hop, i) =>
      `  ${i + 1}. ${i === 0 ? principal : hop.from} assumes ${hop.to} (${hop.decision}${hop.chained ? ', chained session' : ''})`,
  );
}

/** How each resource is reached: own permissions, or the roles it is reached through. */
function resourceVia(snapshot: AnalysisSnapshot, edgeId: string): string {
  const edge = snapshot.edgesById.get(edgeId);
  if (edge?.kind !== 'effective-access') return '';
  const roles = [...new Set(edge.grants.map((g) => g.via?.at(-1) ?? ''))];
  return roles.map((r) => (r === '' ? 'own permissions' : `via ${r}`)).join(', ');
}

function reachLines(snapshot: AnalysisSnapshot, found: PrincipalReach): string[] {
  const lines = [
    `${found.principal} reaches ${found.roles.length} role(s) and ${found.resources.length} resource(s)`,
  ];
  if (found.roles.length > 0) lines.push('roles:');
  for (const role of found.roles) {
    const conditions = conditionsText(role.path.conditions);
    lines.push(
      `  ${MARK[role.path.decision]} ${role.role}  ${viaText(role.path.hops.map((h) => h.to).slice(0, -1), 'directly')}${conditions === '' ? '' : `  ${conditions}`}`,
    );
  }
  if (found.resources.length > 0) lines.push('resources:');
  for (const r of found.resources)
    lines.push(
      `  ${MARK[r.decision]} ${r.resource}  ${levelsText(r.levels)}  ${resourceVia(snapshot, r.edge)}`,
    );
  return lines;
}

/** Runs `reach`; resolves to the exit code. `engine` is for tests. */
export async function runReach(
  scenario: Scenario,
  file: string,
  principal: string,
  io: QueryIo,
  json: boolean,
  engine: AnalysisEngine = DEFAULT_ENGINE,
): Promise<number> {
  const { snapshot } = await analyse(scenario, engine);
  const node = nodeOrReport(snapshot, io, file, 'principal', principal, PRINCIPAL_KINDS);
  if (node === undefined) return INVALID;
  const found = reach(snapshot, node.id) ?? { principal: node.id, roles: [], resources: [] };
  if (json) writeJson(found, (text) => io.out(text));
  else reachLines(snapshot, found).forEach((line) => io.out(line));
  return OK;
}

/** The principals that reach a role through role assumption, as reachers of it (one path each). */
function roleReachers(snapshot: AnalysisSnapshot, role: string): Reacher[] {
  return snapshot.graph.reachability.byPrincipal.flatMap((entry): Reacher[] => {
    const found = entry.roles.find((r) => r.role === role);
    if (found === undefined) return [];
    const last = found.path.hops.at(-1);
    return [
      {
        principal: entry.principal,
        edge: last?.edge ?? '',
        decision: found.path.decision,
        via: found.path.hops.map((h) => h.to).slice(0, -1),
        conditions: found.path.conditions,
        levels: [],
      },
    ];
  });
}

/** Runs `who-can-reach`; resolves to the exit code. `engine` is for tests. */
export async function runWhoCanReach(
  scenario: Scenario,
  file: string,
  target: string,
  action: string | undefined,
  io: QueryIo,
  json: boolean,
  engine: AnalysisEngine = DEFAULT_ENGINE,
): Promise<number> {
  const { snapshot, env } = await analyse(scenario, engine);
  const node = nodeOrReport(snapshot, io, file, 'resource or role', target, TARGET_KINDS);
  if (node === undefined) return INVALID;
  const assuming =
    node.kind === 'role' && (action === undefined || action.toLowerCase() === 'sts:assumerole');
  if (node.kind === 'role' && !assuming) {
    io.err(
      `${file}: error: \`${node.id}\` is a role: ask who can assume it (no \`--action\`, or \`--action sts:AssumeRole\`)`,
    );
    return INVALID;
  }
  const principals = assuming ? roleReachers(snapshot, node.id) : whoCanReach(snapshot, node.id, action);
  if (json) {
    writeJson({ target: node.id, ...(action === undefined ? {} : { action }), principals }, (text) =>
      io.out(text),
    );
    return OK;
  }
  const what = assuming ? 'can assume' : 'can reach';
  io.out(
    `${principals.length} principal(s) ${what} ${node.id}${action === undefined ? '' : ` with ${action}`}`,
  );
  for (const p of principals) {
    const conditions = conditionsText(p.conditions);
    // One action: its level (`Read`), not a count of one out of the level's actions.
    const levels = assuming
      ? ''
      : `  ${action === undefined ? levelsText(p.levels) : p.levels.map((l) => l.level).join(', ')}`;
    io.out(
      `  ${MARK[p.decision]} ${p.principal}${levels}  ${viaText(p.via, assuming ? 'directly' : 'own permissions')}${conditions === '' ? '' : `  ${conditions}`}`,
    );
  }
  if (action !== undefined && principals.length === 0 && !(await knownAction(env, action)))
    io.out(unknownActionNote(action));
  return OK;
}

function unknownActionNote(action: string): string {
  return `note: the action catalog has no action \`${action}\` (analysis evaluates the catalog's actions)`;
}

/** What `runPath` needs from the command line. */
export interface PathArgs {
  readonly principal: string;
  readonly resource: string;
  readonly action: string;
  readonly json: boolean;
}

/** Runs `path`; resolves to 0 when the principal can perform the action (allowed or conditional), else 1. */
export async function runPath(
  scenario: Scenario,
  file: string,
  args: PathArgs,
  io: QueryIo,
  engine: AnalysisEngine = DEFAULT_ENGINE,
): Promise<number> {
  const { snapshot, env } = await analyse(scenario, engine);
  const principal = nodeOrReport(snapshot, io, file, 'principal', args.principal, PRINCIPAL_KINDS);
  const resource =
    principal === undefined
      ? undefined
      : nodeOrReport(snapshot, io, file, 'resource', args.resource, RESOURCE_KINDS);
  if (principal === undefined || resource === undefined) return INVALID;
  const found = accessPath(snapshot, principal.id, resource.id, args.action);
  if (args.json) {
    writeJson(
      found ?? {
        principal: principal.id,
        resource: resource.id,
        action: args.action,
        access: null,
        hops: [],
      },
      (text) => io.out(text),
    );
    return found === undefined ? NO_ACCESS : OK;
  }
  if (found === undefined) {
    io.out(`${principal.id} cannot perform ${args.action} on ${resource.id}`);
    if (!(await knownAction(env, args.action))) io.out(unknownActionNote(args.action));
    io.out(
      `  why, for one request: accessgraph evaluate ${file} --principal ${principal.id} --action ${args.action} --resource ${args.resource.startsWith('arn:') ? args.resource : resource.id}`,
    );
    return NO_ACCESS;
  }
  const { access } = found;
  const on = access.resource ?? resource.id;
  io.out(`${principal.id} can perform ${found.action} on ${on} (${access.decision})`);
  hopLines(principal.id, found.hops).forEach((line) => io.out(line));
  io.out(`  ${found.hops.length + 1}. ${access.via?.at(-1) ?? principal.id} calls ${found.action} on ${on}`);
  for (const s of access.statements) io.out(`     granted by ${statementText(s)}`);
  const conditions = conditionsText(access.conditions);
  if (conditions !== '') io.out(`  ${conditions}`);
  return OK;
}
