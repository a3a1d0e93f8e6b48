/**
 * Reasoning about IAM wildcards without enumerating strings: whether one action pattern covers another,
 * and whether a `Resource` pattern can name any ARN of a documented ARN format.
 *
 * Both questions reduce to small automata over a token list (a character class, once or repeated), so
 * `arn:aws:s3:::b/*` is compared with `arn:${Partition}:s3:::${BucketName}` exactly, not by sampling.
 */

/** A set of characters: any, one literal, or anything except a few characters. */
type CharClass = { readonly kind: 'any' } | { readonly kind: 'char'; readonly char: string } | { readonly kind: 'not'; readonly chars: string };

/** One token: a character class matched once, or zero or more times. */
interface Token {
  readonly set: CharClass;
  readonly repeat: boolean;
}

const ANY: CharClass = { kind: 'any' };

function overlaps(a: CharClass, b: CharClass): boolean {
  if (a.kind === 'any' || b.kind === 'any') return true;
  if (a.kind === 'char' && b.kind === 'char') return a.char === b.char;
  if (a.kind === 'char' && b.kind === 'not') return !b.chars.includes(a.char);
  if (a.kind === 'not' && b.kind === 'char') return !a.chars.includes(b.char);
  // Two co-finite sets always share a character.
  return true;
}

/** True when some string is matched by both token lists (reachability in the product automaton). */
function intersects(a: readonly Token[], b: readonly Token[]): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  function visit(i: number, j: number): void {
    const id = i * width + j;
    if (seen[id] === 0) {
      seen[id] = 1;
      stack.push(id);
    }
  }
  seen[0] = 1;
  while (stack.length > 0) {
    const id = stack.pop() ?? 0;
    const i = Math.floor(id / width);
    const j = id % width;
    if (i === a.length && j === b.length) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta?.repeat === true) visit(i + 1, j);
    if (tb?.repeat === true) visit(i, j + 1);
    if (ta !== undefined && tb !== undefined && overlaps(ta.set, tb.set)) visit(ta.repeat ? i : i + 1, tb.repeat ? j : j + 1);
  }
  return false;
}

const VARIABLE = /^\$\{([^}]*)\}/;

/**
 * Tokens of a `Resource` pattern (IAM-RESOURCE): `*` any run, `?` one character, anything else literal.
 * In the first five fields a wildcard stays inside its field, except a trailing `*`, which "can expand to
 * match beyond the colon boundaries" (IAM-RESOURCE; SEMANTICS §3). A policy variable (`${aws:username}`)
 * may become any text, so it counts as `*`; the escapes `${*}`, `${?}` and `${$}` are literal characters
 * (IAM-VARS "Special characters").
 */
export function resourcePatternTokens(pattern: string): readonly Token[] {
  const tokens: Token[] = [];
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    const field: CharClass = colons >= 5 || i === pattern.length - 1 ? ANY : { kind: 'not', chars: ':' };
    const variable = char === '$' ? VARIABLE.exec(pattern.slice(i)) : null;
    if (variable !== null) {
      const inner = variable[1] ?? '';
      tokens.push(['*', '?', '$'].includes(inner) ? { set: { kind: 'char', char: inner }, repeat: false } : { set: field, repeat: true });
      i += variable[0].length - 1;
    } else if (char === '*') tokens.push({ set: field, repeat: true });
    else if (char === '?') tokens.push({ set: colons >= 5 ? ANY : { kind: 'not', chars: ':' }, repeat: false });
    else {
      if (char === ':') colons++;
      tokens.push({ set: { kind: 'char', char }, repeat: false });
    }
  }
  return tokens;
}

/** True when the pattern names exactly one ARN (no wildcard, no policy variable). */
export function isConcretePattern(pattern: string): boolean {
  return !/[*?]|\$\{/.test(pattern);
}

/**
 * A documented ARN format compiled two ways. Unlike the catalog's reading of one ARN (`arnFormat.ts`), a
 * pattern's strict reading lets a resource-part placeholder hold `:` (never `/`): CloudWatch Logs and Lambda
 * authorize `log-group:NAME:*` and `function:NAME:*` as the log group and the function, while a `/` is
 * what tells an S3 object (`b/*`) from its bucket.
 */
export interface FormatTokens {
  /** Resource-part placeholders hold no `/`. */
  readonly strict: readonly Token[];
  /** Resource-part placeholders may span `/` (`${ObjectName}`, `${RoleNameWithPath}`); region and account may be empty. */
  readonly lenient: readonly Token[];
}

function formatTokens(format: string, lenient: boolean): Token[] {
  const tokens: Token[] = [];
  let colons = 0;
  for (let i = 0; i < format.length; i++) {
    const char = format.charAt(i);
    const inResource = colons >= 5;
    const placeholder = char === '$' ? VARIABLE.exec(format.slice(i)) : null;
    if (placeholder !== null || char === '*') {
      if (placeholder !== null) i += placeholder[0].length - 1;
      // As in `arnFormat.ts`: `${Name}` is one or more characters, a literal `*` zero or more (any in the resource part).
      if (placeholder === null) {
        tokens.push({ set: inResource ? ANY : { kind: 'not', chars: ':' }, repeat: true });
        continue;
      }
      const set: CharClass = !inResource ? { kind: 'not', chars: ':' } : lenient ? ANY : { kind: 'not', chars: '/' };
      // Leniently a region or account may be empty: AWS-owned and global resources omit them
      // (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`).
      if (!(lenient && !inResource)) tokens.push({ set, repeat: false });
      tokens.push({ set, repeat: true });
      continue;
    }
    if (char === ':') colons++;
    tokens.push({ set: { kind: 'char', char }, repeat: false });
  }
  return tokens;
}

/** Compiles an ARN format such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
export function compileFormat(format: string): FormatTokens {
  return { strict: formatTokens(format, false), lenient: formatTokens(format, true) };
}

/** How a resource pattern meets a format: `strict`, `lenient` (only with spanning placeholders) or not at all. */
export function patternMeetsFormat(pattern: readonly Token[], format: FormatTokens): 'strict' | 'lenient' | undefined {
  if (intersects(pattern, format.strict)) return 'strict';
  return intersects(pattern, format.lenient) ? 'lenient' : undefined;
}

/**
 * True when every action name the pattern `inner` matches is also matched by `outer` (both IAM action
 * patterns, case ignored). Sound, not complete: it looks for a token alignment in which each `*` of
 * `inner` is covered by a `*` of `outer`, so a `true` answer is always right.
 */
export function actionPatternCovers(outer: string, inner: string): boolean {
  const a = outer.toLowerCase();
  const b = inner.toLowerCase();
  if (!/[*?]/.test(a)) return a === b;
  const memo = new Map<number, boolean>();
  function covers(i: number, j: number): boolean {
    const id = i * (b.length + 1) + j;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length) result = j === b.length;
    else if (a[i] === '*') result = covers(i + 1, j) || (j < b.length && covers(i, j + 1));
    else if (j === b.length || b[j] === '*') result = false;
    else if (a[i] === '?') result = covers(i + 1, j + 1);
    else result = b[j] !== '?' && a[i] === b[j] && covers(i + 1, j + 1);
    memo.set(id, result);
    return result;
  }
  return covers(0, 0);
}
