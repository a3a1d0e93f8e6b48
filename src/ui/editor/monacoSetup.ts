/**
 * One-time Monaco setup (in the lazily loaded editor chunk): workers bundled from this origin, the
 * scenario and policy JSON Schemas (no schema is ever fetched), the themes and the IAM providers.
 */
import EditorWorker from 'monaco-esm/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-esm/languages/features/json/json.worker.js?worker';
import { scenarioJsonSchema } from '../../model/schema';
import { THEMES } from '../../graph/tokens';
import { registerIamProviders, type IamProviderDeps } from './iamProviders';
import * as monaco from './monaco.slim';
import { monacoTheme, monacoThemeName } from './monacoTheme';

/** The scenario model's URI; the scenario schema applies to it. */
export const SCENARIO_URI = 'inmemory://accessgraph/scenario.json';
/** Focused tabs' models live under this folder; the policy schema applies to them. */
export const TAB_URI_PREFIX = 'inmemory://accessgraph/tab/';

let done = false;

/** Sets Monaco up once per page; later calls do nothing. */
export function setupMonaco(deps: IamProviderDeps): typeof monaco {
  if (done) return monaco;
  done = true;
  globalThis.MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'json'
        ? new JsonWorker({ name: 'monaco-json' })
        : new EditorWorker({ name: 'monaco-editor' }),
  };
  const scenario = scenarioJsonSchema();
  const policy = {
    ...(scenario.definitions as Record<string, Record<string, unknown>>).policy,
    definitions: scenario.definitions,
  };
  monaco.json.jsonDefaults.setDiagnosticsOptions({
    // Validation comes from the model's own diagnostics (one source of truth, exact messages); the
    // schemas still drive structural completion and hover.
    validate: false,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [
      { uri: 'accessgraph://schema/scenario-v1.json', fileMatch: [SCENARIO_URI], schema: scenario },
      { uri: 'accessgraph://schema/policy.json', fileMatch: [`${TAB_URI_PREFIX}*`], schema: policy },
    ],
  });
  for (const theme of THEMES) monaco.editor.defineTheme(monacoThemeName(theme), monacoTheme(theme));
  registerIamProviders(deps);
  return monaco;
}
