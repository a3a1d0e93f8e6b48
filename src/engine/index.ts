/**
 * The IAM evaluation engine (SEMANTICS.md): compile a scenario once, then evaluate requests exactly
 * (`evaluate`) or three-valued for the graph (`evaluateForAnalysis`). Pure and synchronous.
 */
export {
  compileScenario,
  recompileScenario,
  type CompiledScenario,
  type CompileOptions,
  type IdentityChange,
} from './compile/compileScenario';
export { evaluate, evaluateDecision, evaluateForAnalysis, type AnalysisOptions } from './evaluate/evaluate';
export type { CompiledPolicy, CompiledStatement } from './compile/compilePolicy';
export type { PrincipalView, ResolvedPrincipal } from './compile/principals';
export type { ResourceView, ResolvedResource, ResourceKind } from './compile/resources';
export type { AccountFacts, OrganizationFacts, ControlLevel } from './compile/organization';
export type { Caller, CallerKind } from './match/principalMatcher';
export { RCP_SUPPORTED_SERVICES } from './data/rcpServices';
export { RAM_RESOURCE_TYPES } from './data/ramPermissions';
export * from './types';
