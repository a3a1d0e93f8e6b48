/**
 * The editor panel: tabs, the actions of the active tab (Apply / Discard for a policy tab, Format for
 * the scenario), the problem count and cursor position, and the lazily loaded Monaco editor. It sits
 * under the graph or to its right, resizes, and collapses to its tab bar.
 */
import { lazy, Suspense, useState } from 'react';
import { SCENARIO_TAB } from '../../state/AppState';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { isMacPlatform, shortcutLabel } from '../commands/commands';
import { Icon } from '../icons';
import { Splitter } from '../layout/Splitter';
import { useT } from '../useT';
import { EditorTabs } from './EditorTabs';
import { ProblemCount } from './ProblemCount';

const MonacoHost = lazy(() => import('./MonacoHost'));

/** Starts loading the editor chunk early (after the first graph), so opening the editor is instant. */
export function preloadEditor(): void {
  void import('./MonacoHost');
}

export function EditorDock() {
  const t = useT();
  const store = useAppStoreApi();
  const placement = useAppStore((s) => s.view.layout.editorPlacement);
  const open = useAppStore((s) => s.view.layout.open.editor);
  const size = useAppStore((s) => s.view.layout.sizes.editor);
  const active = useAppStore((s) => s.editor.activeTab);
  const dirty = useAppStore((s) => s.editor.drafts[s.editor.activeTab] !== undefined);
  const applyError = useAppStore((s) =>
    s.editor.applyError?.tab === s.editor.activeTab ? s.editor.applyError.reason : undefined,
  );
  const [cursor, setCursor] = useState<{ line: number; column: number } | undefined>(undefined);
  const mac = isMacPlatform();
  const s = () => store.getState();
  const right = placement === 'right';
  const id = 'ag-panel-editor';

  if (!open && right) {
    return (
      <div className="ag-rail" style={{ borderLeft: '1px solid var(--ag-border)' }}>
        <button
          type="button"
          className="ag-rail-label"
          aria-expanded="false"
          aria-controls={id}
          onClick={() => s().setPanelOpen('editor', true)}
        >
          {t('editor.title')}
        </button>
      </div>
    );
  }

  const header = (
    <div className="ag-panel-header ag-editor-header">
      <EditorTabs />
      <div className="ag-editor-actions">
        {active === SCENARIO_TAB ? (
          <button
            type="button"
            className="ag-icon-button"
            title={`${t('command.format')} (${shortcutLabel({ key: 'f', shift: true, alt: true }, mac)})`}
            aria-label={t('command.format')}
            onClick={() => s().formatDocument()}
          >
            <Icon name="format" />
          </button>
        ) : (
          <>
            {applyError === undefined ? null : (
              <span className="ag-apply-error">
                {t(applyError === 'syntax' ? 'editor.applySyntax' : 'editor.applyMissing')}
              </span>
            )}
            {dirty ? (
              <button type="button" className="ag-button" onClick={() => s().discardDraft(active)}>
                {t('editor.discard')}
              </button>
            ) : null}
            <button
              type="button"
              className="ag-button ag-button-primary"
              disabled={!dirty}
              title={t('editor.applyHint')}
              onClick={() => s().applyDraft(active)}
            >
              <Icon name="check" />
              {t('editor.apply')}{' '}
              <span className="ag-shortcut-hint">{shortcutLabel({ key: 's', mod: true }, mac)}</span>
            </button>
          </>
        )}
        <ProblemCount />
        {cursor === undefined ? null : (
          <span className="ag-cursor" data-testid="editor-cursor">
            {t('editor.cursor', { line: cursor.line, column: cursor.column })}
          </span>
        )}
        <button
          type="button"
          className="ag-icon-button"
          title={t(right ? 'editor.moveBottom' : 'editor.moveRight')}
          aria-label={t(right ? 'editor.moveBottom' : 'editor.moveRight')}
          onClick={() => s().setEditorPlacement(right ? 'bottom' : 'right')}
        >
          <Icon name={right ? 'panelBottom' : 'panelRight'} />
        </button>
        <button
          type="button"
          className="ag-icon-button"
          aria-expanded={open}
          aria-controls={id}
          title={t(open ? 'panel.hide' : 'panel.show', { panel: t('editor.title') })}
          aria-label={t(open ? 'panel.hide' : 'panel.show', { panel: t('editor.title') })}
          onClick={() => s().togglePanel('editor')}
        >
          <Icon name={open ? 'chevronDown' : 'chevronRight'} />
        </button>
      </div>
    </div>
  );

  return (
    <>
      {open ? (
        <Splitter
          panel="editor"
          orientation={right ? 'vertical' : 'horizontal'}
          direction={-1}
          size={size}
          label={t('panel.resize', { panel: t('editor.title') })}
          controls={id}
          onResize={(next) => s().setPanelSize('editor', next)}
          onToggle={() => s().togglePanel('editor')}
        />
      ) : null}
      <section
        className="ag-panel ag-editor"
        id={id}
        aria-label={t('editor.title')}
        data-placement={placement}
        data-open={open}
        style={open ? (right ? { width: size } : { height: size }) : undefined}
      >
        {header}
        {open ? (
          <div className="ag-editor-body">
            <Suspense fallback={<div className="ag-empty">{t('editor.loading')}</div>}>
              <MonacoHost onCursor={setCursor} />
            </Suspense>
          </div>
        ) : null}
      </section>
    </>
  );
}
