/**
 * Binds the analysis layer to the IAM engine (`src/engine`), adapting its options: managed policies as
 * a lookup function, RCP-governed services as a set.
 */
import { compileScenario, evaluate, evaluateForAnalysis, type CompiledScenario } from '../engine';
import type { AnalysisEngine } from './engineApi';

/** The engine the worker and the CLI use. */
export const DEFAULT_ENGINE: AnalysisEngine<CompiledScenario> = {
  compile: (scenario, options) =>
    compileScenario(scenario, {
      managedPolicies: (arn) => options.managedPolicies?.get(arn),
      ...(options.rcpSupportedServices === undefined ? {} : { rcpSupportedServices: new Set(options.rcpSupportedServices) }),
    }),
  evaluate,
  evaluateForAnalysis: (compiled, request, options) => evaluateForAnalysis(compiled, request, options ?? {}),
};
