/**
 * First load: the graph is drawn from the first lesson, its first step is open and has selected what
 * it is about, Monaco is there and editable, and the page talks to nobody but its own origin.
 */
import { expect, test } from './fixtures';

const USER2 = 'arn:aws:iam::222222222222:user/User2';

test('opens on the first lesson with the graph drawn and the editor ready', async ({ app, page, guard }) => {
  await app.open();
  await app.graph.waitForNode(USER2);
  expect(await app.graph.nodeIds()).toEqual(
    expect.arrayContaining(['111111111111', '222222222222', 'arn:aws:s3:::bucket-a', USER2]),
  );
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Two accounts, one bucket');
  await expect.poll(() => app.graph.selected()).toBe('arn:aws:s3:::bucket-a');
  await app.editor.ready();
  await expect(page).toHaveTitle(/AccessGraph/);
  // Every request so far came from this origin (the guard also checks at the end).
  expect(guard.requests.length).toBeGreaterThan(3);
});

test('selecting a node in the Explorer selects it in the graph and opens its policies as tabs', async ({
  app,
  page,
}) => {
  await app.open();
  await app.explorer.select('User2');
  await expect.poll(() => app.graph.selected()).toBe(USER2);
  await expect(app.inspector.root.getByTestId('selection-summary')).toContainText(USER2);
  await expect(app.editor.tab('ReadBucketA')).toBeVisible();
  await page.getByRole('button', { name: 'Show in editor' }).click();
  await expect.poll(() => app.editor.cursorLine()).toBeGreaterThan(1);
});

test('clicking a node in the graph selects it everywhere', async ({ app }) => {
  await app.open();
  await app.graph.waitForNode(USER2);
  await app.graph.select(USER2);
  await expect(app.explorer.item('User2')).toHaveAttribute('aria-selected', 'true');
});
