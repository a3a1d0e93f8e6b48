/**
 * A collapsible section of the Inspector. Until the user toggles it, it follows `defaultOpen`: the
 * findings section opens by itself when a newly loaded scenario has findings.
 */
import { useId, useState, type ReactNode } from 'react';
import { Icon } from '../icons';

export function Section({
  title,
  count,
  children,
  defaultOpen = true,
  testId,
}: {
  readonly title: string;
  readonly count?: number;
  readonly children: ReactNode;
  readonly defaultOpen?: boolean;
  readonly testId?: string;
}) {
  const [chosen, setChosen] = useState<boolean | undefined>(undefined);
  const open = chosen ?? defaultOpen;
  const id = useId();
  return (
    <section className="ag-section" data-testid={testId}>
      <h3 className="ag-section-heading">
        <button
          type="button"
          className="ag-section-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setChosen(!open)}
        >
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
          {title}
          {count === undefined ? null : <span className="ag-count">{count}</span>}
        </button>
      </h3>
      {open ? (
        <div className="ag-section-body" id={id}>
          {children}
        </div>
      ) : null}
    </section>
  );
}
