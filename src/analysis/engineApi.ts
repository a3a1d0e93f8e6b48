/**
 * The engine functions analysis needs, injected rather than imported so that analysis, the worker and
 * their tests can run against the real engine (`src/engine`) or a stand-in. `C` is the engine's
 * compiled scenario, opaque to analysis.
 */
import type { AnalysisResult, EvaluationResult, Request } from '../engine/types';
import type { PolicyDocument } from '../model/policy';
import type { Scenario } from '../model/types';

/** Options of `compile`, as `compileScenario` takes them. */
export interface CompileOptions {
  /** AWS managed policy documents by ARN, parsed. */
  readonly managedPolicies?: ReadonlyMap<string, PolicyDocument>;
  /** Prefixes of the services RCPs govern (from the catalog). */
  readonly rcpSupportedServices?: readonly string[];
}

/** Options of one three-valued evaluation. */
export interface AnalysisOptions {
  /** Context keys to treat as known (lower case), beyond what the scenario determines. */
  readonly knownKeys?: ReadonlySet<string>;
  /** True when the caller is a role session obtained by role chaining. */
  readonly chained?: boolean;
}

/** The inline identity policies an edit changed (users, groups, roles by ARN); `recompile` takes it. */
export interface IdentityChange {
  readonly users: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
}

/** The engine as analysis uses it. */
export interface AnalysisEngine<C = unknown> {
  compile(scenario: Scenario, options: CompileOptions): C;
  /**
   * Optional: compiles `scenario`, equal in content to the one `previous` was compiled from except for
   * the inline identity policies `change` names, reusing what the edit cannot reach. Without it,
   * analysis compiles from scratch.
   */
  recompile?(previous: C, scenario: Scenario, options: CompileOptions, change: IdentityChange): C;
  /** One exact decision (missing keys are missing). */
  evaluate(compiled: C, request: Request): EvaluationResult;
  /** One three-valued decision (unknown keys give `Conditional`). */
  evaluateForAnalysis(compiled: C, request: Request, options?: AnalysisOptions): AnalysisResult;
}
