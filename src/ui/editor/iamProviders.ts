/**
 * Completion and hover docs for IAM inside JSON: actions (with access level and resource types),
 * condition operators and condition keys, from the catalog (each service's data loaded on demand).
 */
import type { Catalog, CatalogAction, CatalogConditionKey } from '../../catalog';
import type { Translate } from '../i18n';
import { slotAtCursor, slotAtHover, type IamSlot } from './iamContext';
import { languages, type IDisposable, type editor, type IRange, Range } from './monaco.slim';
import { operatorDocKeys, operatorNames, parseOperator } from './operatorDocs';

/** What the providers need from the app. */
export interface IamProviderDeps {
  readonly catalog: () => Promise<Catalog>;
  readonly t: () => Translate;
}

function rangeOf(model: editor.ITextModel, slot: IamSlot): IRange {
  const start = model.getPositionAt(slot.start);
  const end = model.getPositionAt(slot.end);
  return new Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

function quote(slot: IamSlot, text: string): string {
  return slot.quoted ? text : `"${text}"`;
}

function actionDoc(t: Translate, action: CatalogAction): string {
  const types = action.resourceTypes.map((r) => `\`${r.resourceType}\`${r.required ? '*' : ''}`).join(', ');
  const lines = [
    `**${action.action}** — ${action.accessLevels.join(', ')}`,
    action.description,
    types === '' ? t('editor.hover.wildcardOnly') : t('editor.hover.resourceTypes', { types }),
  ];
  if (action.dependentActions.length > 0)
    lines.push(
      t('editor.hover.dependent', { actions: action.dependentActions.map((a) => `\`${a}\``).join(', ') }),
    );
  return lines.join('\n\n');
}

function keyDoc(t: Translate, key: CatalogConditionKey): string {
  return [
    `**${key.key}** — ${key.type}`,
    key.description,
    key.type.startsWith('ArrayOf') ? t('editor.hover.multiValued') : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

async function actionItems(
  deps: IamProviderDeps,
  model: editor.ITextModel,
  slot: IamSlot,
): Promise<languages.CompletionItem[]> {
  const catalog = await deps.catalog();
  const range = rangeOf(model, slot);
  const colon = slot.prefix.indexOf(':');
  if (colon < 0) {
    return catalog.services.map((service) => ({
      label: { label: `${service.prefix}:`, description: service.name },
      kind: languages.CompletionItemKind.Module,
      insertText: slot.quoted ? `${service.prefix}:` : `"${service.prefix}:`,
      filterText: `${service.prefix}:`,
      range,
      command: { id: 'editor.action.triggerSuggest', title: '' },
    }));
  }
  const prefix = slot.prefix.slice(0, colon).toLowerCase();
  if (!(await catalog.loadService(prefix))) return [];
  const data = catalog.serviceData(prefix);
  const t = deps.t();
  const wildcard: languages.CompletionItem = {
    label: { label: `${prefix}:*`, description: t('editor.completion.allActions') },
    kind: languages.CompletionItemKind.Constant,
    insertText: quote(slot, `${prefix}:*`),
    range,
    sortText: '0',
  };
  return [
    wildcard,
    ...(data?.actions ?? []).map((action) => ({
      label: { label: action.action, description: action.accessLevels.join(', ') },
      kind: languages.CompletionItemKind.Function,
      detail: action.accessLevels.join(', '),
      documentation: { value: actionDoc(t, action) },
      insertText: quote(slot, action.action),
      filterText: action.action,
      range,
    })),
  ];
}

function snippetOf(key: string): string {
  let n = 0;
  return key.replace(/\$\{([A-Za-z]+)\}/g, (_whole, name: string) => `\${${++n}:${name}}`);
}

async function keyItems(
  deps: IamProviderDeps,
  model: editor.ITextModel,
  slot: Extract<IamSlot, { kind: 'conditionKey' }>,
): Promise<languages.CompletionItem[]> {
  const catalog = await deps.catalog();
  await catalog.loadServices(slot.services);
  const t = deps.t();
  const keys = [
    ...catalog.globalConditionKeys,
    ...slot.services.flatMap((s) => catalog.serviceData(s)?.conditionKeys ?? []),
  ];
  const range = rangeOf(model, slot);
  return keys.map((key, i) => ({
    label: { label: key.key, description: key.type },
    kind: languages.CompletionItemKind.Property,
    documentation: { value: keyDoc(t, key) },
    insertText: quote(slot, snippetOf(key.key)),
    insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet,
    filterText: key.key,
    sortText: (key.key.startsWith('aws:') ? 'b' : 'a') + String(i).padStart(5, '0'),
    range,
  }));
}

function operatorItems(
  deps: IamProviderDeps,
  model: editor.ITextModel,
  slot: IamSlot,
): languages.CompletionItem[] {
  const t = deps.t();
  const range = rangeOf(model, slot);
  return operatorNames().flatMap((name, i) => {
    const parts = parseOperator(name);
    if (parts === undefined) return [];
    return [
      {
        label: name,
        kind: languages.CompletionItemKind.Operator,
        documentation: {
          value: operatorDocKeys(parts)
            .map((k) => t(k))
            .join('\n\n'),
        },
        insertText: quote(slot, name),
        sortText: String(i).padStart(4, '0'),
        range,
      },
    ];
  });
}

async function hoverFor(
  deps: IamProviderDeps,
  slot: IamSlot & { value: string },
): Promise<string | undefined> {
  const t = deps.t();
  if (slot.kind === 'operator') {
    const parts = parseOperator(slot.value);
    return parts === undefined
      ? undefined
      : [`**${slot.value}**`, ...operatorDocKeys(parts).map((k) => t(k))].join('\n\n');
  }
  const catalog = await deps.catalog();
  if (slot.kind === 'conditionKey') {
    await catalog.loadServices([...slot.services, slot.value.slice(0, Math.max(0, slot.value.indexOf(':')))]);
    const key = catalog.lookupConditionKey(slot.value);
    return key === undefined ? t('editor.hover.unknownKey', { key: slot.value }) : keyDoc(t, key);
  }
  const colon = slot.value.indexOf(':');
  if (colon > 0) await catalog.loadService(slot.value.slice(0, colon));
  if (/[*?]/.test(slot.value)) {
    const matches = catalog.expandActionPattern(slot.value);
    const byLevel = new Map<string, number>();
    for (const a of matches)
      for (const level of a.accessLevels) byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
    const levels = [...byLevel].map(([level, n]) => `${level} ${n}`).join(' · ');
    return [`**${slot.value}**`, t('editor.hover.matches', { count: matches.length }), levels]
      .filter(Boolean)
      .join('\n\n');
  }
  const action = catalog.lookupAction(slot.value);
  return action === undefined
    ? t('editor.hover.unknownAction', { action: slot.value })
    : actionDoc(t, action);
}

/** Registers the providers for JSON models; returns their disposer. */
export function registerIamProviders(deps: IamProviderDeps): IDisposable {
  const completion = languages.registerCompletionItemProvider('json', {
    triggerCharacters: [':', '"'],
    async provideCompletionItems(model, position) {
      const slot = slotAtCursor(model.getValue(), model.getOffsetAt(position));
      if (slot === undefined) return undefined;
      try {
        const suggestions =
          slot.kind === 'action'
            ? await actionItems(deps, model, slot)
            : slot.kind === 'operator'
              ? operatorItems(deps, model, slot)
              : await keyItems(deps, model, slot);
        return { suggestions };
      } catch {
        // The catalog could not be loaded (offline build without data): no IAM suggestions, the schema's remain.
        return undefined;
      }
    },
  });
  const hover = languages.registerHoverProvider('json', {
    async provideHover(model, position) {
      const slot = slotAtHover(model.getValue(), model.getOffsetAt(position));
      if (slot === undefined) return undefined;
      try {
        const value = await hoverFor(deps, slot);
        return value === undefined ? undefined : { contents: [{ value }], range: rangeOf(model, slot) };
      } catch {
        return undefined;
      }
    },
  });
  return { dispose: () => [completion, hover].forEach((d) => d.dispose()) };
}
