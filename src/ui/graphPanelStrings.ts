/**
 * The graph panel's words in the user's language (raw templates: the panel fills `{name}` itself).
 */
import type { Language } from '../io/share/languages';
import type { GraphPanelStrings } from './graph/graphStrings';
import { DEFAULT_PANEL_STRINGS } from './graph/graphStrings';
import { CATALOGUES, type MessageKey } from './i18n';

const cache = new Map<Language, GraphPanelStrings>();

/** Every panel string, from the `graphPanel.*` messages (English defaults for any the catalogue lacks). */
export function graphPanelStrings(language: Language): GraphPanelStrings {
  const cached = cache.get(language);
  if (cached !== undefined) return cached;
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[language];
  const strings = Object.fromEntries(
    Object.entries(DEFAULT_PANEL_STRINGS).map(([name, english]) => [
      name,
      catalogue[`graphPanel.${name}` satisfies string as MessageKey] ?? english,
    ]),
  ) as unknown as GraphPanelStrings;
  cache.set(language, strings);
  return strings;
}
