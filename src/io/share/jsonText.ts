/**
 * Whitespace-only rewriting of JSON text: minified for links, indented for the editor. Both keep every
 * key in its order (duplicates included) and every scalar exactly as written (escapes, number spelling),
 * so the rewritten text means exactly what the original meant.
 */
import { parseJsonText, type JsonNode } from '../../model/json';

/** The text without insignificant whitespace; `undefined` when it is not strict JSON. */
export function minifyJson(text: string): string | undefined {
  const root = strictRoot(text);
  return root === undefined ? undefined : write(root, text, undefined, '');
}

/** The text indented by two spaces, one member per line; `undefined` when it is not strict JSON. */
export function formatJson(text: string): string | undefined {
  const root = strictRoot(text);
  return root === undefined ? undefined : write(root, text, '  ', '');
}

function strictRoot(text: string): JsonNode | undefined {
  const { root, diagnostics } = parseJsonText(text);
  return diagnostics.length === 0 ? root : undefined;
}

function raw(node: JsonNode, text: string): string {
  return text.slice(node.offset, node.offset + node.length);
}

function write(node: JsonNode, text: string, indent: string | undefined, at: string): string {
  const children = node.children ?? [];
  if (node.type !== 'object' && node.type !== 'array') return raw(node, text);
  const [open, close] = node.type === 'object' ? ['{', '}'] : ['[', ']'];
  if (children.length === 0) return open + close;
  const inner = indent === undefined ? '' : at + indent;
  const items = children.map((child) => {
    if (node.type === 'array') return write(child, text, indent, inner);
    const [key, value] = child.children ?? [];
    // INVARIANT: jsonc-parser gives every property node a key and, without syntax errors, a value.
    if (key === undefined || value === undefined) throw new Error('invariant: property without key or value');
    return `${raw(key, text)}:${indent === undefined ? '' : ' '}${write(value, text, indent, inner)}`;
  });
  if (indent === undefined) return open + items.join(',') + close;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${at}${close}`;
}
