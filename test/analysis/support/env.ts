/** Test helpers: a Node catalog shared per test file, scenario loading, and analysis environments. */
import { readdirSync, readFileSync } from 'node:fs';
import type { AnalysisEnv } from '../../../src/analysis/analyzeScenario';
import type { AnalysisEngine } from '../../../src/analysis/engineApi';
import { scenarioRequirements } from '../../../src/analysis/requirements';
import { createCatalog, type Catalog } from '../../../src/catalog/Catalog';
import { createNodeCatalogSource } from '../../../src/cli/nodeCatalogSource';
import { parseScenarioText, parseScenarioValue } from '../../../src/model/parseScenario';
import type { Scenario } from '../../../src/model/types';

let catalog: Promise<Catalog> | undefined;

/** The catalog over the installed iam-data (services loaded on demand). */
export function nodeCatalog(): Promise<Catalog> {
  catalog ??= createCatalog(createNodeCatalogSource());
  return catalog;
}

/** An environment for `scenario` with its catalog services loaded and no AWS managed policies. */
export async function envFor(scenario: Scenario, engine: AnalysisEngine | undefined): Promise<AnalysisEnv> {
  const c = await nodeCatalog();
  await c.loadServices(scenarioRequirements(scenario).services);
  return { engine, catalog: c, rawManaged: new Map(), awsManaged: new Map() };
}

const CONFORMANCE = new URL('../../fixtures/conformance/', import.meta.url);

/** Every conformance scenario, parsed: `[file, scenario]`. */
export function conformanceScenarios(): [string, Scenario][] {
  return readdirSync(CONFORMANCE)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const { scenario, diagnostics } = parseScenarioText(readFileSync(new URL(file, CONFORMANCE), 'utf8'));
      if (scenario === undefined) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
      return [file, scenario];
    });
}

/** Parses a scenario value that must be valid. */
export function scenarioOf(value: unknown): Scenario {
  const { scenario, diagnostics } = parseScenarioValue(value);
  if (scenario === undefined) throw new Error(diagnostics.map((d) => `${JSON.stringify(d.path)} ${d.message}`).join('; '));
  return scenario;
}
