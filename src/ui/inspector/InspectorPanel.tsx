/**
 * The Inspector: the selection (summary, then what a principal reaches or who reaches a resource),
 * the request simulator, and the findings. Empty states say what to do.
 */
import { PRINCIPAL_NODE_KINDS } from '../../analysis/types';
import { reacherCount, reachedCount } from '../../state/graphLookup';
import { selectGraph, selectSelectedEdge, selectSelectedNode } from '../../state/selectors';
import { useAppStore } from '../AppServices';
import { SidePanel } from '../layout/SidePanel';
import { useT } from '../useT';
import { EdgeSummary } from './EdgeSummary';
import { EffectiveAccessTable } from './EffectiveAccessTable';
import { FindingsList } from './FindingsList';
import { FirstHint } from './FirstHint';
import { RequestSimulator } from './RequestSimulator';
import { Section } from './Section';
import { SelectionSummary } from './SelectionSummary';
import { WhoCanReach } from './WhoCanReach';

const PRINCIPALS: ReadonlySet<string> = new Set(PRINCIPAL_NODE_KINDS);

function SelectionSection() {
  const t = useT();
  const graph = useAppStore(selectGraph);
  const node = useAppStore(selectSelectedNode);
  const edge = useAppStore(selectSelectedEdge);
  const selectedId = useAppStore((s) => s.selection.id);
  if (graph === undefined) return <p className="ag-empty">{t('inspector.waiting')}</p>;
  if (edge !== undefined) return <Section title={t('inspector.edge')}>{<EdgeSummary edge={edge} />}</Section>;
  if (node === undefined) {
    return (
      <>
        <FirstHint graph={graph} />
        <p className="ag-empty">
          <strong>{t(selectedId === undefined ? 'inspector.emptyTitle' : 'inspector.goneTitle')}</strong>
          {t('inspector.emptyBody')}
        </p>
      </>
    );
  }
  return (
    <>
      <Section title={t('inspector.selection')}>
        <SelectionSummary node={node} />
      </Section>
      {PRINCIPALS.has(node.kind) ? (
        <Section title={t('inspector.reaches')} count={reachedCount(graph, node.id)}>
          <EffectiveAccessTable graph={graph} principal={node.id} />
        </Section>
      ) : null}
      {node.kind === 'resource' ? (
        <Section title={t('inspector.reachedBy')} count={reacherCount(graph, node.id)}>
          <WhoCanReach graph={graph} resource={node.id} />
        </Section>
      ) : null}
    </>
  );
}

function AllFindings() {
  const t = useT();
  const findings = useAppStore((s) => s.analysis.graph?.findings);
  if (findings === undefined) return null;
  return (
    <Section
      title={t('findings.title')}
      count={findings.length}
      defaultOpen={findings.length > 0}
      testId="inspector-findings"
    >
      <FindingsList findings={findings} />
    </Section>
  );
}

export function InspectorPanel() {
  const t = useT();
  return (
    <SidePanel panel="inspector" side="right" title={t('inspector.title')}>
      <SelectionSection />
      <Section title={t('simulator.title')} testId="simulator-section">
        <RequestSimulator />
      </Section>
      <AllFindings />
    </SidePanel>
  );
}
