/** The header of a collapsible Explorer section (Findings, Changes): chevron, title and a count. */
import { Icon } from '../icons';

export function SectionToggle({
  open,
  onToggle,
  title,
  count,
  highlighted = false,
}: {
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly title: string;
  readonly count: string | number;
  /** The count in the accent colour (there is something to look at). */
  readonly highlighted?: boolean;
}) {
  return (
    <button type="button" className="ag-section-toggle" aria-expanded={open} onClick={onToggle}>
      <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
      {title}
      <span className="ag-count" data-changed={highlighted}>
        {count}
      </span>
    </button>
  );
}
