/**
 * Writes into the scenario text without reformatting the rest of it (jsonc-parser `modify`): the text
 * stays the single source of truth, and every write is one edit the history can undo.
 */
import {
  applyEdits,
  findNodeAtLocation,
  format,
  modify,
  parseTree,
  type FormattingOptions,
  type ParseError,
} from 'jsonc-parser';
import type { JsonPath } from '../model/ids';
import { nodeValue } from '../model/json';

const FORMATTING: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The text with `value` written at `path`; `undefined` when the path cannot be written (a parent is missing). */
export function writeAtPath(text: string, path: JsonPath, value: unknown): string | undefined {
  const parent = path.length <= 1 ? tolerantValue(text) : valueAtPath(text, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return undefined;
  try {
    const edits = modify(text, [...path], value, { formattingOptions: FORMATTING });
    return applyEdits(text, edits);
  } catch {
    // `modify` throws when a parent on the path is missing or of the wrong type.
    return undefined;
  }
}

/** The whole document formatted with two-space indents. */
export function formatScenarioText(text: string): string {
  return applyEdits(text, format(text, undefined, FORMATTING));
}

/** Parses strict JSON text; `undefined` when it has any syntax error. */
export function parseStrictJson(text: string): { readonly value: unknown } | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || root === undefined) return undefined;
  return { value: nodeValue(root) };
}

/** The value at `path` of (possibly broken) JSON text, read tolerantly; `undefined` when absent. */
export function valueAtPath(text: string, path: JsonPath): unknown {
  const root = parseTree(text);
  if (root === undefined) return undefined;
  const node = findNodeAtLocation(root, [...path]);
  return node === undefined ? undefined : nodeValue(node);
}

/** The whole document read tolerantly (what the editor holds even when it has a syntax error). */
export function tolerantValue(text: string): unknown {
  const root = parseTree(text);
  return root === undefined ? undefined : nodeValue(root);
}

/** The document at `path` pretty-printed for a focused editor tab; `undefined` when absent. */
export function documentText(text: string, path: JsonPath): string | undefined {
  const value = valueAtPath(text, path);
  return value === undefined ? undefined : `${JSON.stringify(value, null, 2)}\n`;
}
