/**
 * Compiles policy documents into statements ready to evaluate: action, resource and principal matchers,
 * compiled conditions, and the trace objects explanations reuse (built once, so an evaluation only
 * collects references). Statements are indexed by the service prefixes their `Action` can match.
 */
import { variablesEnabled, type PolicyDocument, type Statement } from '../../model/policy';
import { compileCondition, type CompiledCondition } from '../conditions/compileCondition';
import { compileActions, type ActionMatcher } from '../match/actionMatcher';
import { compilePrincipal, type PrincipalMatcher } from '../match/principalMatcher';
import { compileResources, type ResourceMatcher } from '../match/resourceMatcher';
import type { MismatchReason, PolicyRef, PrincipalClass, StatementRef, StatementTrace } from '../types';

/** An S3 object ACL expressed as a statement's principal (SEMANTICS §2.5, §8.0). */
export interface AclGrantees {
  /** Grantee account ids. */
  readonly accounts: ReadonlySet<string>;
  /** `AllUsers`: anyone, anonymous callers included. */
  readonly allUsers: boolean;
  /** `AuthenticatedUsers`: any signed caller. */
  readonly authenticatedUsers: boolean;
}

/** What a statement's origin changes about how it grants. */
export type StatementOrigin = 'policy' | 'ram' | 'acl';

/** Trace objects shared by every evaluation of one statement. */
export interface StatementTraces {
  readonly applies: StatementTrace;
  readonly appliesAs: Readonly<Record<PrincipalClass, StatementTrace>>;
  readonly mismatch: Readonly<
    Record<
      'actionMismatch' | 'resourceMismatch' | 'principalMismatch' | 'ownerMismatch' | 'publicAccessBlocked',
      StatementTrace
    >
  >;
  /** One per condition entry: `conditionFalse` with that entry. */
  readonly conditionFalse: readonly StatementTrace[];
}

/** One statement, compiled. */
export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly statement: Statement;
  readonly actions: ActionMatcher;
  /** `undefined` in a trust policy: the resource is the role itself. */
  readonly resources: ResourceMatcher | undefined;
  readonly principal: PrincipalMatcher | undefined;
  readonly notPrincipal: PrincipalMatcher | undefined;
  readonly acl: AclGrantees | undefined;
  readonly origin: StatementOrigin;
  readonly conditions: readonly CompiledCondition[];
  readonly traces: StatementTraces;
}

/** One policy document, compiled. */
export interface CompiledPolicy {
  readonly ref: PolicyRef;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
  /** Statements whose `Action` can match a service, by lower-cased prefix; see `statementsFor`. */
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements that can match any service (`*`, `NotAction`), in document order. */
  readonly anyService: readonly CompiledStatement[];
}

function trace(
  ref: StatementRef,
  applies: StatementTrace['applies'],
  extra: Partial<StatementTrace> = {},
): StatementTrace {
  return { statement: ref, applies, ...extra };
}

function mismatch(ref: StatementRef, reason: MismatchReason): StatementTrace {
  return trace(ref, 'false', { mismatch: reason });
}

/** Compiles one statement of a policy with the given reference. */
export function compileStatement(
  policy: PolicyRef,
  document: PolicyDocument,
  statement: Statement,
  origin: StatementOrigin = 'policy',
  acl?: AclGrantees,
): CompiledStatement {
  const variables = variablesEnabled(document);
  const ref: StatementRef = {
    policy,
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    path: statement.path,
  };
  const actions = compileActions(
    statement.action ?? statement.notAction ?? [],
    statement.action === undefined,
  );
  const list = statement.resource ?? statement.notResource;
  const resources =
    list === undefined ? undefined : compileResources(list, statement.resource === undefined, variables);
  const conditions = statement.conditions.map((c) => compileCondition(c, variables));
  const traces: StatementTraces = {
    applies: trace(ref, 'true'),
    appliesAs: {
      SELF: trace(ref, 'true', { principalClass: 'SELF' }),
      WILDCARD: trace(ref, 'true', { principalClass: 'WILDCARD' }),
      PARENT: trace(ref, 'true', { principalClass: 'PARENT' }),
      ACCOUNT: trace(ref, 'true', { principalClass: 'ACCOUNT' }),
    },
    mismatch: {
      actionMismatch: mismatch(ref, 'actionMismatch'),
      resourceMismatch: mismatch(ref, 'resourceMismatch'),
      principalMismatch: mismatch(ref, 'principalMismatch'),
      ownerMismatch: mismatch(ref, 'ownerMismatch'),
      publicAccessBlocked: mismatch(ref, 'publicAccessBlocked'),
    },
    conditionFalse: conditions.map((c) =>
      trace(ref, 'false', { mismatch: 'conditionFalse', condition: c.entry }),
    ),
  };
  return {
    ref,
    statement,
    actions,
    resources,
    principal: statement.principal === undefined ? undefined : compilePrincipal(statement.principal),
    notPrincipal: statement.notPrincipal === undefined ? undefined : compilePrincipal(statement.notPrincipal),
    acl,
    origin,
    conditions,
    traces,
  };
}

/** The statements of one organization level that can match one service. */
export interface LevelStatements {
  readonly level: string;
  readonly statements: readonly CompiledStatement[];
}

/** The statements of several policies that can match actions of `service`, in order. */
export function statementsOf(policies: readonly CompiledPolicy[], service: string): CompiledStatement[] {
  const out: CompiledStatement[] = [];
  for (const policy of policies) out.push(...statementsFor(policy, service));
  return out;
}

/** Builds the service index of a list of statements. */
export function indexStatements(
  statements: readonly CompiledStatement[],
): Pick<CompiledPolicy, 'byService' | 'anyService'> {
  const byService = new Map<string, CompiledStatement[]>();
  const anyService: CompiledStatement[] = [];
  for (const s of statements) {
    if (s.actions.services === undefined) anyService.push(s);
    else
      for (const service of s.actions.services)
        byService.set(service, [...(byService.get(service) ?? []), s]);
  }
  return { byService, anyService };
}

/** Compiles a document under a reference. An invalid document compiles to no statements (DESIGN.md). */
export function compilePolicy(ref: PolicyRef, document: PolicyDocument): CompiledPolicy {
  const statements = document.valid ? document.statements.map((s) => compileStatement(ref, document, s)) : [];
  return { ref, document, statements, ...indexStatements(statements) };
}

/**
 * The statements of a policy that can match an action of `service`, in document order (statements of
 * other services would all be `actionMismatch`, so explanations leave them out).
 */
export function statementsFor(
  policy: Pick<CompiledPolicy, 'byService' | 'anyService'>,
  service: string,
): readonly CompiledStatement[] {
  const specific = policy.byService.get(service);
  if (specific === undefined) return policy.anyService;
  if (policy.anyService.length === 0) return specific;
  return [...specific, ...policy.anyService].sort((a, b) => a.ref.index - b.ref.index);
}
