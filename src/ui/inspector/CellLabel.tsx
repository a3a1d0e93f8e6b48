/**
 * A name in an inspector table that keeps its end in view when it is cut: `00000000-000…00123` rather
 * than `00000000-000…`. KMS key ids, generated names and numbered resources differ only at the end; cut
 * from the end, every row of a key list read the same. The head takes the ellipsis, the tail stays. The
 * text content is the whole name (copying, search and tests read it unchanged).
 */
const TAIL = 6;
const SPLIT_FROM = 14;

export function CellLabel({ label }: { readonly label: string }) {
  if (label.length < SPLIT_FROM) return <span className="ag-cell-label">{label}</span>;
  return (
    <span className="ag-cell-label ag-cell-label-split">
      <span className="ag-cell-head">{label.slice(0, -TAIL)}</span>
      <span className="ag-cell-tail">{label.slice(-TAIL)}</span>
    </span>
  );
}
