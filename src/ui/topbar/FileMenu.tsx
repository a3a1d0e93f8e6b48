/**
 * Import and export: the scenario as a JSON file (download) or from files (a scenario, or real AWS
 * CLI exports through the importer), and the graph as PNG or SVG.
 */
import { useAppStore } from '../AppServices';
import { isMacPlatform, shortcutLabel } from '../commands/commands';
import { useFileActions } from '../files/useFileActions';
import { SVG_EXPORT_AVAILABLE } from '../graphExport';
import { Icon } from '../icons';
import { useT } from '../useT';
import { Menu } from './Menu';

export function FileMenu() {
  const t = useT();
  const files = useFileActions();
  const hasGraph = useAppStore((s) => s.analysis.graph !== undefined);
  const mac = isMacPlatform();
  return (
    <Menu
      title={t('file.menu')}
      align="right"
      testId="file-menu"
      label={
        <>
          <Icon name="file" />
          {t('file.menu')}
        </>
      }
    >
      {(close) => {
        function item(
          label: string,
          icon: 'upload' | 'download' | 'image',
          run: () => void,
          shortcut?: string,
          disabled = false,
        ) {
          return (
            <button
              type="button"
              role="menuitem"
              className="ag-menu-item"
              disabled={disabled}
              onClick={() => {
                close();
                run();
              }}
            >
              <Icon name={icon} />
              <span>{label}</span>
              {shortcut === undefined ? null : <kbd className="ag-kbd">{shortcut}</kbd>}
            </button>
          );
        }
        return (
          <>
            {item(t('file.import'), 'upload', files.openImport, shortcutLabel({ key: 'o', mod: true }, mac))}
            <div className="ag-menu-label">{t('file.importHint')}</div>
            <div className="ag-menu-sep" />
            {item(
              t('file.exportJson'),
              'download',
              files.exportScenario,
              shortcutLabel({ key: 's', mod: true, shift: true }, mac),
            )}
            {item(t('file.exportPng'), 'image', () => void files.exportPng(), undefined, !hasGraph)}
            {item(
              t('file.exportSvg'),
              'image',
              () => void files.exportSvg(),
              undefined,
              !hasGraph || !SVG_EXPORT_AVAILABLE,
            )}
          </>
        );
      }}
    </Menu>
  );
}
