/** Test helper: compile a scenario value (the `format` is added) that must parse with no blocking diagnostic. */
import { compileScenario, type CompiledScenario } from '../../../src/engine/index';
import { parseScenarioValue } from '../../../src/model/parseScenario';

/** The compiled scenario of `value`; throws with the diagnostics when it does not parse. */
export function compiledOf(value: Record<string, unknown>): CompiledScenario {
  const { scenario, diagnostics } = parseScenarioValue({ format: 'accessgraph/v1', ...value });
  if (scenario === undefined) throw new Error(diagnostics.map((d) => `${JSON.stringify(d.path)} ${d.message}`).join('; '));
  return compileScenario(scenario);
}

/** A `2012-10-17` policy document. */
export function doc(...Statement: unknown[]): unknown {
  return { Version: '2012-10-17', Statement };
}
