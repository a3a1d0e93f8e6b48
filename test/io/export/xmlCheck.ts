/**
 * A small XML 1.0 well-formedness checker for the GraphML tests, written from the spec's productions:
 * one XML declaration, one root element, properly nested tags with quoted attributes (no `<` in values,
 * no duplicates), only the five predefined entities and character references, and only characters XML
 * allows. It returns the element tree with entities decoded, so tests can compare values exactly.
 */

/** One element: name, attributes and children (text children as strings). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (match: string, body: string | undefined) => {
    if (body === undefined) throw new Error(`bare & at ${where}`);
    if (body in ENTITIES) return ENTITIES[body] ?? '';
    const code = /^#x[0-9A-Fa-f]+$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]+$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
    if (Number.isNaN(code)) throw new Error(`unknown entity ${match} at ${where}`);
    const char = String.fromCodePoint(code);
    if (BAD_CHAR.test(char)) throw new Error(`reference to a character XML forbids at ${where}`);
    return char;
  });
}

/** Parses `text`; throws with a position on the first well-formedness error. */
export function parseXml(text: string): XmlElement {
  const bad = BAD_CHAR.exec(text);
  if (bad !== null) throw new Error(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} is not allowed at ${bad.index}`);
  let i = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(text);
  if (declaration === null) throw new Error('missing XML declaration');
  i = declaration[0].length;
  const stack: { name: string; attributes: Record<string, string>; children: (XmlElement | string)[] }[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    if (text[i] !== '<') {
      const end = text.indexOf('<', i);
      const raw = text.slice(i, end < 0 ? text.length : end);
      if (raw.includes('>') && raw.includes(']]>')) throw new Error(`]]> in text at ${i}`);
      const top = stack.at(-1);
      if (top === undefined) {
        if (raw.trim() !== '') throw new Error(`text outside the root element at ${i}`);
      } else top.children.push(decode(raw.replace(/\r\n?/g, '\n'), i)); // XML 1.0 §2.11 end-of-line handling
      i += raw.length;
      continue;
    }
    if (text.startsWith('</', i)) {
      const name = NAME.exec(text.slice(i + 2))?.[0];
      const top = stack.pop();
      if (name === undefined || top === undefined || top.name !== name || text[i + 2 + name.length] !== '>') throw new Error(`mismatched end tag at ${i}`);
      i += name.length + 3;
      const element: XmlElement = top;
      if (stack.length === 0) root = element;
      else stack.at(-1)?.children.push(element);
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (name === undefined) throw new Error(`bad tag at ${i}`);
    if (root !== undefined) throw new Error(`second root element at ${i}`);
    i += 1 + name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /^\s*/.exec(text.slice(i))?.[0] ?? '';
      i += space.length;
      if (text.startsWith('/>', i) || text[i] === '>') break;
      if (space === '') throw new Error(`expected whitespace before an attribute at ${i}`);
      const attribute = /^([A-Za-z_:][A-Za-z0-9_.:-]*)="([^"<]*)"/.exec(text.slice(i));
      if (attribute === null) throw new Error(`bad attribute at ${i}`);
      const [whole, key = '', value = ''] = attribute;
      if (key in attributes) throw new Error(`duplicate attribute ${key} at ${i}`);
      attributes[key] = decode(value.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '), i); // §2.11 and §3.3.3 normalization
      i += whole.length;
    }
    const element = { name, attributes, children: [] as (XmlElement | string)[] };
    if (text.startsWith('/>', i)) {
      i += 2;
      if (stack.length === 0) root = element;
      else stack.at(-1)?.children.push(element);
    } else {
      i += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0 || root === undefined) throw new Error('unclosed elements at the end');
  return root;
}

/** The child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The text of an element (its string children joined). */
export function textOf(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}
