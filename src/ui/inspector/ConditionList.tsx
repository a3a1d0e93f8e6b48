/**
 * The conditions an access depends on (needs `sts:ExternalId`, avoids MFA absent…), as amber tags.
 */
import type { EdgeCondition } from '../../analysis/types';
import { useT } from '../useT';

export function ConditionList({ conditions }: { readonly conditions: readonly EdgeCondition[] }) {
  const t = useT();
  if (conditions.length === 0) return null;
  return (
    <span className="ag-conditions">
      {conditions.map((c, i) => (
        <span
          key={i}
          className="ag-tag ag-tag-conditional"
          title={`${c.condition.operator} ${c.condition.key} ${c.condition.values.join(', ')}`}
        >
          {t(c.effect === 'needs' ? 'condition.needs' : 'condition.avoids', { key: c.condition.key })}
        </span>
      ))}
    </span>
  );
}
