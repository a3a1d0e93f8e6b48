/**
 * Strict JSON parsing that keeps positions: every value can be traced back to its line and column.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic, SourceRange } from './diagnostics';
import type { JsonPath } from './ids';

/** A parsed JSON value with its source location; `text` is shared by every node of one document. */
export type JsonNode = Node;

/** Maps offsets in one text to 1-based line and column numbers. */
export interface LineIndex {
  readonly rangeOf: (offset: number, length: number) => SourceRange;
}

/** The offset of every line's first character in `text` (the first line starts at 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A line index over the line starts of one text (`lineStartsOf`). */
export function lineIndexOf(starts: ArrayLike<number>): LineIndex {
  function position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }
  return {
    rangeOf(offset, length) {
      const start = position(offset);
      const end = position(offset + Math.max(length, 1));
      return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    },
  };
}

/** Builds a line index for `text`. */
export function createLineIndex(text: string): LineIndex {
  return lineIndexOf(lineStartsOf(text));
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected `:`',
  CommaExpected: 'expected `,`',
  CloseBraceExpected: 'expected `}`',
  CloseBracketExpected: 'expected `]`',
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** Deepest nesting accepted; the parser recurses, so hostile input must not reach it unbounded. */
export const MAX_JSON_DEPTH = 256;

/** The offset where nesting first exceeds `limit` (strings skipped), or -1. */
export function tooDeepAt(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** Parses strict JSON (no comments, no trailing commas); syntax errors become located diagnostics. */
export function parseJsonText(text: string): {
  root: JsonNode | undefined;
  diagnostics: Diagnostic[];
  lines: LineIndex;
} {
  const lines = createLineIndex(text);
  if (text.trim() === '') {
    return {
      root: undefined,
      diagnostics: [
        {
          code: 'json-syntax',
          severity: 'error',
          message: 'the document is empty',
          path: [],
          range: lines.rangeOf(0, 0),
          excludes: undefined,
        },
      ],
      lines,
    };
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    return {
      root: undefined,
      diagnostics: [
        {
          code: 'json-syntax',
          severity: 'error',
          message: `nesting deeper than ${MAX_JSON_DEPTH} levels`,
          path: [],
          range: lines.rangeOf(deep, 1),
          excludes: undefined,
        },
      ],
      lines,
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const diagnostics = errors.map((error): Diagnostic => {
    const name = printParseErrorCode(error.error);
    return {
      code: 'json-syntax',
      severity: 'error',
      message: SYNTAX_MESSAGES[name] ?? 'invalid JSON',
      path: [],
      range: lines.rangeOf(error.offset, error.length),
      excludes: undefined,
    };
  });
  return { root, diagnostics, lines };
}

/** The child node at one step of a path (object key or array index), if present. */
export function childAt(node: JsonNode, step: string | number): JsonNode | undefined {
  if (node.type === 'array' && typeof step === 'number') return node.children?.[step];
  if (node.type !== 'object') return undefined;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.value === step) return value;
  }
  return undefined;
}

/** The node a JSON path leads to, or the deepest existing ancestor when the path goes further. */
export function nodeAtPath(root: JsonNode, path: JsonPath): { node: JsonNode; exact: boolean } {
  let node = root;
  for (const step of path) {
    const next = childAt(node, step);
    if (next === undefined) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/** Converts a parsed node back to a plain value (objects get a null prototype: no pollution). */
export function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key !== undefined && value !== undefined) out[String(key.value)] = nodeValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value as unknown;
  }
}
