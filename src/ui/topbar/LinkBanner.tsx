/**
 * Says why the link the page was opened with could not be opened (in the user's language); the app
 * opened as usual, on the user's own autosaved work.
 */
import type { ShareError } from '../../io/share';
import type { Language } from '../../io/share/languages';
import { createTranslator, shareErrorMessage } from '../i18n';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';

function message(language: Language, error: ShareError): string {
  const id = error.params.id;
  if (error.code === 'bad-lesson-link' && typeof id === 'string') return createTranslator(language)('lessons.unknown', { id });
  return shareErrorMessage(language, error);
}

export function LinkBanner() {
  const t = useT();
  const store = useAppStoreApi();
  const error = useAppStore((s) => s.lesson.linkError);
  const language = useAppStore((s) => s.view.language);
  if (error === undefined) return null;
  return (
    <div className="ag-link-banner" role="alert" data-testid="link-error" data-code={error.code}>
      <Icon name="warning" />
      <div>
        <strong>{t('share.error.title')}</strong> {message(language, error)} <span className="ag-muted">{t('share.error.keptWork')}</span>
      </div>
      <button type="button" className="ag-icon-button" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={() => store.getState().setLinkError(undefined)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
