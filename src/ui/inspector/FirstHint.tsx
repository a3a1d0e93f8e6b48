/**
 * The one sentence on first load that says what to click first: the principal that reaches the most,
 * named, so the graph can tell its story.
 */
import type { AccessGraph } from '../../analysis/types';
import { lookupOf, reachCounts } from '../../state/graphLookup';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { Icon } from '../icons';
import { useT } from '../useT';

/**
 * The principal worth clicking first: the one the scenario's first request is about (the lesson's
 * protagonist), else the one that reaches the most resources (ties: by name).
 */
export function firstPrincipal(graph: AccessGraph, protagonist: string): string | undefined {
  if (lookupOf(graph).nodes.has(protagonist)) return protagonist;
  const best = reachCounts(graph).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (best !== undefined && best[1] > 0) return best[0];
  return graph.nodes.find((n) => n.kind === 'user' || n.kind === 'role')?.id;
}

export function FirstHint({ graph }: { readonly graph: AccessGraph }) {
  const t = useT();
  const store = useAppStoreApi();
  const protagonist = useAppStore((s) => s.simulator.principal);
  const id = firstPrincipal(graph, protagonist);
  const node = id === undefined ? undefined : lookupOf(graph).nodes.get(id);
  return (
    <div className="ag-hint" data-testid="first-hint">
      <Icon name="pointer" />
      <span>
        {node === undefined ? (
          t('hint.selectAny')
        ) : (
          <>
            {t('hint.clickBefore')}
            <button
              type="button"
              className="ag-link ag-hint-target"
              onClick={() => store.getState().select(node.id, { focus: true })}
            >
              {node.label}
            </button>
            {t('hint.clickAfter')}
          </>
        )}
      </span>
    </div>
  );
}
