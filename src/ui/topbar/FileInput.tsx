/**
 * The hidden file input behind Import, and dropping files anywhere on the window.
 */
import { useEffect } from 'react';
import { IMPORT_INPUT_ID, useFileActions } from '../files/useFileActions';
import { useT } from '../useT';

export function FileInput() {
  const t = useT();
  const files = useFileActions();
  useEffect(() => {
    function onDragOver(event: DragEvent) {
      if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault();
    }
    function onDrop(event: DragEvent) {
      const dropped = [...(event.dataTransfer?.files ?? [])];
      if (dropped.length === 0) return;
      event.preventDefault();
      void files.importFiles(dropped);
    }
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [files]);
  return (
    <input
      id={IMPORT_INPUT_ID}
      type="file"
      accept=".json,application/json"
      multiple
      hidden
      aria-label={t('file.import')}
      onChange={(e) => {
        const picked = [...(e.target.files ?? [])];
        e.target.value = '';
        void files.importFiles(picked);
      }}
    />
  );
}
