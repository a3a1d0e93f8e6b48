/**
 * Editor markers: the model's diagnostics at their exact line and column (errors red, lint warnings
 * amber), findings that carry a statement, and the same for a focused tab (paths relative to its
 * document, plus the tab's own syntax errors).
 */
import type { Finding } from '../../analysis/types';
import type { Diagnostic, Severity } from '../../model/diagnostics';
import type { JsonPath } from '../../model/ids';
import { parseJsonText } from '../../model/json';
import { indexText, startsWith, type Located } from './locate';
import { MarkerSeverity, type editor } from './monaco.slim';

/** The owner name of AccessGraph's markers. */
export const MARKER_OWNER = 'accessgraph';

const SEVERITY: Readonly<Record<Severity, MarkerSeverity>> = {
  error: MarkerSeverity.Error,
  warning: MarkerSeverity.Warning,
  info: MarkerSeverity.Info,
};

function fromRange(d: Diagnostic, message: string): editor.IMarkerData | undefined {
  if (d.range === undefined) return undefined;
  return {
    severity: d.excludes !== undefined ? MarkerSeverity.Error : SEVERITY[d.severity],
    message,
    code: d.code,
    source: 'AccessGraph',
    startLineNumber: d.range.line,
    startColumn: d.range.column,
    endLineNumber: d.range.endLine,
    endColumn: d.range.endColumn,
  };
}

function fromOffsets(
  model: editor.ITextModel,
  at: Located,
  severity: MarkerSeverity,
  message: string,
  code: string,
): editor.IMarkerData {
  const start = model.getPositionAt(at.offset);
  const end = model.getPositionAt(at.offset + Math.max(at.length, 1));
  return {
    severity,
    message,
    code,
    source: 'AccessGraph',
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

/** How a finding's severity shows in the editor. */
function findingSeverity(finding: Finding): MarkerSeverity {
  return finding.severity === 'high' || finding.severity === 'medium'
    ? MarkerSeverity.Warning
    : MarkerSeverity.Info;
}

/** Markers for the scenario tab. `findingTitle` turns a finding into its heading in the UI's language. */
export function scenarioMarkers(
  model: editor.ITextModel,
  diagnostics: readonly Diagnostic[],
  findings: readonly Finding[],
  findingTitle: (f: Finding) => string,
): editor.IMarkerData[] {
  const markers = diagnostics.flatMap((d) => fromRange(d, d.message) ?? []);
  const located = findings.filter((f) => f.statement !== undefined && f.code !== 'invalid-policy');
  if (located.length > 0) {
    const index = indexText(model.getValue());
    for (const finding of located) {
      const at = index.locate(finding.statement?.path ?? finding.path);
      if (at !== undefined)
        markers.push(
          fromOffsets(
            model,
            at,
            findingSeverity(finding),
            `${findingTitle(finding)}: ${finding.message}`,
            finding.code,
          ),
        );
    }
  }
  return markers;
}

/** Markers for a focused tab holding the document at `path`. */
export function tabMarkers(
  model: editor.ITextModel,
  path: JsonPath,
  diagnostics: readonly Diagnostic[],
): editor.IMarkerData[] {
  const text = model.getValue();
  const syntax = parseJsonText(text).diagnostics;
  if (syntax.length > 0) return syntax.flatMap((d) => fromRange(d, d.message) ?? []);
  const index = indexText(text);
  return diagnostics
    .filter((d) => startsWith(d.path, path))
    .flatMap((d) => {
      const at = index.locate(d.path.slice(path.length));
      return at === undefined
        ? []
        : [
            fromOffsets(
              model,
              at,
              d.excludes !== undefined ? MarkerSeverity.Error : SEVERITY[d.severity],
              d.message,
              d.code,
            ),
          ];
    });
}
