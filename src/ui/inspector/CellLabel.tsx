/**
 * A name in an inspector table that keeps its end in view when it is cut: `000000…000120` rather than
 * `00000000-000…`. KMS key ids, generated names and numbered resources differ only at the end; cut from
 * the end, every row of a key list read the same. The head takes the ellipsis, the tail stays.
 * The two visible parts are generated content with empty alternative text, and the name itself is the
 * element's one text node (visually hidden): split into two elements, the name was read and named in two
 * words ("PartnerSo ftware", Chromium's accessible name of the row button). Text content, copying,
 * search and the accessible name all get the whole name once.
 */
const TAIL = 6;
const SPLIT_FROM = 14;

export function CellLabel({ label }: { readonly label: string }) {
  if (label.length < SPLIT_FROM) return <span className="ag-cell-label">{label}</span>;
  return (
    <span
      className="ag-cell-label ag-cell-label-split"
      data-head={label.slice(0, -TAIL)}
      data-tail={label.slice(-TAIL)}
    >
      <span className="ag-visually-hidden">{label}</span>
    </span>
  );
}
