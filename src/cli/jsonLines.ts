/**
 * `JSON.stringify(value, null, 2)` as a sequence of lines, for output too large to be one string: the
 * graph of a dense organization (the synthetic M org: 2.6 million access edges) is several gigabytes
 * of JSON, past V8's longest string, so `analyze --json` threw `RangeError: Invalid string length`.
 * Objects and arrays down to `depth` are walked here; anything deeper is stringified whole and
 * re-indented. The lines joined with `\n` are exactly `JSON.stringify(value, null, 2)`.
 */

const INDENT = '  ';

/** What `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** `prefix` + the value's lines at `pad`, + `suffix` after its last line. */
function* valueLines(
  value: unknown,
  pad: string,
  prefix: string,
  suffix: string,
  depth: number,
): Generator<string> {
  if (!isContainer(value) || depth <= 0) {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++)
      yield `${i === 0 ? prefix : pad}${lines[i] as string}${i === lines.length - 1 ? suffix : ''}`;
    return;
  }
  const inner = pad + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield `${prefix}[]${suffix}`;
      return;
    }
    yield `${prefix}[`;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      yield* valueLines(
        omitted(item) ? null : item,
        inner,
        inner,
        i === value.length - 1 ? '' : ',',
        depth - 1,
      );
    }
    yield `${pad}]${suffix}`;
    return;
  }
  const keys = Object.keys(value).filter((key) => !omitted(value[key]));
  if (keys.length === 0) {
    yield `${prefix}{}${suffix}`;
    return;
  }
  yield `${prefix}{`;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    yield* valueLines(
      value[key],
      inner,
      `${inner}${JSON.stringify(key)}: `,
      i === keys.length - 1 ? '' : ',',
      depth - 1,
    );
  }
  yield `${pad}}${suffix}`;
}

/** The lines of `JSON.stringify(value, null, 2)`, walking containers `depth` levels deep. */
export function jsonLines(value: unknown, depth = 3): Generator<string> {
  return valueLines(value, '', '', '', depth);
}

/**
 * Writes `JSON.stringify(value, null, 2)` through `out` (which ends each call with a newline), in
 * groups of lines so that no single string is large.
 */
export function writeJson(value: unknown, out: (text: string) => void, linesPerWrite = 2000): void {
  let group: string[] = [];
  for (const line of jsonLines(value)) {
    group.push(line);
    if (group.length >= linesPerWrite) {
      out(group.join('\n'));
      group = [];
    }
  }
  if (group.length > 0) out(group.join('\n'));
}
