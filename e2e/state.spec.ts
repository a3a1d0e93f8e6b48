/**
 * State and safety through the UI: a reload in the middle of an edit loses nothing (the scenario and
 * an unapplied policy-tab draft come back), undo reverts and redo re-applies, the view exports as PNG
 * and SVG, and a long analysis shows a progress bar whose Cancel keeps the last graph.
 */
import { readFile } from 'node:fs/promises';
import { syntheticOrganization } from '../scripts/synthetic';
import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

const AUDITOR = 'arn:aws:iam::111111111111:role/Auditor';
const ROLE_JSON = `"roles": [{ "arn": "${AUDITOR}", "trustPolicy": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::222222222222:root" }, "Action": "sts:AssumeRole" }] } }],`;

test('a reload in the middle of an edit restores it, and undo/redo still work after it', async ({ app, page }) => {
  await app.open();
  await app.editor.typeAfter('"format": "accessgraph/v1",', ` ${ROLE_JSON}`);
  // No wait for the autosave: the reload comes right after the keystrokes.
  await page.reload();
  await app.waitForAnalysis();
  await app.graph.waitForNode(AUDITOR);
  await app.editor.ready();
  await expect(app.editor.monaco.locator('.view-line', { hasText: 'role/Auditor' })).toBeVisible();

  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await undo.click();
  await app.graph.waitForNoNode(AUDITOR);
  await expect(app.editor.monaco.locator('.view-line', { hasText: 'role/Auditor' })).toHaveCount(0);
  await expect(redo).toBeEnabled();
  await redo.click();
  await app.graph.waitForNode(AUDITOR);
  await expect(app.editor.monaco.locator('.view-line', { hasText: 'role/Auditor' })).toBeVisible();
});

test('an unapplied policy-tab draft survives a reload and applies afterwards', async ({ app, page }) => {
  await app.open();
  await app.explorer.select('User2');
  await app.editor.tab('ReadBucketA').click();
  await app.editor.replaceLine('"s3:List*"', '"s3:List*", "s3:PutObject"');
  await expect(app.editor.tab('ReadBucketA')).toHaveAttribute('data-dirty', 'true');
  await page.reload();
  await app.waitForAnalysis();
  await app.explorer.select('User2');
  const tab = app.editor.tab('ReadBucketA');
  await expect(tab).toHaveAttribute('data-dirty', 'true');
  await tab.click();
  await expect(app.editor.monaco.locator('.view-line', { hasText: 's3:PutObject' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+s');
  await expect(tab).toHaveAttribute('data-dirty', 'false');
  // Applied: the simulator now allows the write the draft added.
  await app.inspector.simulate({
    principal: 'arn:aws:iam::222222222222:user/User2',
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::bucket-a/report.csv',
  });
  await app.inspector.expectDecision('Allowed');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await app.inspector.simulate();
  await app.inspector.expectDecision('Implicitly denied');
});

test('the view exports as an SVG that parses and a PNG with its signature', async ({ app, page }) => {
  await app.open();
  const graph = new GraphPage(page);
  await graph.waitReady();

  const svg = await graph.export('svg');
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = await readFile(await svg.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName,
      text: doc.documentElement.textContent ?? '',
    };
  }, svgText);
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.text).toContain('User2');

  const png = await graph.export('png');
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile(await png.path());
  expect([...bytes.subarray(0, 8)]).toStrictEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(2000);
});

test('a long analysis shows a progress bar, and Cancel keeps the last graph', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  await app.graph.waitForNode('arn:aws:s3:::bucket-a');
  const scenario = `${JSON.stringify(syntheticOrganization('S'))}\n`;
  await page.locator('input[type="file"]').setInputFiles({
    name: 'synthetic-s.json',
    mimeType: 'application/json',
    buffer: Buffer.from(scenario),
  });
  // The bar is a 2px line under the top bar; its label carries the phase and Cancel.
  const progress = page.locator('.ag-progress[role="status"]');
  const cancel = progress.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText(/Analysing|Evaluating|Reading|Building/);
  await cancel.click();
  await expect(cancel).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /cancel/i })).toBeVisible();
  // The canvas still shows the scenario that was analysed last.
  expect(await app.graph.nodeIds()).toContain('arn:aws:s3:::bucket-a');
});
