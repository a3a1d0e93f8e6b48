/**
 * The findings at the foot of the Explorer tree, collapsible.
 */
import { useState } from 'react';
import { useAppStore } from '../AppServices';
import { FindingsList } from '../inspector/FindingsList';
import { useT } from '../useT';
import { SectionToggle } from './SectionToggle';

export function ExplorerFindings() {
  const t = useT();
  const findings = useAppStore((s) => s.analysis.graph?.findings);
  const [open, setOpen] = useState(true);
  if (findings === undefined) return null;
  return (
    <section className="ag-explorer-findings">
      <SectionToggle
        open={open}
        onToggle={() => setOpen((o) => !o)}
        title={t('findings.title')}
        count={findings.length}
      />
      {open ? <FindingsList findings={findings} compact /> : null}
    </section>
  );
}
