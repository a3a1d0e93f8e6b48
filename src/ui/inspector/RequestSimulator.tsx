/**
 * The request simulator: principal, action, resource and request context (with suggestions from the
 * scenario and the catalog), evaluated exactly by the engine in the worker. The result walks through
 * the AWS evaluation flow.
 */
import { useId } from 'react';
import type { ContextRow } from '../../state/AppState';
import { selectGraph } from '../../state/selectors';
import { useAppStore, useAppStoreApi } from '../AppServices';
import { isMacPlatform, shortcutLabel } from '../commands/commands';
import { Icon } from '../icons';
import { useCatalog } from '../useCatalog';
import { useT } from '../useT';
import { EvaluationResult } from './EvaluationResult';
import {
  actionSuggestions,
  contextKeySuggestions,
  principalSuggestions,
  resourceSuggestions,
  servicePrefix,
  type Suggestion,
} from './simulatorSuggestions';

function Options({ id, items }: { readonly id: string; readonly items: readonly Suggestion[] }) {
  return (
    <datalist id={id}>
      {items.slice(0, 600).map((s) => (
        <option key={s.value} value={s.value} label={s.label} />
      ))}
    </datalist>
  );
}

export function RequestSimulator() {
  const t = useT();
  const store = useAppStoreApi();
  const form = useAppStore((s) => s.simulator);
  const graph = useAppStore(selectGraph);
  const part = useAppStore((s) => s.analysis.simulatorPart);
  const running = useAppStore((s) => s.simulation.status === 'running');
  const catalog = useCatalog([servicePrefix(form.action)]);
  const id = useId();
  const s = () => store.getState();
  const mac = isMacPlatform();

  function setRow(index: number, row: ContextRow | undefined) {
    const context = [...form.context];
    if (row === undefined) context.splice(index, 1);
    else context[index] = row;
    s().setSimulator({ context });
  }

  return (
    <form
      className="ag-simulator"
      data-testid="simulator"
      onSubmit={(e) => {
        e.preventDefault();
        void s().simulate();
      }}
    >
      <label className="ag-form-row">
        <span>{t('simulator.principal')}</span>
        <input
          className="ag-field ag-mono"
          list={`${id}-p`}
          value={form.principal}
          spellCheck={false}
          placeholder="arn:aws:iam::111122223333:role/Name"
          onChange={(e) => s().setSimulator({ principal: e.target.value })}
        />
      </label>
      <label className="ag-form-row">
        <span>{t('simulator.action')}</span>
        <input
          className="ag-field ag-mono"
          list={`${id}-a`}
          value={form.action}
          spellCheck={false}
          placeholder="s3:GetObject"
          onChange={(e) => s().setSimulator({ action: e.target.value })}
        />
      </label>
      <label className="ag-form-row">
        <span>{t('simulator.resource')}</span>
        <input
          className="ag-field ag-mono"
          list={`${id}-r`}
          value={form.resource}
          spellCheck={false}
          placeholder="arn:aws:s3:::bucket/key"
          onChange={(e) => s().setSimulator({ resource: e.target.value })}
        />
      </label>
      <Options id={`${id}-p`} items={principalSuggestions(graph)} />
      <Options
        id={`${id}-a`}
        items={actionSuggestions(catalog, form.action, graph, form.principal, form.resource, part)}
      />
      <Options id={`${id}-r`} items={resourceSuggestions(graph)} />
      <Options id={`${id}-k`} items={contextKeySuggestions(catalog, form.action)} />
      <fieldset className="ag-context">
        <legend>{t('simulator.context')}</legend>
        {form.context.length === 0 ? <p className="ag-muted ag-small">{t('simulator.contextHint')}</p> : null}
        {form.context.map((row, index) => (
          <div className="ag-context-row" key={index}>
            <input
              className="ag-field ag-mono"
              list={`${id}-k`}
              aria-label={t('simulator.contextKey')}
              placeholder="sts:ExternalId"
              value={row.key}
              spellCheck={false}
              onChange={(e) => setRow(index, { ...row, key: e.target.value })}
            />
            <input
              className="ag-field ag-mono"
              aria-label={t('simulator.contextValue')}
              placeholder={t('simulator.valuePlaceholder')}
              value={row.value}
              spellCheck={false}
              onChange={(e) => setRow(index, { ...row, value: e.target.value })}
            />
            <button
              type="button"
              className="ag-icon-button"
              aria-label={t('simulator.removeContext')}
              title={t('simulator.removeContext')}
              onClick={() => setRow(index, undefined)}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        ))}
        <button
          type="button"
          className="ag-link"
          onClick={() => s().setSimulator({ context: [...form.context, { key: '', value: '' }] })}
        >
          <Icon name="plus" size={12} /> {t('simulator.addContext')}
        </button>
      </fieldset>
      <div className="ag-form-actions">
        <button
          type="submit"
          className="ag-button ag-button-primary"
          disabled={running}
          data-testid="simulate"
        >
          <Icon name="play" size={14} />
          {t('simulator.run')}
        </button>
        <span className="ag-muted ag-small">{shortcutLabel({ key: 'Enter', mod: true }, mac)}</span>
      </div>
      <EvaluationResult />
    </form>
  );
}
