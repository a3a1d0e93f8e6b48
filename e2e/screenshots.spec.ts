/**
 * Screenshots of every panel in both themes at 1440×900, for a person to look at (not compared by
 * habit). Runs only with AG_SCREENS=1: `AG_SCREENS=1 node scripts/e2e.mjs screenshots`.
 */
import { test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const OUT = process.env.AG_SCREENS_DIR ?? 'screenshots';

test.describe('screenshots', () => {
  test.skip(process.env.AG_SCREENS !== '1', 'set AG_SCREENS=1 to take screenshots');

  for (const theme of ['light', 'dark'] as const) {
    test(`panels in the ${theme} theme`, async ({ page }) => {
      const app = new AppPage(page);
      await app.open({ theme });
      await page.screenshot({ path: `${OUT}/${theme}-first-load.png` });
      await app.explorer.select('User2');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/${theme}-selected-principal.png` });
      await app.inspector.simulate();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${theme}-simulated.png` });
      await app.inspector.root.screenshot({ path: `${OUT}/${theme}-inspector.png` });
      await app.explorer.root.screenshot({ path: `${OUT}/${theme}-explorer.png` });
      await app.editor.root.screenshot({ path: `${OUT}/${theme}-editor.png` });
      await app.openPalette();
      await page.screenshot({ path: `${OUT}/${theme}-palette.png` });
    });
  }
});
