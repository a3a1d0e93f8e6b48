/**
 * Where imported values come from: an input file and a JSON path inside it, possibly inside a policy
 * document embedded as a JSON string. Every diagnostic is located through an `Origin`.
 */
import type { DiagnosticCode, Severity, SourceRange } from '../../model/diagnostics';
import type { JsonPath } from '../../model/ids';
import { nodeAtPath, type JsonNode, type LineIndex } from '../../model/json';
import type { ImportDiagnostic } from './types';

/** One parsed input file. */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
  readonly root: JsonNode;
  readonly lines: LineIndex;
}

/** A JSON document held in a string of a file (`"Policy": "{…}"`), parsed on its own. */
export interface Embedding {
  readonly root: JsonNode;
  /** Maps an offset in the embedded text to an offset in the file text. */
  readonly outer: (offset: number) => number;
  /** Length of `Origin.path` at the string that holds the document. */
  readonly depth: number;
}

/** A location: the path is always reported relative to the file's root. */
export interface Origin {
  readonly file: SourceFile;
  readonly path: JsonPath;
  readonly embedding?: Embedding;
}

/** The origin of a child value. */
export function child(origin: Origin, ...steps: readonly (string | number)[]): Origin {
  return { ...origin, path: [...origin.path, ...steps] };
}

/** The 1-based source range of an origin (the deepest node that exists along its path). */
export function rangeOf(origin: Origin): SourceRange {
  const { file, embedding } = origin;
  if (embedding !== undefined) {
    const { node } = nodeAtPath(embedding.root, origin.path.slice(embedding.depth));
    const start = embedding.outer(node.offset);
    const end = embedding.outer(node.offset + node.length);
    return file.lines.rangeOf(start, Math.max(end - start, 1));
  }
  const { node } = nodeAtPath(file.root, origin.path);
  return file.lines.rangeOf(node.offset, node.length);
}

/** Receives located diagnostics while files are read and merged. */
export interface Reporter {
  readonly items: ImportDiagnostic[];
  error(origin: Origin, code: DiagnosticCode, message: string): void;
  warn(origin: Origin, code: DiagnosticCode, message: string): void;
  info(origin: Origin, code: DiagnosticCode, message: string): void;
}

/** A fresh reporter. */
export function createReporter(): Reporter {
  const items: ImportDiagnostic[] = [];
  function push(severity: Severity, origin: Origin, code: DiagnosticCode, message: string): void {
    items.push({ file: origin.file.name, code, severity, message, path: origin.path, range: rangeOf(origin), excludes: undefined });
  }
  return {
    items,
    error: (origin, code, message) => push('error', origin, code, message),
    warn: (origin, code, message) => push('warning', origin, code, message),
    info: (origin, code, message) => push('info', origin, code, message),
  };
}
