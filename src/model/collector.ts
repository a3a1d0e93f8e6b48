/**
 * Collects diagnostics while a document is validated; positions are attached at the end, from the
 * source text when there is one.
 */
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';
import type { JsonPath } from './ids';
import { nodeAtPath, type JsonNode, type LineIndex } from './json';

/** A diagnostic before its source range is known. */
export interface PendingDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly path: JsonPath;
  /** Point at the property name rather than its value (unknown keys). */
  readonly atKey?: boolean;
  readonly excludes?: JsonPath;
}

/** Receives diagnostics from the validators. */
export interface Collector {
  readonly items: PendingDiagnostic[];
  error(code: DiagnosticCode, path: JsonPath, message: string, atKey?: boolean): void;
  warn(code: DiagnosticCode, path: JsonPath, message: string): void;
  info(code: DiagnosticCode, path: JsonPath, message: string): void;
}

/** A fresh, empty collector. */
export function createCollector(): Collector {
  const items: PendingDiagnostic[] = [];
  return {
    items,
    error(code, path, message, atKey = false) {
      items.push(atKey ? { code, severity: 'error', message, path, atKey } : { code, severity: 'error', message, path });
    },
    warn(code, path, message) {
      items.push({ code, severity: 'warning', message, path });
    },
    info(code, path, message) {
      items.push({ code, severity: 'info', message, path });
    },
  };
}

/** Attaches source ranges (when the text is known) and returns final diagnostics in source order. */
export function resolveDiagnostics(pending: readonly PendingDiagnostic[], root: JsonNode | undefined, lines: LineIndex | undefined): Diagnostic[] {
  const out = pending.map((d): Diagnostic => {
    let range: Diagnostic['range'];
    if (root !== undefined && lines !== undefined) {
      const { node } = nodeAtPath(root, d.path);
      const target = d.atKey && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
      range = lines.rangeOf(target.offset, target.length);
    }
    return { code: d.code, severity: d.severity, message: d.message, path: d.path, range, excludes: d.excludes };
  });
  return out.sort((a, b) => (a.range?.line ?? 0) - (b.range?.line ?? 0) || (a.range?.column ?? 0) - (b.range?.column ?? 0));
}
