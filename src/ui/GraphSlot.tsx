/**
 * Connects the graph panel to the store: what it draws (the last good graph, the selection, the
 * theme, pinned positions, the words in the user's language) and what it reports back (a click
 * selects; a drag pins the node in the scenario's `layout`).
 */
import { useCallback, useMemo } from 'react';
import { selectGraph, selectShowingLastValid } from '../state/selectors';
import { tolerantValue } from '../state/scenarioEdits';
import { useAppStore, useAppStoreApi } from './AppServices';
import { GraphPanel } from './graph/GraphPanel';
import { graphPanelStrings } from './graphPanelStrings';

type Position = { readonly x: number; readonly y: number };

function isPosition(value: unknown): value is Position {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Position).x === 'number' &&
    typeof (value as Position).y === 'number'
  );
}

/** The scenario's pinned positions, read once per graph (they change with the text, which changes the graph). */
function usePinned(): Readonly<Record<string, Position>> | undefined {
  const graph = useAppStore(selectGraph);
  const store = useAppStoreApi();
  return useMemo(() => {
    void graph;
    const value = tolerantValue(store.getState().document.text);
    const layout =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>).layout : undefined;
    if (typeof layout !== 'object' || layout === null) return undefined;
    const pinned: Record<string, Position> = {};
    for (const [id, at] of Object.entries(layout)) if (isPosition(at)) pinned[id] = { x: at.x, y: at.y };
    return pinned;
  }, [graph, store]);
}

export function GraphSlot() {
  const store = useAppStoreApi();
  const graph = useAppStore(selectGraph);
  const stale = useAppStore(selectShowingLastValid);
  const selection = useAppStore((s) => s.selection.id);
  const focusSeq = useAppStore((s) => s.selection.focusSeq);
  const theme = useAppStore((s) => s.view.theme);
  const language = useAppStore((s) => s.view.language);
  const pinned = usePinned();
  const onSelect = useCallback((id: string | undefined) => store.getState().select(id), [store]);
  const onNodeMoved = useCallback(
    (id: string, position: Position) => store.getState().setNodePosition(id, position),
    [store],
  );

  return (
    <GraphPanel
      graph={graph}
      stale={stale}
      selection={selection}
      onSelect={onSelect}
      theme={theme}
      {...(pinned === undefined ? {} : { pinned })}
      onNodeMoved={onNodeMoved}
      strings={graphPanelStrings(language)}
      // A selection made outside the graph (a finding, the Explorer) is brought into view.
      frameRequest={focusSeq}
    />
  );
}
