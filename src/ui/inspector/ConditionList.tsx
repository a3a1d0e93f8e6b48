/**
 * The conditions an access depends on (needs `sts:ExternalId`, avoids MFA absent…), as amber tags.
 */
import type { EdgeCondition } from '../../analysis/types';
import { Fragment } from 'react';
import { useT } from '../useT';

/** Stands for the key in the translated text, so the key can be drawn with a break opportunity. */
const KEY = '\u0000';

/**
 * `aws:SourceAccount` with a line-break opportunity after the prefix: in a narrow column the tag broke
 * inside the name (`aws:SourceAcco` / `unt`). `<wbr>` adds no text, so the tag reads and copies as before.
 */
function Key({ name }: { readonly name: string }) {
  const colon = name.indexOf(':');
  if (colon < 0) return <>{name}</>;
  return (
    <>
      {name.slice(0, colon + 1)}
      <wbr />
      {name.slice(colon + 1)}
    </>
  );
}

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
          {/* One inline run inside the flex tag, so its spaces and the break opportunity survive. */}
          <span>
            {t(c.effect === 'needs' ? 'condition.needs' : 'condition.avoids', { key: KEY })
              .split(KEY)
              .map((part, j) => (
                <Fragment key={j}>
                  {j > 0 ? <Key name={c.condition.key} /> : null}
                  {part}
                </Fragment>
              ))}
          </span>
        </span>
      ))}
    </span>
  );
}
