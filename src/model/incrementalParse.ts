/**
 * Parsing the next text of an edited scenario from the previous parse. Edits arrive as whole texts (the
 * worker receives the full scenario each time), but almost every edit changes one policy document or
 * the saved layout: typing in a policy, dragging a node. When the text differs from the previous one
 * only inside such a value (a "site"), only that value is parsed and built again; the rest of the
 * scenario is the previous parse's objects, and the other diagnostics are the previous ones moved by
 * the length of the edit. Anything else is parsed in full. The result equals `parseScenarioText`
 * (a property test edits sites of real scenarios at random and compares the two).
 *
 * Sites: the inline documents of users, groups, roles and sessions, trust policies, managed policy
 * documents, resource policies, organization control policies, and the layout.
 *
 * Why a site's value is independent of the rest: a policy document is read by `parsePolicy` alone
 * (its kind and path fixed by where it sits), and its shape check is only "an object"; the layout is
 * read by its own shape check and `buildLayout`. Every diagnostic those produce has a path inside the
 * site, and nothing else produces one there.
 */
import {
  spotOf,
  diagnosticAt,
  inSourceOrder,
  createCollector,
  type SpottedDiagnostic,
  type TextSpot,
} from './collector';
import { checkShape, isObject } from './checkShape';
import { isBlocking } from './diagnostics';
import type { JsonPath } from './ids';
import {
  lineIndexOf,
  lineStartsOf,
  MAX_JSON_DEPTH,
  nodeValue,
  tooDeepAt,
  type JsonNode,
  type LineIndex,
} from './json';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parsePolicy } from './parsePolicy';
import { buildLayout, parseScenarioTextSpotted, type ParseResult } from './parseScenario';
import { SCENARIO_SPEC, type Spec } from './spec';
import type { PolicyKind, Scenario } from './types';

/** A value of the text that can be parsed on its own. */
type Site =
  | {
      readonly kind: 'inline';
      readonly owner: 'users' | 'groups' | 'roles' | 'sessions';
      readonly index: number;
      readonly item: number;
    }
  | { readonly kind: 'trust'; readonly index: number }
  | { readonly kind: 'managed'; readonly index: number }
  | { readonly kind: 'resource'; readonly index: number }
  | { readonly kind: 'control'; readonly index: number; readonly policyKind: PolicyKind }
  | { readonly kind: 'layout' };

/** Where a site's value is in the current text: `[start, end)`. */
interface Placed {
  readonly site: Site;
  readonly path: JsonPath;
  readonly start: number;
  readonly end: number;
}

/** One text's parse, and what the next parse reads. */
export interface TextParse {
  readonly text: string;
  readonly result: ParseResult;
  /** Undefined when this text has no usable scenario. */
  readonly memo: Memo | undefined;
  /**
   * Without a memo: the last parse before it that has one, which the next text is parsed from. Typing
   * in a policy passes through texts that do not parse (an open quote, a missing comma); the text after
   * them differs from the last good one inside the same document, so it still shares the rest.
   */
  readonly lastGood?: TextParse;
}

interface Memo {
  /** Offsets fit 32 bits: a string holds at most 2^29 characters. */
  readonly lineStarts: Int32Array;
  /** Sorted by start; no two overlap. */
  readonly sites: readonly Placed[];
  /** The diagnostics of `result` with their spots, in the same order. */
  readonly spotted: readonly SpottedDiagnostic[];
}

/** Parses `text`, reusing `previous` (the parse of the text before the edit) where the edit allows. */
export function parseScenarioTextFrom(previous: TextParse | undefined, text: string): TextParse {
  if (previous !== undefined && previous.text === text) return previous;
  const base = previous?.memo !== undefined ? previous : previous?.lastGood;
  if (base?.memo !== undefined && base.result.scenario !== undefined) {
    const patched = patch(base, base.memo, base.result.scenario, text);
    if (patched !== undefined) return patched;
  }
  const full = parseFull(text);
  return full.memo === undefined && base !== undefined ? { ...full, lastGood: base } : full;
}

function parseFull(text: string): TextParse {
  const parsed = parseScenarioTextSpotted(text);
  if (parsed.result.scenario === undefined || parsed.root === undefined)
    return { text, result: parsed.result, memo: undefined };
  return {
    text,
    result: parsed.result,
    memo: {
      lineStarts: Int32Array.from(lineStartsOf(text)),
      sites: sitesOf(parsed.root),
      spotted: parsed.spotted,
    },
  };
}

/** The value of property `key` of an object node, when the object has exactly one such property. */
function only(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  let found: JsonNode | undefined;
  let count = 0;
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name?.value !== key) continue;
    count += 1;
    found = value;
  }
  return count === 1 ? found : undefined;
}

function elements(node: JsonNode | undefined): readonly JsonNode[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** Every site of a parsed text, in text order. */
function sitesOf(root: JsonNode): Placed[] {
  const out: Placed[] = [];
  const add = (site: Site, path: JsonPath, node: JsonNode | undefined): void => {
    if (node !== undefined) out.push({ site, path, start: node.offset, end: node.offset + node.length });
  };
  for (const owner of ['users', 'groups', 'roles', 'sessions'] as const) {
    elements(only(root, owner)).forEach((entity, index) => {
      if (owner === 'roles')
        add({ kind: 'trust', index }, ['roles', index, 'trustPolicy'], only(entity, 'trustPolicy'));
      elements(only(entity, 'policies')).forEach((item, k) =>
        add(
          { kind: 'inline', owner, index, item: k },
          [owner, index, 'policies', k, 'document'],
          only(item, 'document'),
        ),
      );
    });
  }
  elements(only(root, 'policies')).forEach((policy, index) =>
    add({ kind: 'managed', index }, ['policies', index, 'document'], only(policy, 'document')),
  );
  elements(only(root, 'resources')).forEach((resource, index) =>
    add({ kind: 'resource', index }, ['resources', index, 'policy'], only(resource, 'policy')),
  );
  elements(only(only(root, 'organization'), 'policies')).forEach((policy, index) => {
    const type = only(policy, 'type');
    add(
      { kind: 'control', index, policyKind: type?.value === 'RCP' ? 'rcp' : 'scp' },
      ['organization', 'policies', index, 'document'],
      only(policy, 'document'),
    );
  });
  add({ kind: 'layout' }, ['layout'], only(root, 'layout'));
  return out.sort((a, b) => a.start - b.start);
}

/** Characters compared at once (slices of a flat string are views, and their equality is a memory compare). */
const CHUNK = 2048;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common suffix of `a` and `b` that leaves their first `floor` characters alone. */
function commonSuffix(a: string, b: string, floor: number): number {
  const n = Math.min(a.length, b.length) - floor;
  let i = 0;
  while (
    i + CHUNK <= n &&
    a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)
  )
    i += CHUNK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The site holding the changed range `[from, to)` of the previous text, or -1. */
function siteHolding(sites: readonly Placed[], from: number, to: number): number {
  let lo = 0;
  let hi = sites.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sites[mid] as Placed).start <= from) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && to <= (sites[found] as Placed).end ? found : -1;
}

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

const LAYOUT_SPEC: Spec | undefined =
  SCENARIO_SPEC.type === 'object' ? SCENARIO_SPEC.fields.layout?.spec : undefined;

/** The next parse when the edit lies inside one site and the site's new text is a usable value; otherwise `undefined`. */
function patch(previous: TextParse, memo: Memo, scenario: Scenario, text: string): TextParse | undefined {
  const old = previous.text;
  const from = commonPrefix(old, text);
  const to = old.length - commonSuffix(old, text, from);
  const at = siteHolding(memo.sites, from, to);
  if (at < 0) return undefined;
  const placed = memo.sites[at] as Placed;
  const delta = text.length - old.length;
  const slice = text.slice(placed.start, placed.end + delta);
  // The nesting limit counts from the top of the text: the site sits inside one container per path step.
  if (tooDeepAt(slice, MAX_JSON_DEPTH - placed.path.length) >= 0) return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(slice, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (root === undefined || errors.length > 0) return undefined;
  const value = nodeValue(root);
  const out = createCollector();
  let next: Scenario | undefined;
  if (placed.site.kind === 'layout') {
    if (LAYOUT_SPEC === undefined || !checkShape(value, LAYOUT_SPEC, placed.path, out)) return undefined;
    next = { ...scenario, layout: buildLayout(value) };
  } else {
    // A value that is not an object fails the shape check, which blocks: the full parse reports it.
    if (!isObject(value)) return undefined;
    next = withDocument(scenario, placed, value, out);
  }
  if (next === undefined) return undefined;
  const lineStarts = movedLineStarts(memo.lineStarts, text, from, to, delta);
  const lines = lineIndexOf(lineStarts);
  const fresh: SpottedDiagnostic[] = [];
  for (const d of out.items) {
    // INVARIANT: a site's diagnostics lie inside it; one that would be located by its property name
    // (`atKey` on the site itself) is outside the slice, and the full parse locates it.
    if (!startsWith(d.path, placed.path) || (d.atKey === true && d.path.length === placed.path.length))
      return undefined;
    const local = spotOf({ ...d, path: d.path.slice(placed.path.length) }, root);
    const spot = { offset: placed.start + local.offset, length: local.length };
    const diagnostic = diagnosticAt(d, spot, lines);
    if (isBlocking(diagnostic)) return undefined;
    fresh.push({ diagnostic, spot });
  }
  const kept: SpottedDiagnostic[] = [];
  for (const entry of memo.spotted) {
    if (startsWith(entry.diagnostic.path, placed.path)) continue;
    const spot = entry.spot === undefined ? undefined : movedSpot(entry.spot, placed, delta);
    // A spot before the site keeps its lines and columns (the text before the change is unchanged).
    kept.push(
      spot === entry.spot || spot === undefined
        ? entry
        : { diagnostic: { ...entry.diagnostic, range: lines.rangeOf(spot.offset, spot.length) }, spot },
    );
  }
  const spotted = inSourceOrder([...kept, ...inSourceOrder(fresh)]);
  // Written field by field (a spread per site cost 4 ms at M, where an edit moves thousands).
  const sites = memo.sites.slice();
  sites[at] = {
    site: placed.site,
    path: placed.path,
    start: placed.start + root.offset,
    end: placed.start + root.offset + root.length,
  };
  if (delta !== 0)
    for (let k = at + 1; k < sites.length; k++) {
      const s = sites[k] as Placed;
      sites[k] = { site: s.site, path: s.path, start: s.start + delta, end: s.end + delta };
    }
  return {
    text,
    result: { scenario: next, diagnostics: spotted.map((s) => s.diagnostic) },
    memo: { lineStarts, sites, spotted },
  };
}

/**
 * A spot of the previous text outside the edited site, in the new text: after the site it moves by
 * `delta`; a node that holds the site (an ancestor) grows by it; one before the site stays.
 */
function movedSpot(spot: TextSpot, placed: Placed, delta: number): TextSpot {
  if (spot.offset >= placed.end) return { offset: spot.offset + delta, length: spot.length };
  if (spot.offset <= placed.start && spot.offset + spot.length >= placed.end)
    return { offset: spot.offset, length: spot.length + delta };
  return spot;
}

/** The first index of the sorted `starts` whose line begins after the newline at `offset` or later. */
function firstLineAfter(starts: Int32Array, offset: number, from = 0): number {
  let lo = from;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // A line starts after a newline at offset start - 1.
    if ((starts[mid] as number) - 1 < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The line starts of the new text: those before the change kept, those inside it found again, those
 * after it moved. A typed array, copied in native runs and moved in place: a scenario has ~100,000
 * lines at M, and building a list of them entry by entry cost 5 ms of each edit.
 */
function movedLineStarts(
  starts: Int32Array,
  text: string,
  from: number,
  to: number,
  delta: number,
): Int32Array {
  const i = firstLineAfter(starts, from);
  const j = firstLineAfter(starts, to, i);
  const inside: number[] = [];
  for (let n = text.indexOf('\n', from); n >= 0 && n < to + delta; n = text.indexOf('\n', n + 1))
    inside.push(n + 1);
  const out = new Int32Array(starts.length - (j - i) + inside.length);
  out.set(starts.subarray(0, i));
  out.set(inside, i);
  out.set(starts.subarray(j), i + inside.length);
  if (delta !== 0) for (let k = i + inside.length; k < out.length; k++) (out[k] as number) += delta;
  return out;
}

/** The scenario with the document of `placed` parsed again from `value`. */
function withDocument(
  scenario: Scenario,
  placed: Placed,
  value: Record<string, unknown>,
  out: ReturnType<typeof createCollector>,
): Scenario | undefined {
  const { site, path } = placed;
  const replace = <T>(list: readonly T[], index: number, make: (item: T) => T): T[] =>
    list.map((item, i) => (i === index ? make(item) : item));
  switch (site.kind) {
    case 'inline': {
      const document = parsePolicy(value, site.owner === 'sessions' ? 'session' : 'identity', path, out);
      const entities = scenario[site.owner] as readonly {
        readonly policies: Scenario['users'][number]['policies'];
      }[];
      const updated = replace(entities, site.index, (entity) => ({
        ...entity,
        policies: entity.policies.map((a) =>
          a.kind === 'inline' && a.path[a.path.length - 1] === site.item ? { ...a, document } : a,
        ),
      }));
      return { ...scenario, [site.owner]: updated };
    }
    case 'trust':
      return {
        ...scenario,
        roles: replace(scenario.roles, site.index, (role) => ({
          ...role,
          trustPolicy: parsePolicy(value, 'trust', path, out),
        })),
      };
    case 'managed':
      return {
        ...scenario,
        policies: replace(scenario.policies, site.index, (policy) => ({
          ...policy,
          document: parsePolicy(value, 'identity', path, out),
        })),
      };
    case 'resource':
      return {
        ...scenario,
        resources: replace(scenario.resources, site.index, (resource) => ({
          ...resource,
          policy: parsePolicy(value, 'resource', path, out),
        })),
      };
    case 'control': {
      const organization = scenario.organization;
      if (organization === undefined) return undefined;
      return {
        ...scenario,
        organization: {
          ...organization,
          policies: replace(organization.policies, site.index, (policy) => ({
            ...policy,
            document: parsePolicy(value, site.policyKind, path, out),
          })),
        },
      };
    }
    case 'layout':
      return undefined;
  }
}

/** Where a value of a parsed text lies, and its tree (parsed again from the slice). */
export interface SiteText {
  readonly start: number;
  readonly root: JsonNode;
}

const spansOf = new WeakMap<TextParse, ReadonlyMap<string, Placed>>();

/**
 * The value at `path` (a policy document's or the layout's) in the parse's text, parsed on its own;
 * `undefined` when it is not a site of this parse. Callers locate diagnostics inside one document
 * with it (`spotOf` with the path below the site), without a tree of the whole text.
 */
export function siteText(parse: TextParse, path: JsonPath): SiteText | undefined {
  const placed = siteAt(parse, path);
  if (placed === undefined) return undefined;
  const root = parseTree(parse.text.slice(placed.start, placed.end), [], {
    disallowComments: true,
    allowTrailingComma: false,
  });
  return root === undefined ? undefined : { start: placed.start, root };
}

/** The start of the site at `path` in the parse's text (see `siteText`). */
export function siteStart(parse: TextParse, path: JsonPath): number | undefined {
  return siteAt(parse, path)?.start;
}

function siteAt(parse: TextParse, path: JsonPath): Placed | undefined {
  if (parse.memo === undefined) return undefined;
  let spans = spansOf.get(parse);
  if (spans === undefined) {
    spans = new Map(parse.memo.sites.map((s) => [JSON.stringify(s.path), s]));
    spansOf.set(parse, spans);
  }
  return spans.get(JSON.stringify(path));
}

/** Lines and columns of the parse's text; `undefined` for a text without a usable scenario. */
export function textLines(parse: TextParse): LineIndex | undefined {
  return parse.memo === undefined ? undefined : lineIndexOf(parse.memo.lineStarts);
}
