/**
 * Reading JSON text defensively: strict JSON with positions (model/json), a nesting limit checked before
 * parsing (the parser recurses), and policy documents embedded in strings, plain or URL-encoded, whose
 * positions map back to the file.
 */
import { nodeAtPath, nodeValue, parseJsonText, type JsonNode } from '../../model/json';
import { isObject, typeName } from '../../model/checkShape';
import type { Embedding, Origin, Reporter, SourceFile } from './origin';
import type { ImportFile } from './types';

/** Deeper nesting than any AWS export uses; beyond it the text is refused before parsing. */
export const MAX_DEPTH = 128;

/** The offset at which `text` nests deeper than `MAX_DEPTH`, if it does. */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** Parses one input file; on failure reports located `json-syntax` errors and returns `undefined`. */
export function readSourceFile(file: ImportFile, report: Reporter): SourceFile | undefined {
  const deep = tooDeepAt(file.text);
  if (deep !== undefined) {
    const range = lineRange(file.text, deep);
    report.items.push({ file: file.name, code: 'json-syntax', severity: 'error', message: `the document nests more than ${MAX_DEPTH} levels deep`, path: [], range, excludes: undefined });
    return undefined;
  }
  const { root, diagnostics, lines } = parseJsonText(file.text);
  for (const d of diagnostics) report.items.push({ ...d, file: file.name });
  if (diagnostics.length > 0 || root === undefined) return undefined;
  return { name: file.name, text: file.text, root, lines };
}

function lineRange(text: string, offset: number): { line: number; column: number; endLine: number; endColumn: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1, endLine: line, endColumn: offset - start + 2 };
}

/** A policy document as imported: a plain JSON object and where it came from. */
export interface ImportedDocument {
  readonly value: Record<string, unknown>;
  readonly origin: Origin;
}

/**
 * Reads a policy document that AWS returns as an object, as JSON text (`"Policy": "{…}"`), or as
 * URL-encoded JSON text (the raw IAM API, RFC 3986). Problems are reported at their position.
 */
export function readDocument(value: unknown, origin: Origin, report: Reporter): ImportedDocument | undefined {
  if (isObject(value)) return { value, origin };
  if (typeof value !== 'string') {
    report.error(origin, 'wrong-type', `expected a policy document (an object or JSON text), found ${typeName(value)}`);
    return undefined;
  }
  const trimmed = value.trimStart();
  let text = value;
  let urlEncoded = false;
  if (trimmed.startsWith('%')) {
    urlEncoded = true;
    try {
      text = decodeURIComponent(value);
    } catch {
      report.error(origin, 'bad-format', 'the URL-encoded policy document has a broken `%` escape');
      return undefined;
    }
  } else if (!trimmed.startsWith('{')) {
    report.error(origin, 'wrong-type', 'expected a policy document: this text is neither JSON nor URL-encoded JSON');
    return undefined;
  }
  const outer = urlEncoded ? atStringStart(origin) : stringOffsets(origin);
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    report.error(origin, 'json-syntax', `the embedded policy document nests more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  const parsed = parseJsonText(text);
  if (parsed.root === undefined || parsed.diagnostics.length > 0) {
    const first = parsed.diagnostics[0];
    const where = first?.range === undefined ? '' : ` (line ${first.range.line}, column ${first.range.column} of the embedded text)`;
    const at = offsetOf(text, first?.range?.line ?? 1, first?.range?.column ?? 1);
    const embedding: Embedding = { root: { type: 'null', offset: at, length: 1, value: null }, outer, depth: origin.path.length };
    report.error({ ...origin, embedding }, 'json-syntax', `the embedded policy document is not valid JSON: ${first?.message ?? 'invalid JSON'}${where}`);
    return undefined;
  }
  if (parsed.root.type !== 'object') {
    report.error(origin, 'wrong-type', `the embedded policy document must be an object, found ${typeName(nodeValue(parsed.root))}`);
    return undefined;
  }
  const embedding: Embedding = { root: parsed.root, outer, depth: origin.path.length };
  return { value: nodeValue(parsed.root) as Record<string, unknown>, origin: { ...origin, embedding } };
}

/** The offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return 0;
    at = next + 1;
  }
  return at + column - 1;
}

function stringNode(origin: Origin): JsonNode | undefined {
  if (origin.embedding !== undefined) return undefined;
  const { node, exact } = nodeAtPath(origin.file.root, origin.path);
  return exact && node.type === 'string' ? node : undefined;
}

function atStringStart(origin: Origin): (offset: number) => number {
  const start = stringNode(origin)?.offset ?? 0;
  return () => start;
}

/** Maps offsets in a string's decoded value to offsets of its JSON literal in the file. */
function stringOffsets(origin: Origin): (offset: number) => number {
  const node = stringNode(origin);
  if (node === undefined) return () => 0;
  const raw = origin.file.text.slice(node.offset, node.offset + node.length);
  const positions: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    positions.push(i);
    if (raw.charCodeAt(i) === 92) i += raw[i + 1] === 'u' ? 5 : 1;
  }
  positions.push(raw.length - 1);
  return (offset) => node.offset + (positions[Math.min(Math.max(offset, 0), positions.length - 1)] ?? 0);
}
