/**
 * Cypher literals for Neo4j: strings in single quotes with every character that could end or bend the
 * literal escaped (Cypher manual "Expressions > String literals"), lists and property maps of them.
 */

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A value Neo4j can store as a property (it stores no null: absent values are left out). */
export type CypherValue = string | number | boolean | readonly string[];

/** A single-quoted string literal; other control characters and line/paragraph separators become `\uXXXX`, a lone surrogate U+FFFD. */
export function cypherString(value: string): string {
  let body = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    // A lone surrogate cannot be encoded; the replacement character stands for it.
    if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      body += '\uFFFD';
      continue;
    }
    const escaped = ESCAPES[c] ?? (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? `\\u${code.toString(16).padStart(4, '0')}` : undefined);
    body += escaped ?? c;
  }
  return `'${body}'`;
}

function literal(value: CypherValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `[${value.map(cypherString).join(', ')}]`;
}

/** A property map `{kind: 'role', flags: ['external']}`; keys are our own identifiers, values escaped. */
export function cypherMap(properties: Readonly<Record<string, CypherValue | undefined>>): string {
  const entries = Object.entries(properties).flatMap(([key, value]) => {
    // INVARIANT: property keys come from this module's callers, never from input.
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`invariant: \`${key}\` is not a plain property key`);
    return value === undefined ? [] : [`${key}: ${literal(value)}`];
  });
  return `{${entries.join(', ')}}`;
}
