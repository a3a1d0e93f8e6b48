/**
 * One-shot messages (restored autosave, import results, storage trouble) at the bottom of the window.
 */
import { useEffect } from 'react';
import type { Notice as NoticeData } from '../../state/AppState';
import { useAppStore, useAppStoreApi } from '../AppServices';
import type { Translate } from '../i18n';
import { countText, useT } from '../useT';

function text(t: Translate, notice: NoticeData, language: string): string {
  switch (notice.code) {
    case 'restored': {
      const at = Number(notice.detail);
      const when = Number.isFinite(at) && at > 0 ? new Date(at).toLocaleString(language) : '';
      return t('notice.restored', { when });
    }
    case 'storage-failed':
      return t('notice.storageFailed');
    case 'import-failed':
      return t('notice.importFailed', { problem: notice.detail ?? '' });
    case 'imported':
      return countText(t, 'notice.imported', Number(notice.detail ?? '1'));
    case 'nothing-to-undo':
      return t('notice.nothingToUndo');
    case 'link-opened':
      return t('share.opened');
    case 'link-opened-warnings':
      return t('share.openedWithWarnings');
  }
}

export function Notice() {
  const t = useT();
  const store = useAppStoreApi();
  const notice = useAppStore((s) => s.view.notice);
  const language = useAppStore((s) => s.view.language);
  const sticky = notice?.code === 'import-failed' || notice?.code === 'storage-failed';
  useEffect(() => {
    if (notice === undefined || sticky) return;
    const timer = setTimeout(() => store.getState().dismissNotice(), 6000);
    return () => clearTimeout(timer);
  }, [notice, sticky, store]);
  if (notice === undefined) return null;
  return (
    <div className="ag-notice" role={sticky ? 'alert' : 'status'}>
      <span>{text(t, notice, language)}</span>
      <button
        type="button"
        className="ag-button"
        aria-label={t('notice.dismiss')}
        onClick={() => store.getState().dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}
