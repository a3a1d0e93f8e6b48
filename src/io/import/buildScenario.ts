/**
 * Assembles the `accessgraph/v1` value from the draft, then checks it with the model's own parser and
 * reports the model's diagnostics (an invalid policy, a lint warning) at their place in the input files.
 */
import { isBlocking } from '../../model/diagnostics';
import { parseScenarioValue } from '../../model/parseScenario';
import { SCENARIO_FORMAT } from '../../model/types';
import { buildIdentity } from './buildIdentity';
import { emitAccounts, emitOrganization, placeTree, prepareTargets, resolveOrganization } from './buildOrganization';
import { buildResourceList, buildShareList } from './buildResources';
import type { Draft } from './draft';
import type { Obj } from './fields';
import { rangeOf, type Origin } from './origin';
import { createProvenance, type Provenance } from './provenance';

/** One line of the scenario description: a file and what it was read as. */
export interface FileSummary {
  readonly name: string;
  readonly kind: string;
}

/** Builds and checks the scenario; `undefined` when nothing was imported or the model refuses it. */
export function buildScenario(draft: Draft, summaries: readonly FileSummary[], fallback: Origin | undefined): Obj | undefined {
  const prov = createProvenance();
  const ctx = resolveOrganization(draft);
  if (ctx !== undefined) prepareTargets(draft, ctx);
  const resourceShares = buildShareList(draft, ctx, prov);
  const resources = buildResourceList(draft, prov);
  if (ctx !== undefined) placeTree(draft, ctx);
  const identity = buildIdentity(draft, prov);
  const accounts = emitAccounts(draft, ctx, prov);
  if (accounts.length === 0) return undefined;
  const scenario: Obj = {
    format: SCENARIO_FORMAT,
    title: 'Imported AWS exports',
    description: describe(summaries),
    ...(ctx === undefined ? {} : { organization: emitOrganization(draft, ctx, prov) }),
    accounts,
    ...identity,
    resources,
    resourceShares,
  };
  return check(scenario, draft, prov, fallback);
}

function describe(summaries: readonly FileSummary[]): string {
  const lines = summaries.map((s) => `- \`${s.name.replace(/`/g, "'")}\`: ${s.kind}`);
  return [`Built by \`accessgraph import\` from ${summaries.length} file${summaries.length === 1 ? '' : 's'}:`, '', ...lines].join('\n');
}

function check(scenario: Obj, draft: Draft, prov: Provenance, fallback: Origin | undefined): Obj | undefined {
  const { diagnostics } = parseScenarioValue(scenario);
  for (const d of diagnostics) {
    const origin = prov.find(d.path) ?? fallback;
    if (origin === undefined) continue;
    const excludes = d.excludes === undefined ? undefined : (prov.find(d.excludes) ?? origin).path;
    draft.report.items.push({ file: origin.file.name, code: d.code, severity: d.severity, message: d.message, path: origin.path, range: rangeOf(origin), excludes });
  }
  return diagnostics.some(isBlocking) ? undefined : scenario;
}
