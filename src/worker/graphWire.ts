/**
 * How an analysis graph crosses from the worker to the page. The page keeps the last graph it got;
 * an incremental analysis shares almost every node, edge and reach entry with the previous graph
 * (the same objects: at M, one policy edited, 69,363 of 69,365 edges), and copying them all again
 * costs the structured clone 1.7-2.5 s at M. So after the first graph the worker posts a patch: for
 * each list, runs of the previous list to keep and the entries that are new. The page rebuilds the
 * graph from its previous one, whose kept entries are the objects it already has.
 *
 * Both ends count the graphs they pass; a patch names the graph it applies to, and a page that does
 * not hold that graph (a message lost) reports an error, which makes the client respawn the worker.
 */
import { accessRange, omitAccess } from '../analysis/omittedAccess';
import type { AccessGraph, OmittedAccess } from '../analysis/types';

/**
 * A list as edits of the previous one: `runs` holds triples (from, count, fresh): `count` entries of
 * the previous list starting at `from`, then the next `fresh` entries of `items`.
 */
export interface ListPatch<T> {
  readonly runs: readonly number[];
  readonly items: readonly T[];
}

/** A graph as a patch of the graph numbered `base`. */
export interface GraphPatch {
  readonly base: number;
  readonly nodes: ListPatch<AccessGraph['nodes'][number]>;
  readonly edges: ListPatch<AccessGraph['edges'][number]>;
  readonly findings: ListPatch<AccessGraph['findings'][number]>;
  readonly byPrincipal: ListPatch<AccessGraph['reachability']['byPrincipal'][number]>;
  readonly byResource: ListPatch<AccessGraph['reachability']['byResource'][number]>;
  /** `undefined` when the same as the base's. */
  readonly actionLevels: AccessGraph['actionLevels'] | undefined;
  readonly stats: AccessGraph['stats'];
  /** `'same'` when the base's (the same object at the worker's end); `undefined` when the graph has none. */
  readonly omitted: AccessGraph['omitted'] | 'same';
}

/** Collects the (from, count, fresh) runs of a list patch. */
class Runs<T> {
  readonly runs: number[] = [];
  readonly items: T[] = [];
  private from = 0;
  private count = 0;
  private fresh = 0;
  keep(at: number): void {
    if (this.fresh === 0 && this.count > 0 && at === this.from + this.count) {
      this.count += 1;
      return;
    }
    this.flush();
    this.from = at;
    this.count = 1;
    this.fresh = 0;
  }
  add(item: T): void {
    this.items.push(item);
    this.fresh += 1;
  }
  done(): ListPatch<T> {
    this.flush();
    return { runs: this.runs, items: this.items };
  }
  private flush(): void {
    if (this.count > 0 || this.fresh > 0) this.runs.push(this.from, this.count, this.fresh);
  }
}

/**
 * The edits that turn `old` into `next`, keeping every entry of `old` that `next` holds (by identity).
 * With `keyOf`, for lists sorted by that key (the graph's nodes, edges and reach entries): the two are
 * walked side by side, so an entry kept in place costs one comparison and no entry is read unless it
 * differs (at M, 33,000 edges per edit, most of them not in the processor's cache). Either way the
 * patch is exact; an entry out of order is only sent again instead of kept.
 */
export function diffList<T>(
  old: readonly T[],
  next: readonly T[],
  keyOf?: (item: T) => string,
): ListPatch<T> {
  const out = new Runs<T>();
  if (keyOf === undefined) {
    const index = new Map<T, number>();
    old.forEach((item, i) => index.set(item, i));
    for (const item of next) {
      const at = index.get(item);
      if (at === undefined) out.add(item);
      else out.keep(at);
    }
    return out.done();
  }
  let i = 0;
  for (const item of next) {
    if (i < old.length && old[i] !== item) {
      // Entries of `old` that sort before this one are gone from `next`.
      const key = keyOf(item);
      while (i < old.length && old[i] !== item && keyOf(old[i] as T) < key) i += 1;
    }
    if (i < old.length && old[i] === item) out.keep(i++);
    else out.add(item);
  }
  return out.done();
}

/** The list `patch` makes of `old`; `undefined` when the patch does not fit `old`. */
export function applyList<T>(old: readonly T[], patch: ListPatch<T>): T[] | undefined {
  const out: T[] = [];
  let taken = 0;
  const { runs, items } = patch;
  if (runs.length % 3 !== 0) return undefined;
  for (let r = 0; r < runs.length; r += 3) {
    const from = runs[r] as number;
    const count = runs[r + 1] as number;
    const fresh = runs[r + 2] as number;
    if (from < 0 || count < 0 || fresh < 0 || from + count > old.length || taken + fresh > items.length)
      return undefined;
    for (let i = from; i < from + count; i++) out.push(old[i] as T);
    for (let i = 0; i < fresh; i++) out.push(items[taken++] as T);
  }
  return taken === items.length ? out : undefined;
}

/** The patch of `old` (numbered `base`) into `next`. */
export function diffGraph(base: number, old: AccessGraph, next: AccessGraph): GraphPatch {
  return {
    base,
    nodes: diffList(old.nodes, next.nodes, (n) => n.id),
    edges: diffList(old.edges, next.edges, (e) => e.id),
    findings: diffList(old.findings, next.findings),
    byPrincipal: diffList(old.reachability.byPrincipal, next.reachability.byPrincipal, (r) => r.principal),
    byResource: diffList(old.reachability.byResource, next.reachability.byResource, (r) => r.resource),
    actionLevels: old.actionLevels === next.actionLevels ? undefined : next.actionLevels,
    stats: next.stats,
    omitted: next.omitted !== undefined && next.omitted === old.omitted ? 'same' : next.omitted,
  };
}

/** The graph `patch` makes of `old`; `undefined` when the patch does not fit `old`. */
export function applyGraph(old: AccessGraph, patch: GraphPatch): AccessGraph | undefined {
  const nodes = applyList(old.nodes, patch.nodes);
  const edges = applyList(old.edges, patch.edges);
  const findings = applyList(old.findings, patch.findings);
  const byPrincipal = applyList(old.reachability.byPrincipal, patch.byPrincipal);
  const byResource = applyList(old.reachability.byResource, patch.byResource);
  if (
    nodes === undefined ||
    edges === undefined ||
    findings === undefined ||
    byPrincipal === undefined ||
    byResource === undefined
  )
    return undefined;
  return {
    version: old.version,
    nodes,
    edges,
    findings,
    reachability: { byPrincipal, byResource },
    actionLevels: patch.actionLevels ?? old.actionLevels,
    stats: patch.stats,
    ...(patch.omitted === undefined
      ? {}
      : { omitted: patch.omitted === 'same' ? old.omitted : patch.omitted }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function patchItems(patch: GraphPatch): number {
  return (
    patch.nodes.items.length +
    patch.edges.items.length +
    patch.findings.items.length +
    patch.byPrincipal.items.length +
    patch.byResource.items.length
  );
}

function graphItems(graph: AccessGraph): number {
  return (
    graph.nodes.length +
    graph.edges.length +
    graph.findings.length +
    graph.reachability.byPrincipal.length +
    graph.reachability.byResource.length
  );
}

/**
 * Above this many effective-access edges a graph crosses without them (`omitAccess`): the synthetic S
 * org has 35,972 (a 16 MB copy), the M org 2,607,907 (2.2 GB, which `postMessage` cannot copy). The page
 * draws effective access only for the selection and asks for it (`neighbourhood`).
 */
export const WIRE_ACCESS_LIMIT = 25_000;

/**
 * The worker's end: rewrites each posted analysis result whose graph shares most of its entries with
 * the previous posted graph into a `graphPatch` (other messages pass as they are); a graph with more
 * than `accessLimit` effective-access edges goes without them (`omitAccess`). Every graph is numbered
 * in `graphNumber`, in the order posted.
 */
export function createGraphEncoder(accessLimit = WIRE_ACCESS_LIMIT): (message: unknown) => unknown {
  let last: AccessGraph | undefined;
  // The last full graph sent without its access, and what was sent for it.
  let lastOmitted: { readonly graph: AccessGraph; readonly omitted: OmittedAccess } | undefined;
  let posted = 0;
  return (message) => {
    if (!isRecord(message) || message.type !== 'result' || !isRecord(message.result)) return message;
    const full = message.result.graph as AccessGraph | undefined;
    if (!('diagnostics' in message.result) || !isRecord(full) || !Array.isArray(full.edges)) return message;
    const [start, end] = accessRange(full.edges);
    let graph: AccessGraph = full;
    if (end - start > accessLimit) {
      // Counts that did not change are not sent again (at M, 7,000 entries per edit).
      graph = omitAccess(full, lastOmitted);
      lastOmitted = { graph: full, omitted: graph.omitted as OmittedAccess };
    } else lastOmitted = undefined;
    const result = { ...message.result, graph };
    const previous = last;
    const base = posted;
    last = graph;
    posted += 1;
    if (previous !== undefined) {
      const patch = diffGraph(base, previous, graph);
      // A patch that repeats most of the graph saves nothing over the graph itself.
      if (patchItems(patch) * 2 < graphItems(graph))
        return {
          ...message,
          result: { ...result, graph: undefined, graphPatch: patch, graphNumber: posted },
        };
    }
    return { ...message, result: { ...result, graphNumber: posted } };
  };
}

/** A patch that does not fit the page's last graph: some message between the two ends was lost. */
export class GraphWireError extends Error {}

/**
 * The page's end: keeps the last graph received and turns a `graphPatch` back into the graph; strips
 * the numbering. Throws `GraphWireError` for a patch of a graph it does not hold.
 */
export function createGraphDecoder(): (data: unknown) => unknown {
  let last: AccessGraph | undefined;
  let received = 0;
  return (data) => {
    if (!isRecord(data) || !isRecord(data.result) || typeof data.result.graphNumber !== 'number') return data;
    const { graphNumber, graphPatch, ...result } = data.result;
    let graph = result.graph as AccessGraph | undefined;
    if (graphPatch !== undefined) {
      const patch = graphPatch as GraphPatch;
      graph = last !== undefined && patch.base === received ? applyGraph(last, patch) : undefined;
      if (graph === undefined)
        throw new GraphWireError(
          `the engine sent changes to analysis ${String(patch.base)}, but the page holds analysis ${String(received)}`,
        );
    }
    last = graph;
    received = graphNumber;
    return { ...data, result: { ...result, graph } };
  };
}
