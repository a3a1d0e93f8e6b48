import { describe, expect, it } from 'vitest';
import { SHARE_ERROR_CODES } from '../../../src/io/share/shareError';
import { decodeShare } from '../../../src/io/share/shareCodec';
import { CATALOGUES, createTranslator, format, LANGUAGES, pickLanguage, shareErrorMessage } from '../../../src/ui/i18n/index';
import { MESSAGES_EN } from '../../../src/ui/i18n/messages.en';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogues', () => {
  it('have the same keys and the same placeholders in every language', () => {
    for (const language of LANGUAGES) {
      const catalogue = CATALOGUES[language];
      expect(Object.keys(catalogue).sort()).toStrictEqual(Object.keys(MESSAGES_EN).sort());
      for (const [key, text] of Object.entries(MESSAGES_EN)) {
        expect(placeholders(catalogue[key as keyof typeof MESSAGES_EN]), `${language} ${key}`).toStrictEqual(placeholders(text));
        expect(catalogue[key as keyof typeof MESSAGES_EN].trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('explain every share error code', () => {
    for (const code of SHARE_ERROR_CODES) for (const language of LANGUAGES) expect(CATALOGUES[language][`share.error.${code}`]).toBeTruthy();
  });
});

describe('translation', () => {
  it('fills parameters', () => {
    expect(createTranslator('en')('lessons.step.progress', { current: 2, total: 5 })).toBe('Step 2 of 5');
    expect(createTranslator('ja')('lessons.step.progress', { current: 2, total: 5 })).toBe('ステップ 2 / 5');
    expect(createTranslator('ja')('share.copy')).toBe('リンクをコピー');
  });

  it('leaves unknown placeholders alone and never reads inherited properties', () => {
    expect(format('{a} {b} {toString}', { a: 1 })).toBe('1 {b} {toString}');
  });

  it('turns a share error into a sentence in the user’s language', () => {
    const result = decodeShare('#s=9abc');
    if (result.ok) throw new Error('expected an error');
    expect(shareErrorMessage('en', result.error)).toBe('This link uses format version 9, which this version of AccessGraph cannot read. It may come from a newer version.');
    expect(shareErrorMessage('ja', result.error)).toBe('このリンクは形式バージョン 9 を使っており、このバージョンの AccessGraph では読み込めません。新しいバージョンで作られた可能性があります。');
  });
});

describe('pickLanguage', () => {
  it('takes the first supported primary subtag, English otherwise', () => {
    expect(pickLanguage(['ja-JP', 'en-US'])).toBe('ja');
    expect(pickLanguage(['fr-FR', 'en-GB', 'ja'])).toBe('en');
    expect(pickLanguage(['de', 'JA'])).toBe('ja');
    expect(pickLanguage([])).toBe('en');
  });
});
