/**
 * The editor is the source of truth: an edit that adds a role adds a node; broken JSON gives a
 * located marker while the graph keeps the last valid scenario; lint shows as an amber marker.
 */
import { expect, test } from './fixtures';

const AUDITOR = 'arn:aws:iam::111111111111:role/Auditor';
const ROLE_JSON = `"roles": [{ "arn": "${AUDITOR}", "trustPolicy": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::222222222222:root" }, "Action": "sts:AssumeRole" }] } }],`;

test('an edit that adds a role adds a node', async ({ app }) => {
  await app.open();
  await app.editor.typeAfter('"format": "accessgraph/v1",', ` ${ROLE_JSON}`);
  await app.graph.waitForNode(AUDITOR);
  await expect(app.explorer.item('Auditor')).toBeVisible();
});

test('broken JSON shows a marker at its line, and the graph keeps the last valid scenario', async ({
  app,
  page,
}) => {
  await app.open();
  await app.editor.ready();
  const before = await app.graph.nodeIds();
  await app.editor.typeAfter('"name": "AccountA"', ',,');
  await expect(page.getByTestId('last-valid-banner')).toBeVisible();
  const line = await app.editor.lineOf('"name": "AccountA",,');
  await expect.poll(() => app.editor.markerLines('error')).toContain(line);
  expect(await app.graph.nodeIds()).toStrictEqual(before);
  await expect(app.editor.root.getByTestId('problem-count')).toContainText('error');
  // The banner takes the user to the error.
  await page.getByTestId('last-valid-banner').getByRole('button').click();
  await expect.poll(() => app.editor.cursorLine()).toBe(line);
  // Nothing typed is lost: fixing it brings the graph back without the banner.
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('last-valid-banner')).toBeHidden();
});

test('a public principal gets an amber lint marker on its line', async ({ app }) => {
  await app.open();
  await app.editor.replaceLine('"AWS": "arn:aws:iam::222222222222:root"', '"AWS": "*"');
  // The cursor is on the edited line; measuring where that line is drawn raced the editor's scroll to it.
  const line = await app.editor.cursorLine();
  // Wait for a marker on that line itself: the scenario can carry other warnings from before the edit,
  // so waiting for any warning raced the analysis of the edit (flaky under load).
  await expect.poll(async () => (await app.editor.markerLines('warning')).some((l) => Math.abs(l - line) <= 1)).toBe(true);
});

test('the policy tab of a selected node writes back into the scenario as one undoable edit', async ({
  app,
  page,
}) => {
  await app.open();
  await app.explorer.select('User2');
  await app.editor.tab('ReadBucketA').click();
  await app.editor.replaceLine('"s3:List*"', '"s3:List*", "s3:PutObject"');
  await expect(app.editor.tab('ReadBucketA')).toHaveAttribute('data-dirty', 'true');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(app.editor.tab('ReadBucketA')).toHaveAttribute('data-dirty', 'false');
  await app.editor.tab('Scenario').click();
  // Monaco draws only the lines in view: find the line first.
  await app.editor.goToText('"s3:PutObject"');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await app.editor.goToText('"s3:List*"');
  await expect(app.editor.monaco.locator('.view-line', { hasText: 's3:List*' }).first()).not.toContainText('s3:PutObject');
});

test('a scenario pasted on one line and formatted shows its text, not a view scrolled past it', async ({ app }) => {
  await app.open();
  await app.loadLesson('partner-role', 'arn:aws:iam::111122223333:role/APNPartner');
  const editor = await app.editor.monaco.boundingBox();
  // Some formatted line is drawn inside the editor (the paste was one line ~36,000 px wide).
  await expect
    .poll(async () => {
      const lines = app.editor.monaco.locator('.view-line');
      for (let i = 0; i < (await lines.count()); i++) {
        const box = await lines.nth(i).boundingBox();
        const text = (await lines.nth(i).textContent())?.trim() ?? '';
        if (box !== null && editor !== null && text.length > 0 && box.x >= editor.x && box.x < editor.x + editor.width / 2) return true;
      }
      return false;
    })
    .toBe(true);
});
