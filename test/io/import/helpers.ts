/**
 * Shared test helpers: the real public data in ../shared/data (read at test time, never copied) and
 * the hand-written fixtures in test/fixtures/import.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect } from 'vitest';
import { importFiles } from '../../../src/io/import/importFiles';
import type { ImportDiagnostic, ImportFile, ImportResult } from '../../../src/io/import/types';

/** `/work/main/../shared/data`, when present. */
export const DATA = join(import.meta.dirname, '../../../../shared/data');
export const HAS_DATA = existsSync(DATA);
export const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

/** Reads files (paths relative to `root`) as importer input named by their relative path. */
export function load(root: string, ...paths: string[]): ImportFile[] {
  return paths.map((path) => ({ name: path, text: readFileSync(join(root, path), 'utf8') }));
}

/** Every file under `dir` (recursively) whose name passes `keep`, as paths relative to `root`. */
export function walk(root: string, dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (keep(entry.name)) out.push(relative(root, full));
    }
  };
  visit(join(root, dir));
  return out.sort();
}

/** One line per diagnostic: `file:line:column severity code message`. */
export function brief(diagnostics: readonly ImportDiagnostic[]): string[] {
  return diagnostics.map((d) => `${basename(d.file)}:${d.range ? `${d.range.line}:${d.range.column}` : '-'} ${d.severity} ${d.code} ${d.message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The scenario of an import, as plain JSON (what the CLI writes), failing the test when there is none. */
export function scenarioOf(result: ImportResult): Record<string, unknown> {
  expect(result.scenario, brief(result.diagnostics).join('\n')).toBeDefined();
  const plain: unknown = JSON.parse(JSON.stringify(result.scenario));
  if (!isRecord(plain)) throw new Error('the scenario is not an object');
  return plain;
}

/** The value at a path of keys and indices, or `undefined`. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let node = value;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isRecord(node) && typeof step === 'string') node = node[step];
    else return undefined;
  }
  return node;
}

/** The `arn` (or `id`, `name`) of each item of a scenario collection. */
export function keys(value: unknown, ...path: (string | number)[]): unknown[] {
  const list = at(value, ...path);
  return Array.isArray(list) ? list.map((item) => at(item, 'arn') ?? at(item, 'id') ?? at(item, 'name')) : [];
}

/** Imports files given as `[name, value]` pairs (values are written as JSON). */
export function importValues(...files: [string, unknown][]): ImportResult {
  return importFiles(files.map(([name, value]) => ({ name, text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) })));
}

/** Counts of the scenario's collections. */
export function counts(scenario: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ['accounts', 'users', 'groups', 'roles', 'policies', 'resources', 'resourceShares']) {
    const list = scenario[key];
    out[key] = Array.isArray(list) ? list.length : -1;
  }
  return out;
}

/** The item of a scenario collection with the given `arn`. */
export function byArn(value: unknown, collection: string, arn: string): unknown {
  const list = at(value, collection);
  return Array.isArray(list) ? (list as unknown[]).find((item) => at(item, 'arn') === arn) : undefined;
}
