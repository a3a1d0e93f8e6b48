/**
 * Screenshots of every panel in both themes at 1440×900, and of a 5,000-resource organization, for a
 * person to look at (not compared by habit). Runs only with AG_SCREENS=1:
 * `AG_SCREENS=1 node scripts/e2e.mjs screenshots`.
 */
import { expect, test } from '@playwright/test';
import { syntheticOrganization } from '../scripts/synthetic';
import { AppPage } from './pages/AppPage';
import { GraphPage } from './pages/GraphPage';

const OUT = process.env.AG_SCREENS_DIR ?? 'screenshots';

test.describe('screenshots', () => {
  test.skip(process.env.AG_SCREENS !== '1', 'set AG_SCREENS=1 to take screenshots');

  for (const theme of ['light', 'dark'] as const) {
    test(`panels in the ${theme} theme`, async ({ page }) => {
      const app = new AppPage(page);
      const graph = new GraphPage(page);
      await app.open({ theme });
      await graph.waitReady();
      await page.screenshot({ path: `${OUT}/${theme}-first-load.png` });
      await app.explorer.select('User2');
      await graph.waitReady();
      await page.screenshot({ path: `${OUT}/${theme}-selected-principal.png` });
      await app.inspector.simulate();
      await expect(app.inspector.decision()).toBeVisible();
      await page.screenshot({ path: `${OUT}/${theme}-simulated.png` });
      await app.inspector.root.screenshot({ path: `${OUT}/${theme}-inspector.png` });
      await app.explorer.root.screenshot({ path: `${OUT}/${theme}-explorer.png` });
      await app.editor.root.screenshot({ path: `${OUT}/${theme}-editor.png` });
      await app.loadLesson('partner-role', 'arn:aws:iam::111122223333:role/APNPartner');
      await graph.select('arn:aws:s3:::bucket-name');
      await page.screenshot({ path: `${OUT}/${theme}-who-can-reach.png` });
      await graph.select(
        'can-assume|arn:aws:iam::444455556666:role/PartnerSoftware|arn:aws:iam::111122223333:role/APNPartner',
      );
      await app.inspector.root.screenshot({ path: `${OUT}/${theme}-edge.png` });
      await app.openPalette();
      await page.screenshot({ path: `${OUT}/${theme}-palette.png` });
    });
  }

  test('a 5,000-resource organization', async ({ page }) => {
    test.setTimeout(900_000);
    const app = new AppPage(page);
    const graph = new GraphPage(page);
    await app.open({ theme: 'light' });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'synthetic-m.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(syntheticOrganization('M'))),
    });
    await expect.poll(async () => (await graph.nodes()).length, { timeout: 600_000 }).toBeGreaterThan(5000);
    await graph.waitReady(120_000);
    await page.screenshot({ path: `${OUT}/large-overview.png` });
    await graph.search('role/');
    await graph.pickFirstResult();
    await graph.waitReady(60_000);
    await page.screenshot({ path: `${OUT}/large-selected.png` });
  });
});
