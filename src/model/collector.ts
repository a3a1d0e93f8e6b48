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
      items.push(
        atKey
          ? { code, severity: 'error', message, path, atKey }
          : { code, severity: 'error', message, path },
      );
    },
    warn(code, path, message) {
      items.push({ code, severity: 'warning', message, path });
    },
    info(code, path, message) {
      items.push({ code, severity: 'info', message, path });
    },
  };
}

/** Where a diagnostic sits in its text: the node its path leads to (the property name for `atKey`). */
export interface TextSpot {
  readonly offset: number;
  readonly length: number;
}

/** The spot of a diagnostic in the tree `root`: its path's node, or the deepest existing ancestor. */
export function spotOf(d: PendingDiagnostic, root: JsonNode): TextSpot {
  const { node } = nodeAtPath(root, d.path);
  const target = d.atKey && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
  return { offset: target.offset, length: target.length };
}

/** A final diagnostic with its spot (`undefined` without text). */
export interface SpottedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly spot: TextSpot | undefined;
}

/** The final diagnostic of a pending one at `spot`. */
export function diagnosticAt(
  d: PendingDiagnostic,
  spot: TextSpot | undefined,
  lines: LineIndex | undefined,
): Diagnostic {
  const range =
    spot !== undefined && lines !== undefined ? lines.rangeOf(spot.offset, spot.length) : undefined;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    path: d.path,
    range,
    excludes: d.excludes,
  };
}

/** Diagnostics in source order (by start line, then column; stable). */
export function inSourceOrder<T extends { readonly diagnostic: Diagnostic }>(list: T[]): T[] {
  return list.sort(
    (a, b) =>
      (a.diagnostic.range?.line ?? 0) - (b.diagnostic.range?.line ?? 0) ||
      (a.diagnostic.range?.column ?? 0) - (b.diagnostic.range?.column ?? 0),
  );
}

/** Attaches spots and ranges (when the text is known), in source order. */
export function spotDiagnostics(
  pending: readonly PendingDiagnostic[],
  root: JsonNode | undefined,
  lines: LineIndex | undefined,
): SpottedDiagnostic[] {
  return inSourceOrder(
    pending.map((d) => {
      const spot = root !== undefined && lines !== undefined ? spotOf(d, root) : undefined;
      return { diagnostic: diagnosticAt(d, spot, lines), spot };
    }),
  );
}

/** Attaches source ranges (when the text is known) and returns final diagnostics in source order. */
export function resolveDiagnostics(
  pending: readonly PendingDiagnostic[],
  root: JsonNode | undefined,
  lines: LineIndex | undefined,
): Diagnostic[] {
  return spotDiagnostics(pending, root, lines).map((s) => s.diagnostic);
}
