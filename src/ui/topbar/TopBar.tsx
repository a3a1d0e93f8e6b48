/**
 * The top bar: logo, editable title, Lessons, Share, Import/Export, undo/redo, language, theme and
 * the command palette.
 */
import { useAppStore, useAppStoreApi } from '../AppServices';
import { isMacPlatform, shortcutLabel } from '../commands/commands';
import { Icon } from '../icons';
import { useT } from '../useT';
import { ChangesChip } from './ChangesChip';
import { FileMenu } from './FileMenu';
import { LessonsMenu } from './LessonsMenu';
import { ShareButton } from './ShareButton';
import { Logo } from './Logo';
import { TitleField } from './TitleField';

export function TopBar() {
  const t = useT();
  const store = useAppStoreApi();
  const canUndo = useAppStore((s) => s.history.past.length > 0);
  const canRedo = useAppStore((s) => s.history.future.length > 0);
  const language = useAppStore((s) => s.view.language);
  const theme = useAppStore((s) => s.view.theme);
  const mac = isMacPlatform();
  const s = () => store.getState();
  return (
    <header className="ag-topbar">
      <div className="ag-logo">
        <Logo />
        <span>AccessGraph</span>
      </div>
      <TitleField />
      <div className="ag-topbar-spacer" />
      <div className="ag-topbar-group">
        <LessonsMenu />
        <ShareButton />
        <FileMenu />
      </div>
      <div className="ag-topbar-divider" />
      <div className="ag-topbar-group">
        <button
          type="button"
          className="ag-icon-button"
          disabled={!canUndo}
          title={`${t('command.undo')} (${shortcutLabel({ key: 'z', mod: true }, mac)})`}
          aria-label={t('command.undo')}
          onClick={() => s().undo()}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="ag-icon-button"
          disabled={!canRedo}
          title={`${t('command.redo')} (${shortcutLabel({ key: 'z', mod: true, shift: true }, mac)})`}
          aria-label={t('command.redo')}
          onClick={() => s().redo()}
        >
          <Icon name="redo" />
        </button>
        <ChangesChip />
      </div>
      <div className="ag-topbar-divider" />
      <div className="ag-lang-toggle" role="group" aria-label={t('topbar.language')}>
        <button
          type="button"
          aria-pressed={language === 'en'}
          lang="en"
          onClick={() => s().setLanguage('en')}
        >
          EN
        </button>
        <button
          type="button"
          aria-pressed={language === 'ja'}
          lang="ja"
          onClick={() => s().setLanguage('ja')}
        >
          日本語
        </button>
      </div>
      <button
        type="button"
        className="ag-icon-button"
        title={t(theme === 'dark' ? 'topbar.themeLight' : 'topbar.themeDark')}
        aria-label={t(theme === 'dark' ? 'topbar.themeLight' : 'topbar.themeDark')}
        data-testid="theme-toggle"
        onClick={() => s().toggleTheme()}
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      </button>
      <button
        type="button"
        className="ag-button ag-button-quiet ag-palette-button"
        title={t('command.palette')}
        onClick={() => s().setPaletteOpen(true)}
      >
        <Icon name="command" />
        <kbd className="ag-kbd">{shortcutLabel({ key: 'k', mod: true }, mac)}</kbd>
      </button>
    </header>
  );
}
