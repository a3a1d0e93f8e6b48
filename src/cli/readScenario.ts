/**
 * Reads a scenario file for a command and formats its diagnostics the way every command prints
 * them: `file:line:column: $.json.path: message`.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostics';
import { formatJsonPath } from '../model/ids';
import { parseScenarioText } from '../model/parseScenario';
import type { Scenario } from '../model/types';

/** One located diagnostic line. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.range === undefined ? file : `${file}:${d.range.line}:${d.range.column}`;
  const path = d.path.length === 0 ? '' : ` ${formatJsonPath(d.path)}:`;
  return `${where}: ${d.severity}:${path} ${d.message} [${d.code}]`;
}

/** The outcome of reading a scenario file. */
export type ReadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly lines: readonly string[] };

/** Reads and parses `file`; on failure, returns the lines to print (the command then exits with 2). */
export function readScenarioFile(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, lines: [`${file}: error: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`] };
  }
  return parseScenarioSource(file, text);
}

/** Parses scenario text that came from `file`. */
export function parseScenarioSource(file: string, text: string): ReadResult {
  const { scenario, diagnostics } = parseScenarioText(text);
  if (scenario === undefined) {
    return { ok: false, lines: diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(file, d)) };
  }
  return { ok: true, scenario, text, diagnostics };
}
