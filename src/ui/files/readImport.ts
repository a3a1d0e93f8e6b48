/**
 * Turns picked files into a scenario text: an `accessgraph/v1` file opens as written (its formatting
 * kept); anything else goes through the importer for real AWS exports.
 */
import { importFiles } from '../../io/import/importFiles';
import type { ImportDiagnostic } from '../../io/import/types';
import { tolerantValue } from '../../state/scenarioEdits';

/** What an import produced: the text to open, or why nothing could be opened. */
export type ImportOutcome =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly ImportDiagnostic[] }
  | { readonly ok: false; readonly problem: string };

function isScenarioText(text: string): boolean {
  const value = tolerantValue(text);
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).format === 'accessgraph/v1'
  );
}

function describe(d: ImportDiagnostic): string {
  const at = d.range === undefined ? '' : `:${d.range.line}:${d.range.column}`;
  return `${d.file}${at}: ${d.message}`;
}

/** Reads the files' text and builds the scenario to open. */
export async function readImport(files: readonly File[]): Promise<ImportOutcome> {
  const texts = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
  const only = texts.length === 1 ? texts[0] : undefined;
  if (only !== undefined && isScenarioText(only.text)) return { ok: true, text: only.text, warnings: [] };
  const result = importFiles(texts);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.scenario === undefined)
    return {
      ok: false,
      problem: errors[0] === undefined ? 'nothing in these files could be imported' : describe(errors[0]),
    };
  return { ok: true, text: `${JSON.stringify(result.scenario, null, 2)}\n`, warnings: result.diagnostics };
}
