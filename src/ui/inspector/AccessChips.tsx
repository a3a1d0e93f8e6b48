/**
 * Access levels as small chips (List, Read, Write, Permissions management, Tagging): solid when
 * allowed, dashed amber when only conditionally; the title gives the counts.
 */
import type { LevelSummary } from '../../analysis/types';
import type { AccessLevel } from '../../catalog/vocabulary';
import { useT, type PlainKey } from '../useT';

const SHORT: Readonly<Record<AccessLevel, PlainKey>> = {
  List: 'level.short.List',
  Read: 'level.short.Read',
  Write: 'level.short.Write',
  'Permissions management': 'level.short.Permissions management',
  Tagging: 'level.short.Tagging',
};

export function AccessChips({ levels }: { readonly levels: readonly LevelSummary[] }) {
  const t = useT();
  return (
    <span className="ag-chips">
      {levels.map((l) => {
        const conditional = l.allowed === 0 && l.conditional > 0;
        return (
          <span
            key={l.level}
            className="ag-chip"
            data-level={l.level}
            data-conditional={conditional}
            title={t('level.counts', {
              level: l.level,
              allowed: l.allowed,
              conditional: l.conditional,
              total: l.total,
            })}
          >
            {t(SHORT[l.level])}
          </span>
        );
      })}
    </span>
  );
}
