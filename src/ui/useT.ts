/**
 * The translation function for the language the user chose.
 */
import { useMemo } from 'react';
import { createTranslator, type MessageKey, type MessageParams, type Translate } from './i18n';
import { useAppStore } from './AppServices';

/** `t(key, params)` in the current language. */
export function useT(): Translate {
  const language = useAppStore((s) => s.view.language);
  return useMemo(() => createTranslator(language), [language]);
}

/** The message keys that take no parameters (usable where the key is chosen at run time). */
export type PlainKey = { [K in MessageKey]: MessageParams<K> extends [] ? K : never }[MessageKey];

/** Message keys that have a singular variant `<key>One` (without parameters). */
type Countable =
  | 'explorer.findings'
  | 'summary.tabsOpened'
  | 'notice.imported'
  | 'step.otherStatements'
  | 'editor.errors'
  | 'editor.warnings';

/** `t` for a count: the `…One` message for 1, else the plural one with `{count}`. */
export function countText(t: Translate, key: Countable, count: number): string {
  return count === 1 ? t(`${key}One`) : t(key, { count });
}
