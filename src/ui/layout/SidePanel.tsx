/**
 * A resizable, collapsible panel at the left or right edge. Collapsed, it leaves a narrow rail with
 * its name, which reopens it.
 */
import type { ReactNode } from 'react';
import type { PanelId } from '../../state/viewPrefs';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';
import { Splitter } from './Splitter';

export interface SidePanelProps {
  readonly panel: PanelId;
  readonly side: 'left' | 'right';
  readonly title: string;
  /** Buttons in the header, before the collapse button. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

export function SidePanel({ panel, side, title, actions, children }: SidePanelProps) {
  const t = useT();
  const store = useAppStoreApi();
  const size = useAppStore((s) => s.view.layout.sizes[panel]);
  const open = useAppStore((s) => s.view.layout.open[panel]);
  const id = `ag-panel-${panel}`;
  const toggle = () => store.getState().togglePanel(panel);
  if (!open) {
    return (
      <div
        className="ag-rail"
        data-side={side}
        style={
          side === 'left'
            ? { borderRight: '1px solid var(--ag-border)' }
            : { borderLeft: '1px solid var(--ag-border)' }
        }
      >
        <button
          type="button"
          className="ag-rail-label"
          aria-expanded="false"
          aria-controls={id}
          onClick={toggle}
          title={t('panel.show', { panel: title })}
        >
          {title}
        </button>
      </div>
    );
  }
  const splitter = (
    <Splitter
      panel={panel}
      orientation="vertical"
      direction={side === 'left' ? 1 : -1}
      size={size}
      label={t('panel.resize', { panel: title })}
      controls={id}
      onResize={(next) => store.getState().setPanelSize(panel, next)}
      onToggle={toggle}
    />
  );
  return (
    <>
      {side === 'right' ? splitter : null}
      <section className="ag-panel" id={id} aria-label={title} style={{ width: size }} data-panel={panel}>
        <div className="ag-panel-header">
          <h2 className="ag-panel-title">{title}</h2>
          {actions}
          <button
            type="button"
            className="ag-icon-button"
            aria-expanded="true"
            aria-controls={id}
            title={t('panel.hide', { panel: title })}
            aria-label={t('panel.hide', { panel: title })}
            onClick={toggle}
          >
            <Icon name={side === 'left' ? 'panelLeft' : 'panelRight'} />
          </button>
        </div>
        <div className="ag-panel-body">{children}</div>
      </section>
      {side === 'left' ? splitter : null}
    </>
  );
}
