/**
 * The search box of the graph panel: by name or ARN, best matches first; Enter or a click selects
 * the node and brings it into view. Matches also glow on the canvas while the box has text.
 */
import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SearchHit } from '../../graph/search';
import { iconUri } from '../../graph/icons';
import type { Theme } from '../../graph/tokens';
import { TOKENS } from '../../graph/tokens';
import { isBoxType } from '../../graph/vocabulary';
import type { GraphPanelStrings } from './graphStrings';

export interface GraphSearchProps {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly hits: readonly SearchHit[];
  readonly onPick: (id: string) => void;
  readonly theme: Theme;
  readonly strings: GraphPanelStrings;
  readonly inputRef?: React.Ref<HTMLInputElement>;
}

const SHOWN = 8;

function hitIcon(hit: SearchHit, theme: Theme): string | undefined {
  return isBoxType(hit.type) ? undefined : iconUri(hit.type, TOKENS[theme].principal);
}

/** The search box with its result list. */
export function GraphSearch({ query, onQuery, hits, onPick, theme, strings, inputRef }: GraphSearchProps) {
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const shown = hits.slice(0, SHOWN);
  const pick = (id: string): void => {
    setOpen(false);
    onPick(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      setActive((i) => Math.min(shown.length - 1, i + 1));
      setOpen(true);
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      setActive((i) => Math.max(0, i - 1));
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const hit = shown[active] ?? shown[0];
      if (hit !== undefined) pick(hit.id);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      if (query !== '') onQuery('');
      setOpen(false);
      event.stopPropagation();
    }
  };
  const expanded = open && query.trim() !== '';
  return (
    <div className="ag-g-search">
      <svg
        className="ag-g-search-icon"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        aria-hidden="true"
      >
        <circle cx="10.5" cy="10.5" r="6.5" />
        <path d="M15.5 15.5L20 20" />
      </svg>
      <input
        ref={inputRef}
        className="ag-g-input"
        type="search"
        role="combobox"
        aria-label={strings.search}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={strings.search}
        value={query}
        spellCheck={false}
        onChange={(event) => {
          onQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="graph-search"
      />
      {expanded ? (
        <ul
          className="ag-g-surface ag-g-results"
          id={listId}
          role="listbox"
          data-testid="graph-search-results"
        >
          {shown.length === 0 ? <li className="ag-g-result">{strings.noResults}</li> : null}
          {shown.map((hit, i) => {
            const icon = hitIcon(hit, theme);
            return (
              <li
                key={hit.id}
                className="ag-g-result"
                role="option"
                aria-selected={i === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(hit.id);
                }}
              >
                {icon === undefined ? <span /> : <img src={icon} alt="" />}
                <span className="ag-g-result-label">{hit.label}</span>
                <span className="ag-g-result-id" title={hit.id}>
                  {hit.id}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
