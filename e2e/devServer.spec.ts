/**
 * `npm start` (the Vite dev server) opens the app as the production build does: the graph drawn,
 * Monaco loaded with its workers, no page error. The dev server transforms modules differently from
 * the build (dependency pre-bundling once left the editor blank), so the rest of the suite, which runs
 * against the build, cannot vouch for it.
 */
import { expect, test } from '@playwright/test';
import { devPort } from '../playwright.config';

test('the dev server opens the first lesson with the graph and a working editor', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // A first visit may reload once while Vite pre-bundles dependencies it discovers.
  await page.goto(`http://127.0.0.1:${devPort}/`);
  await expect.poll(() => page.evaluate(() => window.__accessGraph?.ready() ?? false), { timeout: 90_000 }).toBe(true);
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('accessgraph/v1');
  expect(errors).toStrictEqual([]);
});
