/**
 * The Explorer's rows (pure): the tree flattened in display order, with what is expanded, and
 * narrowed to the matches of a search (each with its ancestors, all expanded).
 */
import type { TreeItem } from '../../state/selectors';

/** One visible row. */
export interface TreeRow {
  readonly item: TreeItem;
  readonly depth: number;
  readonly expanded: boolean;
  readonly parent: string | undefined;
}

function matches(item: TreeItem, query: string): boolean {
  return item.node.label.toLowerCase().includes(query) || item.node.id.toLowerCase().includes(query);
}

/** Rows to show: `collapsed` ids are closed; a non-empty `query` shows matches and their ancestors only. */
export function visibleRows(
  tree: readonly TreeItem[],
  collapsed: ReadonlySet<string>,
  query: string,
): readonly TreeRow[] {
  const q = query.trim().toLowerCase();
  const rows: TreeRow[] = [];
  function keep(item: TreeItem): boolean {
    return q === '' || matches(item, q) || item.children.some(keep);
  }
  function walk(items: readonly TreeItem[], depth: number, parent: string | undefined): void {
    for (const item of items) {
      if (!keep(item)) continue;
      const expanded = item.children.length > 0 && (q !== '' || !collapsed.has(item.node.id));
      rows.push({ item, depth, expanded, parent });
      if (expanded) walk(item.children, depth + 1, item.node.id);
    }
  }
  walk(tree, 0, undefined);
  return rows;
}
