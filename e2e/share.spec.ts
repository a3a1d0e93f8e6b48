/**
 * Share links end to end: the Share button's link reopens the same scenario, selection, simulated
 * request and lesson step; frozen links from format version 1 keep opening; broken, truncated and
 * hostile links say why in the user's language and leave the autosaved work alone.
 */
import { deflateSync } from 'fflate';
import { encodeBase64Url } from '../src/io/share/base64url';
import { SHARE_DICTIONARY_V1 } from '../src/io/share/dictionaryV1';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { SharePage } from './pages/SharePage';

const USER1 = 'arn:aws:iam::222222222222:user/User1';
const ROLE = 'arn:aws:iam::222222222222:role/CrossAccountRole';

/** Frozen on 2026-12-02 (test/fixtures/share/v1-external-id-view.json): Japanese scenario, a selection, an AssumeRole request with sts:ExternalId, language ja. Never regenerate. */
const FROZEN_EXTERNAL_ID = '#s=1A2ZmYMkLj1wUjUZIAJIxnIvyi4uhNSTYVmD8F6UWAmthcNLC6W5DJABJq4lAv4McTbp3iHAV_oIR2DgHulgXKA0W0wWWDKBGTU5iXnopqGKzUspKVKrlIqa8Qpir8GT3jMeNvY8b1ymg-AK1OHvctOhx0-rHTcseN29-3Nyh4KQA1PC4ee3j5j2Pm1c_blyPrsBR4XHTpKdLpr1sXqHg6QK3ZPmT_QtfLtjzuHH648Z9jxtnPm5owlpSIoc7otSEBpWCI6JgRA5UTIVO4D4K3kIIdwxjK5IgQYQl3qhXUGEmKCxZn9gEBSnWQIkdX_1BVMqkS8WCEhuEahi0TgB6E4q4_AMOIWASxFqKgpOCAqTTVawA7CoqgEJHoRzYWQXzYEYBkzi-0m_QlyKYBW1sLQA';
/** Frozen on 2026-12-02 (test/fixtures/share/v1-bucket-delegation-lesson.json): the first lesson at its second step. */
const FROZEN_LESSON = '#s=1tVg7chpBEM19ig7tLYQLhTgSmRJFcqaAYXfFUoVmXMwiinKiQzjx9XQSv-757SwsAkuiigDm192v-_Wb-d0paymRhZDsVQU-hljjo5gra7T2iWgYvdwy-6Nnoa6-nFPUN5o81OR3rS3tGtXSqqWdsoQ1oLHqoPg937txS74zz-hxu17zljiOWoNdLBmJvP2RJv1iQDGg13sCL1dhgdG85ifAvh6R0hVp0zYg5_DvZHyUcyadT-Iff9pNYpjrzudg3ky0_sli7q53VS1GyQFnT-eTjzEBWljlg_oppCAd2fX2okcNWRn4HFPfA2Fg7puMERZlzNGD5UIWcao4SdTQlS8m8gyGQ0Z3WuXcaMC_o1wkyEouWySuT3laaUqQDhLHcJ5cSmHR2k3N94JxaZ9PEoyzulQadSb139bJ-veb3NON_2n1EBdnxpcI_cca35W4n2D5JFjOOTNN1Oj5lunXk9_lrnC1fXDqDLmCp4VkOxcXsRXUoHPwULcbxGl5WznPN6nbz8iug5pgTOrnGp3ouGv8zENPZlNjAtKNZ4kz73EFueZ4wovat70ZxgYUdeoycL8zoePbERpuTW7LdEkIfZPw8mSpKDyDFcWYbuG6m06OzYmDZml-2ts5vb78kUjtGsghMo_YNoS2KGSUu708H2E35uQ5iwHgsNkHMv06T2Q8_zZ-0A_6Tj2xOgAMQcSAcRVKygXvaqEsSsmbWhlYyuguV89giihRlN5DkIDSy-1abQTkKZdfEQVRwdPYfH_KiP2w-FnhePRT3OHNBvxZrqCReMwlCcsoFizxytVriEPAZjIFgj2BF9MxaTWmjysRUsmjQGce0Fsd83jkxqQ-ETXYq7H3Pg-UwMBxZSBYOcwFHf4l6kGg6YIxJjzrgIKNtXx7FiC8NYpiUZCua9cdAT4fwWAtwHHIAJaJwZhoBs7koAc0_f9TamoUHy90lkoIYG4W6nMJ_ygEWcwdWQugiZDzUpm9vvyFY1k2LBWSzK3Vxps-phnSsH5UeHpCZCJT8oT0ckmLeo-HP6_CLaHOpbwBsWfNEVmvhztNpGyC1gj0ZbbLRiLoS1auzYgzvh6lS0M2nLVZyO64bnscGfIiJ38fx_uBLmLWSBhHAilAsUX2ixJBQdlyQHuXEJ7lLyGAYNumsxC-WEuEcD8ZCxM58PF-wziu2ilAYmM5Z-Nq5q3YLsRs_of3xEuTXrL3MfguA0YAt1RwLvUNKg0c9JehrqXnYeO7Se9qMwQSJOw_';

/** A link whose payload inflates far beyond the content limit (16 MiB of spaces in a few kilobytes). */
function bombLink(): string {
  const bytes = new TextEncoder().encode(`{}\n${' '.repeat(16 << 20)}`);
  return `#s=1${encodeBase64Url(deflateSync(bytes, { level: 9, dictionary: SHARE_DICTIONARY_V1 }))}`;
}

test('a shared link reopens the same scenario, selection, request and lesson step', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lessons = new LessonPage(page);
  const share = new SharePage(page);
  await app.open();
  await lessons.next();
  await lessons.next();
  await lessons.expectAt('bucket-delegation', 2);
  await app.graph.waitForNode(USER1);
  await app.graph.select(USER1);
  await app.inspector.simulate({ principal: USER1, action: 's3:PutObject', resource: 'arn:aws:s3:::bucket-a/new.csv' });
  const link = await share.share();
  await expect(share.popover).toHaveAttribute('data-outcome', 'copied');
  expect(link.startsWith('http://127.0.0.1:4173/#s=1')).toBe(true);
  await expect(share.popover.getByTestId('share-length')).toHaveText(`${link.length.toLocaleString('en')} characters`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // A fresh browser (nothing stored) opens the link.
  const other = await context.newPage();
  await other.goto(link);
  const otherLessons = new LessonPage(other);
  await expect(other.getByRole('tree')).toBeVisible();
  await otherLessons.expectAt('bucket-delegation', 2);
  await expect.poll(() => other.evaluate(() => window.__accessGraph?.selected())).toBe(USER1);
  await expect(other.getByTestId('simulator').getByLabel('Action', { exact: true })).toHaveValue('s3:PutObject');
  await expect(other.getByTestId('simulator').getByLabel('Principal', { exact: true })).toHaveValue(USER1);
  await expect(other.locator('.ag-title-field')).toHaveValue('An account delegates what it was granted');
  // The address no longer holds the link: a reload opens the autosaved work.
  expect(new URL(other.url()).hash).toBe('');
  await other.close();
});

test('opens a frozen version-1 link with its selection, request and language', async ({ page }) => {
  const share = new SharePage(page);
  await share.openLink(FROZEN_EXTERNAL_ID);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('.ag-title-field')).toHaveValue('ExternalId 付きの AssumeRole');
  await expect.poll(() => page.evaluate(() => window.__accessGraph?.selected())).toBe(ROLE);
  const simulator = page.getByTestId('simulator');
  await expect(simulator.locator('input').first()).toHaveValue('arn:aws:iam::111111111111:user/alice');
  await expect(simulator.locator('input[value="unique-external-id"]')).toHaveCount(1);
  await expect(share.linkError).toHaveCount(0);
});

test('opens a frozen version-1 lesson link at its step', async ({ page }) => {
  const share = new SharePage(page);
  await share.openLink(FROZEN_LESSON);
  await new LessonPage(page).expectAt('bucket-delegation', 1);
  await expect(page.getByTestId('lesson-step-title')).toHaveText('AccountB delegates read-only access to User2');
});

test('a lesson short link opens the lesson at its step in its language', async ({ page }) => {
  await new SharePage(page).openLink('#lesson=external-id&step=2&lang=ja');
  await new LessonPage(page).expectAt('external-id', 1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

const HOSTILE: readonly { readonly name: string; readonly fragment: () => string; readonly code: string; readonly en: RegExp }[] = [
  { name: 'garbage after #s=1', fragment: () => '#s=1%%%not-base64!!', code: 'corrupted', en: /The link is damaged and cannot be read/ },
  { name: 'a truncated frozen link', fragment: () => FROZEN_EXTERNAL_ID.slice(0, 120), code: 'truncated', en: /The link is incomplete/ },
  { name: 'a decompression bomb', fragment: bombLink, code: 'content-too-large', en: /too large for a link/ },
  { name: 'a link from a newer version', fragment: () => '#s=9AAAA', code: 'unknown-version', en: /format version 9/ },
  { name: 'an unknown lesson', fragment: () => '#lesson=no-such-lesson', code: 'bad-lesson-link', en: /no built-in lesson “no-such-lesson”/ },
];

for (const hostile of HOSTILE) {
  test(`rejects ${hostile.name} with a clear message and keeps the autosaved work`, async ({ app, page }) => {
    await app.open();
    const title = page.locator('.ag-title-field');
    await title.fill('My own work');
    await title.press('Enter');
    // The autosave writes after a pause: wait until it holds the edit.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('accessgraph:autosave:v1') ?? '')).toContain('My own work');
    const share = new SharePage(page);
    await share.openLink(hostile.fragment());
    await expect(share.linkError).toHaveAttribute('data-code', hostile.code);
    await expect(share.linkError).toContainText('This link cannot be opened');
    await expect(share.linkError).toContainText(hostile.en);
    await expect(title).toHaveValue('My own work');
  });
}

test('a broken link is explained in Japanese for a Japanese user', async ({ app, page }) => {
  await app.open();
  await app.setLanguage('ja');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('accessgraph:prefs:v1') ?? '')).toContain('"ja"');
  const share = new SharePage(page);
  await share.openLink('#s=1%%%');
  await expect(share.linkError).toContainText('このリンクを開けません');
  await share.linkError.getByRole('button').click();
  await expect(share.linkError).toHaveCount(0);
});
