/**
 * The Explorer tree (WAI-ARIA tree view): organization → OUs → accounts → principals, resources and
 * shares, then what sits outside the organization. Click or Enter selects (and the graph focuses on
 * it); arrow keys move, → and ← open and close.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { explorerTree, selectGraph } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { NodeIcon } from '../NodeIcon';
import { countText, useT } from '../useT';
import { visibleRows, type TreeRow } from './visibleRows';

export function ExplorerTree({ query }: { readonly query: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const graph = useAppStore(selectGraph);
  const selected = useAppStore((s) => s.selection.id);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);
  const tree = useMemo(() => (graph === undefined ? [] : explorerTree(graph)), [graph]);
  const rows = useMemo(() => visibleRows(tree, collapsed, query), [tree, collapsed, query]);
  const current =
    rows.find((r) => r.item.node.id === (focused ?? selected))?.item.node.id ?? rows[0]?.item.node.id;

  // A selection made elsewhere (the graph) moves the tree's keyboard focus point to it.
  const [seenSelection, setSeenSelection] = useState(selected);
  if (selected !== seenSelection) {
    setSeenSelection(selected);
    if (selected !== undefined) setFocused(selected);
  }

  function toggle(id: string, open?: boolean) {
    setCollapsed((prev) => {
      const next = new Set(prev);
      const isOpen = !prev.has(id);
      if ((open ?? !isOpen) === true) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function focusRow(id: string | undefined) {
    if (id === undefined) return;
    setFocused(id);
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus(),
    );
  }

  function onKeyDown(event: KeyboardEvent, row: TreeRow, index: number) {
    const id = row.item.node.id;
    switch (event.key) {
      case 'ArrowDown':
        focusRow(rows[index + 1]?.item.node.id);
        break;
      case 'ArrowUp':
        focusRow(rows[index - 1]?.item.node.id);
        break;
      case 'ArrowRight':
        if (row.item.children.length > 0 && !row.expanded) toggle(id, true);
        else focusRow(rows[index + 1]?.parent === id ? rows[index + 1]?.item.node.id : undefined);
        break;
      case 'ArrowLeft':
        if (row.expanded) toggle(id, false);
        else focusRow(row.parent);
        break;
      case 'Home':
        focusRow(rows[0]?.item.node.id);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]?.item.node.id);
        break;
      case 'Enter':
      case ' ':
        store.getState().select(id, { focus: true });
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  if (graph === undefined) return <p className="ag-empty">{t('explorer.waiting')}</p>;
  if (rows.length === 0) return <p className="ag-empty">{t('explorer.noMatch', { query })}</p>;
  return (
    <ul className="ag-tree" role="tree" aria-label={t('explorer.title')} ref={list}>
      {rows.map((row, index) => {
        const { node } = row.item;
        const external = node.flags.includes('external');
        return (
          <li
            key={node.id}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-expanded={row.item.children.length > 0 ? row.expanded : undefined}
            aria-selected={node.id === selected}
            tabIndex={node.id === current ? 0 : -1}
            data-id={node.id}
            data-kind={node.kind}
            className="ag-tree-row"
            style={{ paddingLeft: 6 + row.depth * 14 }}
            title={node.id}
            onClick={() => {
              setFocused(node.id);
              store.getState().select(node.id, { focus: true });
            }}
            onKeyDown={(e) => onKeyDown(e, row, index)}
          >
            <span
              className="ag-tree-twisty"
              onClick={(e) => {
                e.stopPropagation();
                toggle(node.id);
              }}
            >
              {row.item.children.length > 0 ? (
                <Icon name={row.expanded ? 'chevronDown' : 'chevronRight'} size={12} />
              ) : null}
            </span>
            <NodeIcon node={node} size={15} />
            <span className="ag-tree-label">{node.label}</span>
            {node.kind === 'account' ? <span className="ag-tree-meta">{node.id}</span> : null}
            {external ? <span className="ag-tag ag-tag-external">{t('tag.external')}</span> : null}
            {row.item.findings > 0 ? (
              <span className="ag-tree-findings" title={countText(t, 'explorer.findings', row.item.findings)}>
                {row.item.findings}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
