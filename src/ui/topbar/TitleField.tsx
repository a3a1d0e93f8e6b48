/**
 * The scenario's title, editable in place: Enter or leaving the field writes it into the scenario
 * (one undoable edit); Esc restores it.
 */
import { useState } from 'react';
import { selectTitle } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';

export function TitleField() {
  const t = useT();
  const store = useAppStoreApi();
  const title = useAppStore(selectTitle);
  const [draft, setDraft] = useState<string | undefined>(undefined);

  function commit() {
    if (draft !== undefined && draft.trim() !== title) store.getState().setTitle(draft.trim());
    setDraft(undefined);
  }

  return (
    <input
      className="ag-title-field"
      aria-label={t('topbar.title')}
      placeholder={t('topbar.untitled')}
      value={draft ?? title}
      title={draft ?? title}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        else if (e.key === 'Escape') {
          setDraft(undefined);
          requestAnimationFrame(() => e.currentTarget.blur());
        }
      }}
    />
  );
}
