/**
 * Exporters of the access graph (README.md documents each format): a JSON report, CSV tables, GraphML and
 * Cypher. Pure: each returns a string; saving it (a download, a file) is the caller's business.
 */
import type { AccessGraph, Finding } from '../../analysis/types';
import { exportCsv } from './exportCsv';
import { exportCypher } from './exportCypher';
import { exportGraphml } from './exportGraphml';
import { exportJson } from './exportJson';

export { ACCESS_COLUMNS, CSV_TABLES, exportCsv, FINDING_COLUMNS, type CsvTable } from './exportCsv';
export { exportCypher, KIND_LABELS, RELATIONSHIP_TYPES } from './exportCypher';
export { exportGraphml } from './exportGraphml';
export { buildReport, exportJson, REPORT_FORMAT, type ReportOptions, type ReportSummary, type ReportV1 } from './exportJson';

/** The export formats (the CLI's `analyze --format` and the UI's download menu). */
export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'cypher'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and media type of each format, for downloads. */
export const EXPORT_MEDIA: Readonly<Record<ExportFormat, { readonly extension: string; readonly mediaType: string }>> = {
  json: { extension: 'json', mediaType: 'application/json' },
  csv: { extension: 'csv', mediaType: 'text/csv' },
  graphml: { extension: 'graphml', mediaType: 'application/graphml+xml' },
  cypher: { extension: 'cypher', mediaType: 'text/plain' },
};

/** True when the value names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The graph in one format (`csv` is the effective-access table; `exportCsv` also writes the findings table). */
export function exportGraph(format: ExportFormat, graph: AccessGraph, findings: readonly Finding[] = graph.findings): string {
  switch (format) {
    case 'json':
      return exportJson(graph, findings);
    case 'csv':
      return exportCsv(graph, findings, 'access');
    case 'graphml':
      return exportGraphml(graph, findings);
    case 'cypher':
      return exportCypher(graph, findings);
  }
}
