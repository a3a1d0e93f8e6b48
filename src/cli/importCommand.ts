/**
 * `accessgraph import <files…> -o scenario.json`: runs the importer over files the caller has read,
 * prints every diagnostic as `file:line:column: severity: $.path: message [code]` on stderr and a
 * summary on stdout. Exit 0 with the scenario text, or 2 (and no text) when a file could not be
 * imported. Warnings never change the exit code.
 */
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

const COLLECTIONS = ['accounts', 'users', 'groups', 'roles', 'policies', 'resources', 'resourceShares'] as const;

/** Imports `files` and reports on `io`. */
export function runImport(files: readonly ImportFile[], io: ImportIo): ImportOutcome {
  const { scenario, diagnostics } = importFiles(files);
  for (const d of diagnostics) io.err(formatDiagnostic(d.file, d));
  const errors = diagnostics.filter(isBlocking).length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0 || scenario === undefined || typeof scenario !== 'object' || scenario === null) {
    io.err(`accessgraph import: nothing written: ${errors === 0 ? 'no file held anything to import' : `${errors} error${errors === 1 ? '' : 's'}`}`);
    return { scenarioText: undefined, exitCode: 2 };
  }
  io.out(`imported ${summary(scenario as Record<string, unknown>)} from ${files.length} file${files.length === 1 ? '' : 's'}${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`);
  return { scenarioText: `${JSON.stringify(scenario, null, 2)}\n`, exitCode: 0 };
}

function summary(scenario: Record<string, unknown>): string {
  const parts: string[] = [];
  const organization = scenario.organization;
  if (typeof organization === 'object' && organization !== null) {
    const units = (organization as Record<string, unknown>).units;
    const policies = (organization as Record<string, unknown>).policies;
    parts.push(`1 organization (${Array.isArray(units) ? units.length : 0} OUs, ${Array.isArray(policies) ? policies.length : 0} SCPs/RCPs)`);
  }
  for (const key of COLLECTIONS) {
    const value = scenario[key];
    if (Array.isArray(value)) parts.push(`${value.length} ${key === 'resourceShares' ? 'resource shares' : key}`);
  }
  return parts.join(', ');
}
