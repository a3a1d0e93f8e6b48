/**
 * The Share button: builds the link (scenario and view), copies it to the clipboard and says so, with
 * the link's length; when the browser refuses the clipboard the link waits, selected, in a field.
 */
import { useEffect, useRef, useState } from 'react';
import { shareErrorMessage } from '../i18n';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';
import { shareUrl } from './shareLink';

type Outcome =
  | { readonly kind: 'copied' | 'manual'; readonly link: string }
  | { readonly kind: 'failed'; readonly message: string };

async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard === undefined) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButton() {
  const t = useT();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.view.language);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome === undefined) return;
    if (outcome.kind !== 'failed') field.current?.select();
    function onDown(event: MouseEvent) {
      if (root.current !== null && !root.current.contains(event.target as Node)) setOutcome(undefined);
    }
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [outcome]);

  async function share() {
    const url = shareUrl(store.getState(), `${location.origin}${location.pathname}`);
    if (!url.ok) {
      setOutcome({ kind: 'failed', message: shareErrorMessage(language, url.error) });
      return;
    }
    setOutcome({ kind: (await copy(url.value)) ? 'copied' : 'manual', link: url.value });
  }

  return (
    <div className="ag-menu-anchor" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOutcome(undefined)}>
      <button type="button" className="ag-button ag-button-quiet" title={t('share.title')} data-testid="share-button" aria-expanded={outcome !== undefined} onClick={() => void share()}>
        <Icon name="share" />
        {t('share.button')}
      </button>
      {outcome === undefined ? null : (
        <div className="ag-share-popover" role="dialog" aria-label={t('share.title')} data-testid="share-popover" data-outcome={outcome.kind}>
          {outcome.kind === 'failed' ? (
            <p className="ag-share-status" role="alert" data-kind="error">
              <Icon name="warning" />
              {outcome.message}
            </p>
          ) : (
            <>
              <p className="ag-share-status" role="status" data-kind={outcome.kind}>
                <Icon name={outcome.kind === 'copied' ? 'check' : 'info'} />
                {t(outcome.kind === 'copied' ? 'share.copied' : 'share.copyManually')}
                <span className="ag-share-length" data-testid="share-length">
                  {t('share.length', { length: outcome.link.length.toLocaleString(language) })}
                </span>
              </p>
              <input ref={field} className="ag-field ag-mono ag-share-field" readOnly value={outcome.link} aria-label={t('share.title')} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
              <p className="ag-share-privacy">{t('share.explainPrivacy')}</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
