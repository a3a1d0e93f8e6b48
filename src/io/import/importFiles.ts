/**
 * The importer: AWS CLI exports in, one `accessgraph/v1` scenario out (see README.md). Each file is
 * recognised by its content, read into a shared draft, and the draft is merged into a scenario that
 * the model accepts. Pure: no I/O, and it never throws.
 */
import { nodeValue } from '../../model/json';
import { buildScenario, type FileSummary } from './buildScenario';
import { unwrap } from './conventions';
import { createDraft, type Draft } from './draft';
import { readSourceFile } from './jsonSource';
import { createReporter, type Origin } from './origin';
import { readExport } from './readExport';
import { recognise } from './recognise';
import type { ImportDiagnostic, ImportFile, ImportResult } from './types';

/** Imports the given files. `scenario` is `undefined` when nothing could be imported. */
export function importFiles(files: readonly ImportFile[]): ImportResult {
  const report = createReporter();
  const draft = createDraft(report);
  const summaries: FileSummary[] = [];
  let fallback: Origin | undefined;
  for (const file of files) {
    const origin = readFile(file, draft, summaries);
    fallback ??= origin;
  }
  let scenario: unknown;
  try {
    scenario = buildScenario(draft, summaries, fallback);
  } catch (error) {
    // INVARIANT: the builders handle every input; reaching here is a bug, reported rather than thrown.
    report.items.push(internalError(files[0]?.name ?? '', error));
  }
  return { scenario, diagnostics: sortDiagnostics(report.items, files) };
}

function readFile(file: ImportFile, draft: Draft, summaries: FileSummary[]): Origin | undefined {
  const { report } = draft;
  try {
    const source = readSourceFile(file, report);
    if (source === undefined) return undefined;
    const origin: Origin = { file: source, path: [] };
    const { body, bodyOrigin, request } = unwrap(nodeValue(source.root), origin);
    const recognition = recognise(body);
    if (recognition.kind === undefined) {
      report.error(origin, 'unknown-export', recognition.message);
      return undefined;
    }
    readExport(recognition, body, bodyOrigin, request, draft);
    summaries.push({ name: file.name, kind: recognition.kind });
    return origin;
  } catch (error) {
    report.items.push(internalError(file.name, error));
    return undefined;
  }
}

function internalError(file: string, error: unknown): ImportDiagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return { file, code: 'bad-format', severity: 'error', message: `this file could not be imported (internal error: ${detail})`, path: [], range: undefined, excludes: undefined };
}

/** Diagnostics grouped by file (in input order), then by position. */
function sortDiagnostics(items: readonly ImportDiagnostic[], files: readonly ImportFile[]): ImportDiagnostic[] {
  const order = new Map<string, number>();
  for (const file of files) if (!order.has(file.name)) order.set(file.name, order.size);
  return [...items].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.range?.line ?? 0) - (b.range?.line ?? 0) || (a.range?.column ?? 0) - (b.range?.column ?? 0));
}
