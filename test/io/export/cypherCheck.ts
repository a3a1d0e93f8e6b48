/**
 * A Cypher reader for the export tests: splits the output into statements (one per line, each ending
 * with `;`), reads every single-quoted string literal with its escapes, and returns each statement's
 * skeleton with literals replaced by `$`. It throws on an unterminated literal, an unknown escape, a
 * double-quoted or back-quoted token, or a `;` or comment outside a literal: the ways an injection shows.
 */

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** One statement: its skeleton and its string literals, decoded. */
export interface CypherStatement {
  readonly skeleton: string;
  readonly strings: readonly string[];
}

function statement(line: string, at: number): CypherStatement {
  let skeleton = '';
  const strings: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === '"' || c === '`') throw new Error(`line ${at}: unexpected ${c} outside a literal`);
    if (c === '/' && (line[i + 1] === '/' || line[i + 1] === '*')) throw new Error(`line ${at}: comment outside a literal`);
    if (c !== "'") {
      skeleton += c;
      i++;
      continue;
    }
    let value = '';
    i++;
    for (;;) {
      if (i >= line.length) throw new Error(`line ${at}: unterminated literal`);
      const d = line.charAt(i);
      if (d === "'") break;
      if (d !== '\\') {
        value += d;
        i++;
        continue;
      }
      const e = line.charAt(i + 1);
      if (e === 'u') {
        const hex = line.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`line ${at}: bad \\u escape`);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e in ESCAPES) {
        value += ESCAPES[e] ?? '';
        i += 2;
      } else throw new Error(`line ${at}: unknown escape \\${e}`);
    }
    i++;
    strings.push(value);
    skeleton += '$';
  }
  if (!skeleton.endsWith(';') || skeleton.slice(0, -1).includes(';')) throw new Error(`line ${at}: a statement must end with its only ;`);
  return { skeleton, strings };
}

/** Reads the whole export. */
export function readCypher(text: string): CypherStatement[] {
  if (!text.endsWith('\n')) throw new Error('the export must end with a newline');
  return text.slice(0, -1).split('\n').map((line, i) => statement(line, i + 1));
}
