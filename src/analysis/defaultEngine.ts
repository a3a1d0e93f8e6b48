/**
 * Binds the analysis layer to the IAM engine (`src/engine`), adapting its options: managed policies as
 * a lookup function, RCP-governed services as a set.
 */
import { compileScenario, evaluate, evaluateForAnalysis, recompileScenario, type CompiledScenario, type CompileOptions as EngineOptions } from '../engine';
import type { AnalysisEngine, CompileOptions } from './engineApi';

function engineOptions(options: CompileOptions): EngineOptions {
  return {
    managedPolicies: (arn) => options.managedPolicies?.get(arn),
    ...(options.rcpSupportedServices === undefined ? {} : { rcpSupportedServices: new Set(options.rcpSupportedServices) }),
  };
}

/** The engine the worker and the CLI use. */
export const DEFAULT_ENGINE: AnalysisEngine<CompiledScenario> = {
  compile: (scenario, options) => compileScenario(scenario, engineOptions(options)),
  recompile: (previous, scenario, options, change) => recompileScenario(previous, scenario, engineOptions(options), change),
  evaluate,
  evaluateForAnalysis: (compiled, request, options) => evaluateForAnalysis(compiled, request, options ?? {}),
};
