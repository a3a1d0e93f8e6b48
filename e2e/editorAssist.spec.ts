/**
 * The editor helps with IAM: completion offers actions from the catalog, and hovering an action
 * shows its access level.
 */
import { expect, test } from './fixtures';

test('completion offers actions, and hovering an action shows its access level', async ({ app, page }) => {
  await app.open();
  await app.editor.ready();
  await app.editor.typeAfter('"s3:List*"', ', "s3:GetObj');
  await page.keyboard.press('ControlOrMeta+Space');
  const suggest = app.editor.root.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  const item = suggest.locator('.monaco-list-row', { hasText: 's3:GetObjectAcl' });
  await expect(item).toBeVisible();
  await expect(suggest.locator('.monaco-list-row').first()).toContainText('s3:GetObject');
  await page.keyboard.press('Escape');

  const word = app.editor.monaco.locator('.view-line span span', { hasText: /^"s3:PutBucketPolicy"$/ });
  await app.editor.replaceLine('"s3:List*"', '"s3:List*", "s3:PutBucketPolicy"');
  await word.first().hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'PutBucketPolicy' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('Permissions management');
});
