/**
 * A sortable column header: a click sorts by it, a second click reverses.
 */
export interface SortState<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
}: {
  readonly label: string;
  readonly column: K;
  readonly sort: SortState<K>;
  readonly onSort: (next: SortState<K>) => void;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="ag-sort"
        onClick={() => onSort({ key: column, descending: active ? !sort.descending : false })}
      >
        {label}
        <span className="ag-sort-mark" aria-hidden="true">
          {active ? (sort.descending ? '▾' : '▴') : ''}
        </span>
      </button>
    </th>
  );
}

/** Sorts a copy of `rows` by a numeric or string key. */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => string | number,
  descending: boolean,
): T[] {
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  });
  return descending ? sorted.reverse() : sorted;
}
