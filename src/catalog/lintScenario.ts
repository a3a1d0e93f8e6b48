/**
 * Catalog-aware policy lint: what the grammar-level lint (`model/lintPolicy.ts`) cannot know without the
 * Service Authorization Reference. Every warning is a `policy-lint` diagnostic located by JSON path in the
 * scenario, so the editor can place a marker; lint never changes a decision.
 *
 * The catalog answers only for loaded services: load `lintServicesOf(scenario)` first. A rule that needs a
 * service that is not loaded stays silent rather than guess.
 *
 * Third-party trust without `sts:ExternalId` is not linted here: analysis reports it as the
 * `missing-external-id` finding, with the scenario's view of which accounts are external.
 */
import { createCollector, type PendingDiagnostic } from '../model/collector';
import type { Diagnostic } from '../model/diagnostics';
import type { PolicyDocument } from '../model/policy';
import type { Scenario } from '../model/types';
import type { Catalog } from './Catalog';
import { lintActions } from './lint/lintActions';
import { lintConditions } from './lint/lintConditions';
import { arnServiceOf, createLintContext, type LintContext } from './lint/LintContext';
import { lintResources } from './lint/lintResources';
import { scenarioDocuments } from './lint/scenarioDocuments';

function lintDocument(ctx: LintContext, document: PolicyDocument): void {
  // An invalid document already has its errors and takes no part in evaluation.
  if (!document.valid) return;
  for (const statement of document.statements) {
    const actions = lintActions(ctx, statement);
    lintResources(ctx, statement, actions);
    lintConditions(ctx, statement, actions);
  }
}

function finish(items: readonly PendingDiagnostic[]): Diagnostic[] {
  return items.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    path: d.path,
    range: undefined,
    excludes: undefined,
  }));
}

/** Catalog lint of one parsed policy document (its statements carry their own JSON paths). */
export function lintPolicyWithCatalog(document: PolicyDocument, catalog: Catalog): Diagnostic[] {
  const out = createCollector();
  lintDocument(createLintContext(catalog, out), document);
  return finish(out.items);
}

/** Catalog lint of many documents at once (one shared set of caches), in order. */
export function lintPoliciesWithCatalog(
  documents: readonly PolicyDocument[],
  catalog: Catalog,
): Diagnostic[] {
  const out = createCollector();
  const ctx = createLintContext(catalog, out);
  for (const document of documents) lintDocument(ctx, document);
  return finish(out.items);
}

/** Catalog lint of many documents at once (one shared set of caches): each document's warnings, in order. */
export function lintPoliciesEach(documents: readonly PolicyDocument[], catalog: Catalog): Diagnostic[][] {
  const out = createCollector();
  const ctx = createLintContext(catalog, out);
  return documents.map((document) => {
    const from = out.items.length;
    lintDocument(ctx, document);
    return finish(out.items.slice(from));
  });
}

/** Catalog lint of every policy document written in the scenario, in scenario order. */
export function lintScenarioWithCatalog(scenario: Scenario, catalog: Catalog): Diagnostic[] {
  return lintPoliciesWithCatalog(scenarioDocuments(scenario), catalog);
}

function prefixOfAction(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon > 0 && !/[*?]/.test(action.slice(0, colon)) ? action.slice(0, colon).toLowerCase() : undefined;
}

/**
 * The service prefixes the lint needs loaded for these documents: those of actions, condition keys and
 * resource ARNs, plus `sts`, whose files hold the identity-provider keys. Unknown prefixes are included;
 * `Catalog.loadServices` skips them.
 */
export function lintServicesOf(documents: readonly PolicyDocument[]): readonly string[] {
  const prefixes = new Set<string>(['sts']);
  for (const statement of documents.flatMap((document) => document.statements)) {
    for (const action of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
      const prefix = prefixOfAction(action);
      if (prefix !== undefined) prefixes.add(prefix);
    }
    for (const resource of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) {
      const service = arnServiceOf(resource);
      if (service !== undefined) prefixes.add(service.toLowerCase());
    }
    for (const condition of statement.conditions) {
      const prefix = prefixOfAction(condition.key);
      if (prefix !== undefined && prefix !== 'aws') prefixes.add(prefix);
    }
  }
  return [...prefixes].sort();
}

/** Loads the services the lint needs (`lintServicesOf`), then lints the scenario: the worker's one call. */
export async function loadAndLintScenario(scenario: Scenario, catalog: Catalog): Promise<Diagnostic[]> {
  await catalog.loadServices(lintServicesOf(scenarioDocuments(scenario)));
  return lintScenarioWithCatalog(scenario, catalog);
}

/** The policy documents of a scenario that `lintScenarioWithCatalog` lints (for `lintServicesOf`). */
export { scenarioDocuments } from './lint/scenarioDocuments';
