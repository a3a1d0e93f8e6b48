/**
 * The Explorer: a search box over the tree of the organization, and the findings.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../AppServices';
import { Icon } from '../icons';
import { SidePanel } from '../layout/SidePanel';
import { useT } from '../useT';
import { ExplorerChanges } from './ExplorerChanges';
import { ExplorerFindings } from './ExplorerFindings';
import { ExplorerTree } from './ExplorerTree';

export function ExplorerPanel() {
  const t = useT();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const searchSeq = useAppStore((s) => s.view.searchSeq);
  const open = useAppStore((s) => s.view.layout.open.explorer);

  useEffect(() => {
    if (searchSeq > 0) search.current?.focus();
  }, [searchSeq, open]);

  return (
    <SidePanel panel="explorer" side="left" title={t('explorer.title')}>
      <div className="ag-search">
        <Icon name="search" />
        <input
          ref={search}
          className="ag-search-input"
          type="search"
          value={query}
          placeholder={t('explorer.search')}
          aria-label={t('explorer.search')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              e.currentTarget.blur();
            }
          }}
        />
        <kbd className="ag-kbd">/</kbd>
      </div>
      <ExplorerTree query={query} />
      <ExplorerFindings />
      <ExplorerChanges />
    </SidePanel>
  );
}
