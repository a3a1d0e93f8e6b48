/**
 * The principals that make requests in analysis, each with the statements on its side of the
 * evaluation: declared users, roles (as their sessions) and sessions, plus the service principals,
 * the anonymous caller and the undeclared IAM principals that resource policies name.
 */
import type { Statement } from '../model/policy';
import { ANONYMOUS_NODE_ID } from './buildNodes';
import type { PolicySite, PrincipalEntity, ScenarioIndex } from './scenarioIndex';
import { callerFacts, resourceMatcher, specKeys, type CallerFacts, type ResourceMatcher } from './statementMatch';
import type { GraphNode } from './types';

/** One requesting principal. */
export interface RequestSource {
  /** The node id, which is also the request's principal. */
  readonly id: string;
  readonly kind: GraphNode['kind'];
  readonly account: string | undefined;
  readonly facts: CallerFacts;
  /** Every statement on the principal's side (identity, boundary, session, SCP levels), valid documents only. */
  readonly statements: readonly Statement[];
  /** For each of `statements`, where it comes from (`STATEMENT_ORIGINS` index). */
  readonly origins: Uint8Array;
  /** A permissions boundary is attached (the engine treats such callers differently even where it does not match). */
  readonly hasBoundary: boolean;
  /** A declared user or role whose requests analysis may share with equal callers (`cellClasses.ts`). */
  readonly shareable: boolean;
  /** The identity Allow statements (the ones that can grant). */
  readonly allows: readonly Statement[];
  /** The Resource matchers of `allows`, in order (looked up once, not once per pair in the prefilter). */
  readonly allowMatchers: readonly ResourceMatcher[];
  /** Identifies `statements` for caching per-action classes. */
  readonly sideKey: string;
  /** For roles and role sessions: the role ARN; for federated sessions: the user ARN. */
  readonly owner: string | undefined;
  /** Organization ancestors of the account (root first), for RAM OU and organization shares. */
  readonly ancestors: readonly string[];
  readonly external: boolean;
}

/** Where a principal-side statement comes from. */
export const STATEMENT_ORIGINS = ['identity', 'boundary', 'session', 'scp'] as const;

let nextStatementId = 1;
const statementIds = new WeakMap<Statement, number>();

/** A number that identifies a statement object for the life of the program (cache keys only). */
export function statementId(statement: Statement): number {
  let id = statementIds.get(statement);
  if (id === undefined) {
    id = nextStatementId++;
    statementIds.set(statement, id);
  }
  return id;
}

function liveStatements(sites: readonly (PolicySite | undefined)[]): Statement[] {
  return sites.flatMap((site) => (site !== undefined && site.document.valid ? site.document.statements : []));
}

function sideKeyOf(statements: readonly Statement[]): string {
  return statements.map(statementId).join(',');
}

/** The request source of a declared principal. */
export function principalSource(index: ScenarioIndex, principal: PrincipalEntity): RequestSource {
  const scp = index.controlLevels(principal.account, 'SCP').flatMap((level) => level.sites);
  const identity = liveStatements(principal.identity);
  const parts = [identity, liveStatements([principal.boundary]), liveStatements(principal.session), liveStatements(scp)];
  const statements = parts.flat();
  const origins = new Uint8Array(statements.length);
  let at = 0;
  parts.forEach((list, origin) => list.forEach(() => (origins[at++] = origin)));
  const info = index.accounts.get(principal.account);
  const allows = identity.filter((s) => s.effect === 'Allow');
  return {
    id: principal.id,
    kind: principal.kind,
    account: principal.account,
    facts: callerFacts(principal.id, principal.account, principal.userArn),
    statements,
    origins,
    hasBoundary: principal.boundary !== undefined,
    shareable: principal.kind !== 'session' && !principal.serviceLinked,
    allows,
    allowMatchers: allows.map(resourceMatcher),
    sideKey: sideKeyOf(statements),
    owner: principal.roleArn ?? principal.userArn,
    ancestors: info?.ancestors ?? [],
    external: info?.external === true,
  };
}

/** Every request source of the scenario, given the graph's nodes. */
export function requestSources(index: ScenarioIndex, nodes: ReadonlyMap<string, GraphNode>): RequestSource[] {
  const out: RequestSource[] = [];
  for (const principal of index.principals.values()) out.push(principalSource(index, principal));
  for (const node of nodes.values()) {
    const undeclared = node.flags.includes('undeclared') && (node.kind === 'user' || node.kind === 'role' || node.kind === 'session');
    if (node.kind !== 'service' && node.kind !== 'anonymous' && !undeclared) continue;
    const info = node.account === undefined ? undefined : index.accounts.get(node.account);
    out.push({
      id: node.id,
      kind: node.kind,
      account: node.account,
      facts: callerFacts(node.id === ANONYMOUS_NODE_ID ? 'anonymous' : node.id, node.account),
      statements: [],
      origins: new Uint8Array(0),
      hasBoundary: false,
      shareable: false,
      allows: [],
      allowMatchers: [],
      sideKey: '',
      owner: undefined,
      ancestors: info?.ancestors ?? [],
      external: node.kind === 'anonymous' || info?.external === true,
    });
  }
  return out;
}

/** The keys under which a source is found by the Principal elements that may name it (`specKeys`). */
export function lookupKeys(source: RequestSource): string[] {
  const f = source.facts;
  const keys = [`id:${f.id}`];
  if (f.userArn !== undefined) keys.push(`id:${f.userArn}`);
  if (f.account !== undefined && f.service === undefined && !f.anonymous) keys.push(`account:${f.account}`);
  if (f.roleKey !== undefined) keys.push(`role:${f.roleKey}`);
  if (f.service !== undefined) keys.push(`service:${f.service}`);
  return keys;
}

/** The keys a Principal element names callers by (see `lookupKeys`); `undefined` for anyone. */
export function namingKeys(statement: Statement): string[] | undefined {
  const keys = statement.principal === undefined || statement.notPrincipal !== undefined ? undefined : specKeys(statement.principal);
  if (keys === undefined) return undefined;
  return [...[...keys.exact].map((v) => `id:${v}`), ...[...keys.accounts].map((v) => `account:${v}`), ...[...keys.roleKeys].map((v) => `role:${v}`), ...[...keys.services].map((v) => `service:${v}`)];
}

/** Finds the sources a resource-policy statement may name without scanning every source. */
export function sourceLookup(sources: readonly RequestSource[]): { named(statement: Statement): Iterable<RequestSource> } {
  const index = new Map<string, RequestSource[]>();
  const put = (key: string, source: RequestSource): void => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [source]);
    else list.push(source);
  };
  for (const source of sources) for (const key of lookupKeys(source)) put(key, source);
  return {
    named(statement) {
      const keys = statement.principal === undefined || statement.notPrincipal !== undefined ? undefined : specKeys(statement.principal);
      // `sources` itself (not a copy) when the statement may name anyone: callers test for it by identity.
      if (keys === undefined) return sources;
      const found = new Set<RequestSource>();
      const collect = (key: string): void => {
        for (const s of index.get(key) ?? []) found.add(s);
      };
      for (const v of keys.exact) collect(`id:${v}`);
      for (const v of keys.accounts) collect(`account:${v}`);
      for (const v of keys.roleKeys) collect(`role:${v}`);
      for (const v of keys.services) collect(`service:${v}`);
      return found;
    },
  };
}
