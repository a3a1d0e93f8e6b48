/**
 * The editor's tab bar: the scenario, then the focused tabs for the selected node's policies, then
 * any unapplied draft whose node is no longer selected. A dot marks a tab with unapplied changes.
 */
import { SCENARIO_TAB } from '../../state/AppState';
import { selectPolicyTabs } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { useT } from '../useT';
import { orphanLabel, tabLabel } from './tabLabel';

export function EditorTabs() {
  const t = useT();
  const store = useAppStoreApi();
  const tabs = useAppStore(selectPolicyTabs);
  const drafts = useAppStore((s) => s.editor.drafts);
  const active = useAppStore((s) => s.editor.activeTab);
  const known = new Set(tabs.map((tab) => tab.id));
  const orphans = Object.entries(drafts).filter(([id]) => !known.has(id));
  const items = [
    {
      id: SCENARIO_TAB,
      label: t('editor.tab.scenario'),
      title: t('editor.tab.scenarioTitle'),
      kind: 'scenario',
    },
    ...tabs.map((tab) => ({ id: tab.id, label: tabLabel(t, tab), title: tab.id.slice(2), kind: tab.kind })),
    ...orphans.map(([id, draft]) => ({
      id,
      label: orphanLabel(draft.path),
      title: id.slice(2),
      kind: 'draft',
    })),
  ];
  return (
    <div className="ag-editor-tabs" role="tablist" aria-label={t('editor.tabs')}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          className="ag-editor-tab"
          aria-selected={item.id === active}
          data-kind={item.kind}
          data-dirty={drafts[item.id] !== undefined}
          title={item.title}
          onClick={() => store.getState().setActiveTab(item.id)}
        >
          <span className="ag-editor-tab-label">{item.label}</span>
          {drafts[item.id] === undefined ? null : (
            <span className="ag-dirty" aria-label={t('editor.unapplied')} />
          )}
        </button>
      ))}
    </div>
  );
}
