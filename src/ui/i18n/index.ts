/**
 * Translation: `createTranslator(language)` gives a typed `t(key, params)`. The language itself is chosen
 * by the UI (from `navigator.languages` via `pickLanguage`, or the user's choice); this module only
 * looks strings up and fills in parameters.
 */
import type { ShareError } from '../../io/share/shareError';
import type { Language } from '../../io/share/languages';
import { MESSAGES_EN, type MessageKey, type Messages } from './messages.en';
import { MESSAGES_JA } from './messages.ja';

export { LANGUAGES, isLanguage, pickLanguage, type Language } from '../../io/share/languages';
export type { MessageKey, Messages } from './messages.en';

/** The catalogue of each language. */
export const CATALOGUES: { readonly [L in Language]: Messages } = { en: MESSAGES_EN, ja: MESSAGES_JA };

/** The parameter names a message text uses (`'{a} of {b}'` → `'a' | 'b'`). */
export type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;

/** The values a key's message needs; keys without parameters take none. */
export type MessageParams<K extends MessageKey> = [ParamsOf<(typeof MESSAGES_EN)[K]>] extends [never] ? [] : [params: { readonly [P in ParamsOf<(typeof MESSAGES_EN)[K]>]: string | number }];

/** A translation function for one language. */
export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays as written. */
export function format(text: string, params: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The translator for `language`. */
export function createTranslator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, ...params) => format(catalogue[key], params[0]);
}

/** The sentence that explains a share-link error to the user, in their language. */
export function shareErrorMessage(language: Language, error: ShareError): string {
  const key: MessageKey = `share.error.${error.code}`;
  return format(CATALOGUES[language][key], error.params);
}
