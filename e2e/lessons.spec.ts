/**
 * Lessons end to end: the first visit opens the first lesson's panel; predict-then-reveal with the
 * engine's live answers, the score, "show me" reaching the try-it goal as one undoable edit, in English
 * and in Japanese; the gallery; presenter mode driven from the keyboard.
 */
import { lessonById } from '../src/lessons';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

const USER1 = 'arn:aws:iam::222222222222:user/User1';
const USER2 = 'arn:aws:iam::222222222222:user/User2';

function lesson(id: string) {
  const found = lessonById(id);
  if (found === undefined) throw new Error(`no lesson ${id}`);
  return found;
}

const FIRST = lesson('bucket-delegation');

for (const language of ['en', 'ja'] as const) {
  test(`runs the first lesson in predict-then-reveal mode (${language})`, async ({ app, page }) => {
    const lessons = new LessonPage(page);
    await app.open();
    if (language === 'ja') await app.setLanguage('ja');
    await lessons.expectAt('bucket-delegation', 0);
    await expect(lessons.stepTitle()).toHaveText(FIRST.steps[0]?.title[language] ?? '');
    await expect(lessons.panel.getByTestId('lesson-progress')).toHaveText(language === 'en' ? 'Step 1 of 4' : 'ステップ 1 / 4');

    await lessons.next();
    await lessons.expectAt('bucket-delegation', 1);
    await expect(lessons.stepTitle()).toHaveText(FIRST.steps[1]?.title[language] ?? '');
    // The step focuses the graph on what it is about.
    await expect.poll(() => app.graph.selected()).toBe(USER2);

    // Nothing is revealed before the learner answers.
    await expect(lessons.question('user2-read').getByTestId('predict-reveal')).toHaveCount(0);
    const right = await lessons.predict('user2-read', 'Allow');
    await expect(right).toHaveAttribute('data-correct', 'true');
    await expect(right.locator('.ag-predict-decision')).toHaveText(language === 'en' ? 'Allowed' : /許可/);
    await expect(right.getByTestId('statement-link').first()).toBeVisible();
    await expect(right).toContainText(FIRST.steps[1]?.predict[0]?.why[language].replace(/`/g, '') ?? '');

    const wrong = await lessons.predict('user2-delete', 'Allow');
    await expect(wrong).toHaveAttribute('data-correct', 'false');
    await expect(wrong).toContainText(language === 'en' ? 'Not quite: the answer is Deny.' : '残念、答えは');
    await expect(lessons.panel.getByTestId('predict-mismatch')).toHaveCount(0);

    await lessons.predict('user2-list', 'Deny');
    await expect(lessons.panel.getByTestId('lesson-score')).toHaveAttribute('data-correct', '2');

    await lessons.next();
    await lessons.expectAt('bucket-delegation', 2);
    await expect.poll(() => app.graph.selected()).toBe(USER1);
    await lessons.predict('user1-read', 'Deny');
    await expect(lessons.panel.getByTestId('lesson-score')).toHaveAttribute('data-correct', '3');

    const task = lessons.tryIt('let-user1-read');
    await expect(task).toHaveAttribute('data-done', 'false');
    await expect(task).toContainText(FIRST.steps[2]?.tryIt[0]?.task[language].replace(/[`*]/g, '') ?? '');
    await expect(task.getByTestId('try-it-solution')).toHaveText(language === 'en' ? 'Show me' : '解答を見る');
    await task.getByTestId('try-it-solution').click();
    await expect(task.getByTestId('try-it-success')).toBeVisible();
    await expect(task).toHaveAttribute('data-done', 'true');
    // "Show me" is one edit: one undo takes it back.
    await page.getByRole('button', { name: language === 'en' ? 'Undo' : '元に戻す' }).click();
    await expect(task).toHaveAttribute('data-done', 'false');
  });
}

test('switching the language switches the lesson text', async ({ app, page }) => {
  const lessons = new LessonPage(page);
  await app.open();
  await expect(lessons.stepTitle()).toHaveText(FIRST.steps[0]?.title.en ?? '');
  await app.setLanguage('ja');
  await expect(lessons.stepTitle()).toHaveText(FIRST.steps[0]?.title.ja ?? '');
  await app.setLanguage('en');
  await expect(lessons.stepTitle()).toHaveText(FIRST.steps[0]?.title.en ?? '');
});

test('the gallery lists every lesson, marks the open one and opens another', async ({ app, page }) => {
  const lessons = new LessonPage(page);
  await app.open();
  await lessons.openGallery();
  await expect(lessons.gallery.locator('.ag-gallery-card')).toHaveCount(14);
  await expect(lessons.galleryCard('bucket-delegation')).toHaveAttribute('aria-current', 'true');
  const externalId = lesson('external-id');
  await expect(lessons.galleryCard('external-id')).toContainText(`${externalId.steps.length} steps`);
  await lessons.galleryCard('external-id').click();
  await expect(lessons.gallery).toHaveCount(0);
  await lessons.expectAt('external-id', 0);
  await app.graph.waitForNode('arn:aws:iam::222222222222:role/CrossAccountRole');
  await expect(page.locator('.ag-title-field')).toHaveValue(externalId.title.en);
  await lessons.openGallery();
  await expect(lessons.galleryCard('external-id')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(lessons.gallery).toHaveCount(0);
});

test('pasting another lesson\'s scenario over the open lesson opens that lesson', async ({ app, page }) => {
  const lessons = new LessonPage(page);
  await app.open();
  await lessons.expectAt('bucket-delegation', 0);
  await lessons.next();
  await app.inspector.simulate();
  await expect(app.inspector.result).toBeVisible();
  await app.loadLesson('partner-role', 'arn:aws:iam::111122223333:role/APNPartner');
  // The panel shows the pasted scenario's lesson from its first step, and its checkpoints pass (they
  // were the first lesson's, failing against this scenario).
  await lessons.expectAt('partner-role', 0);
  await expect(lessons.stepTitle()).toHaveText(lesson('partner-role').steps[0]?.title.en ?? '');
  await expect(lessons.panel.locator('.ag-checkpoints-summary')).toHaveAttribute('data-failed', 'false');
  await expect(lessons.panel.locator('.ag-checkpoints-summary')).toContainText('passed');
  // The simulator holds the new scenario's first request, not the first lesson's (and its stale result is gone).
  const first = lesson('partner-role').checkpoints.find((c) => 'principal' in c && !('via' in c));
  await expect(app.inspector.field('Principal')).toHaveValue(first !== undefined && 'principal' in first ? first.principal : 'none');
  await expect(app.inspector.result).toHaveCount(0);
});

test('presenter mode hides the editor and steps with the keyboard', async ({ app, page }) => {
  const lessons = new LessonPage(page);
  await app.open();
  await lessons.presenterToggle().click();
  await expect(lessons.panel).toHaveAttribute('data-presenter', 'true');
  await expect(page.locator('#ag-panel-inspector')).toHaveCount(0);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(lessons.panel.locator('.ag-lesson-text')).toHaveCSS('font-size', '20px');

  await page.keyboard.press('ArrowRight');
  await lessons.expectAt('bucket-delegation', 1);
  await page.keyboard.press('PageDown');
  await lessons.expectAt('bucket-delegation', 2);
  await page.keyboard.press('ArrowLeft');
  await lessons.expectAt('bucket-delegation', 1);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await lessons.expectAt('bucket-delegation', 0);
  await page.keyboard.press('Escape');
  await expect(lessons.panel).toHaveAttribute('data-presenter', 'false');
  await expect(page.locator('#ag-panel-inspector')).toBeVisible();

  // The command palette toggles it too.
  await app.openPalette();
  await page.keyboard.type('Presenter');
  await page.keyboard.press('Enter');
  await expect(lessons.panel).toHaveAttribute('data-presenter', 'true');
  await page.keyboard.press('Escape');
  await expect(lessons.panel).toHaveAttribute('data-presenter', 'false');
});
