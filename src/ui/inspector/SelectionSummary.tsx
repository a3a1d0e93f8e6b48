/**
 * The selected node: what it is, where it lives, its flags, its full ARN, and shortcuts to its
 * declaration and to the simulator.
 */
import type { GraphNode } from '../../analysis/types';
import { lookupOf } from '../../state/graphLookup';
import { findingsAbout, selectGraph, selectPolicyTabs } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { NodeIcon } from '../NodeIcon';
import { countText, useT, type PlainKey } from '../useT';
import { kindKey } from './explainText';

const PRINCIPAL_KINDS = new Set(['user', 'role', 'session', 'service', 'idp', 'anonymous']);

function flagKey(flag: GraphNode['flags'][number]): PlainKey {
  return `flag.${flag}`;
}

export function SelectionSummary({ node }: { readonly node: GraphNode }) {
  const t = useT();
  const store = useAppStoreApi();
  const graph = useAppStore(selectGraph);
  const tabs = useAppStore(selectPolicyTabs);
  const s = () => store.getState();
  const account =
    graph === undefined || node.account === undefined || node.kind === 'account'
      ? undefined
      : lookupOf(graph).nodes.get(node.account);
  const findings = graph === undefined ? [] : findingsAbout(graph, node.id);
  const principal = PRINCIPAL_KINDS.has(node.kind);
  return (
    <div className="ag-summary" data-testid="selection-summary">
      <div className="ag-summary-head">
        <span
          className="ag-summary-icon"
          data-kind={node.kind}
          data-external={node.flags.includes('external')}
        >
          <NodeIcon node={node} size={20} />
        </span>
        <div className="ag-summary-names">
          <strong className="ag-summary-label">{node.label}</strong>
          <span className="ag-muted">
            {t(kindKey(node.kind))}
            {account === undefined ? null : ` · ${account.label}`}
          </span>
        </div>
      </div>
      <code className="ag-arn" title={node.id}>
        {node.id}
      </code>
      {node.flags.length === 0 && findings.length === 0 ? null : (
        <div className="ag-tags">
          {node.flags.map((flag) => (
            <span key={flag} className="ag-tag" data-flag={flag}>
              {t(flagKey(flag))}
            </span>
          ))}
          {findings.length === 0 ? null : (
            <span className="ag-tag ag-tag-finding">
              {countText(t, 'explorer.findings', findings.length)}
            </span>
          )}
        </div>
      )}
      <div className="ag-summary-actions">
        {node.path === undefined ? null : (
          <button type="button" className="ag-button" onClick={() => s().revealPath(node.path ?? [])}>
            <Icon name="arrowRight" size={14} />
            {t('summary.showDeclaration')}
          </button>
        )}
        {principal ? (
          <button
            type="button"
            className="ag-button"
            onClick={() => s().setSimulator({ principal: node.id })}
          >
            {t('summary.simulateAs')}
          </button>
        ) : null}
        {node.kind === 'resource' ? (
          <button type="button" className="ag-button" onClick={() => s().setSimulator({ resource: node.id })}>
            {t('summary.simulateOn')}
          </button>
        ) : null}
      </div>
      {tabs.length === 0 ? null : (
        <p className="ag-muted ag-small">{countText(t, 'summary.tabsOpened', tabs.length)}</p>
      )}
    </div>
  );
}
