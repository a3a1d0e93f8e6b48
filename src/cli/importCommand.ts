/**
 * `accessgraph import <files…> -o scenario.json`: runs the importer over files the caller has read,
 * prints every diagnostic as `file:line:column: severity: $.path: message [code]` on stderr and a
 * summary on stdout. Exit 0 with the scenario text, or 2 (and no text) when a file could not be
 * imported. Warnings never change the exit code.
 */
import { isObject } from '../model/checkShape';
import { isBlocking } from '../model/diagnostics';
import { importFiles } from '../io/import/importFiles';
import type { ImportFile } from '../io/import/types';
import { formatDiagnostic } from './readScenario';

/** Where the command writes. */
export interface ImportIo {
  out(line: string): void;
  err(line: string): void;
}

/** The outcome: the scenario JSON to write (when the import succeeded) and the exit code. */
export interface ImportOutcome {
  readonly scenarioText: string | undefined;
  readonly exitCode: number;
}

const COLLECTIONS = [
  ['accounts', 'account', 'accounts'],
  ['users', 'user', 'users'],
  ['groups', 'group', 'groups'],
  ['roles', 'role', 'roles'],
  ['policies', 'customer managed policy', 'customer managed policies'],
  ['resources', 'resource', 'resources'],
  ['resourceShares', 'resource share', 'resource shares'],
] as const;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Imports `files` and reports on `io`. */
export function runImport(files: readonly ImportFile[], io: ImportIo): ImportOutcome {
  const { scenario, diagnostics } = importFiles(files);
  for (const d of diagnostics) io.err(formatDiagnostic(d.file, d));
  const errors = diagnostics.filter(isBlocking).length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0 || !isObject(scenario)) {
    io.err(`accessgraph import: nothing written: ${errors === 0 ? 'no file held anything to import' : plural(errors, 'error', 'errors')}`);
    return { scenarioText: undefined, exitCode: 2 };
  }
  io.out(`imported ${summary(scenario)} from ${plural(files.length, 'file', 'files')}${warnings > 0 ? ` (${plural(warnings, 'warning', 'warnings')})` : ''}`);
  return { scenarioText: `${JSON.stringify(scenario, null, 2)}\n`, exitCode: 0 };
}

function summary(scenario: Record<string, unknown>): string {
  const parts: string[] = [];
  const organization = scenario.organization;
  if (isObject(organization)) {
    const { units, policies } = organization;
    parts.push(`1 organization (${plural(Array.isArray(units) ? units.length : 0, 'OU', 'OUs')}, ${plural(Array.isArray(policies) ? policies.length : 0, 'SCP or RCP', 'SCPs and RCPs')})`);
  }
  for (const [key, one, many] of COLLECTIONS) {
    const value = scenario[key];
    if (Array.isArray(value)) parts.push(plural(value.length, one, many));
  }
  return parts.join(', ');
}
