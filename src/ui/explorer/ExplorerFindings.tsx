/**
 * The findings at the foot of the Explorer tree, collapsible.
 */
import { useState } from 'react';
import { useAppStore } from '../AppServices';
import { Icon } from '../icons';
import { FindingsList } from '../inspector/FindingsList';
import { useT } from '../useT';

export function ExplorerFindings() {
  const t = useT();
  const findings = useAppStore((s) => s.analysis.graph?.findings);
  const [open, setOpen] = useState(true);
  if (findings === undefined) return null;
  return (
    <section className="ag-explorer-findings">
      <button
        type="button"
        className="ag-section-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
        {t('findings.title')}
        <span className="ag-count">{findings.length}</span>
      </button>
      {open ? <FindingsList findings={findings} compact /> : null}
    </section>
  );
}
