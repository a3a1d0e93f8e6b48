/**
 * The access changes since the scenario was opened: an edit that widens a policy lists the access it
 * adds under the findings, a row selects its principal, and "Compare from here" starts counting again.
 */
import { expect, test } from './fixtures';

const USER2 = 'arn:aws:iam::222222222222:user/User2';

test('an edit lists the access it adds, and Compare from here starts again', async ({ app, page }) => {
  await app.open();
  const changes = page.getByTestId('access-changes');
  await expect(changes).toContainText('No access has changed since the scenario was opened.');
  await expect(changes.locator('.ag-count')).toHaveText('0');
  // User2's policy lists and reads bucket-a; the bucket policy already delegates s3:* to its account.
  await app.editor.replaceLine('"s3:List*"', '"s3:List*", "s3:PutObject"');
  await expect(changes.locator('.ag-count')).toHaveText('1');
  const row = changes.locator('li[data-change="added"]');
  await expect(row).toHaveText(/^\+Added: s3:PutObjectUser2 → bucket-a$/);
  // Read as a word, not as a plus sign.
  await expect(row.getByRole('button')).toHaveAccessibleName('Added: s3:PutObject User2 → bucket-a');
  await expect(changes).toContainText('1 added · 0 removed · 0 changed');
  // The top bar says it in brief, and takes the user to the list.
  const chip = page.getByTestId('changes-chip');
  await expect(chip).toHaveText('+1');
  await page.getByRole('button', { name: 'Hide Explorer' }).click();
  await expect(changes).toBeHidden();
  await chip.click();
  await expect(changes).toBeInViewport();
  if (process.env.AG_LOOK) await page.screenshot({ path: '/tmp/me/changes.png' });
  await row.getByRole('button').click();
  await expect.poll(() => app.graph.selected()).toBe(USER2);
  // Undo takes the access away again: nothing has changed since the scenario was opened.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(changes.locator('.ag-count')).toHaveText('0');
  await expect(chip).toBeHidden();
  // Redo, then make it the baseline: the count starts again from the access shown now.
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(changes.locator('.ag-count')).toHaveText('1');
  await changes.getByRole('button', { name: 'Compare from here' }).click();
  await expect(changes.locator('.ag-count')).toHaveText('0');
  await expect(changes).toContainText('No access has changed');
});
