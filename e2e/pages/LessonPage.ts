/**
 * The lesson panel, the gallery and presenter mode as a test sees them.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class LessonPage {
  readonly panel: Locator;
  readonly gallery: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('lesson-panel');
    this.gallery = page.getByTestId('lesson-gallery');
  }

  stepTitle(): Locator {
    return this.panel.getByTestId('lesson-step-title');
  }

  /** The 0-based step the panel shows. */
  async step(): Promise<number> {
    return Number(await this.panel.getAttribute('data-step'));
  }

  async expectAt(lessonId: string, step: number): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-lesson', lessonId);
    await expect(this.panel).toHaveAttribute('data-step', String(step));
  }

  async next(): Promise<void> {
    await this.panel.getByTestId('lesson-next').click();
  }

  question(id: string): Locator {
    return this.panel.locator(`[data-testid="predict-card"][data-question="${id}"]`);
  }

  /** Answers a predict question and waits for the reveal. */
  async predict(id: string, answer: 'Allow' | 'Deny'): Promise<Locator> {
    const card = this.question(id);
    await expect(card.getByTestId('predict-reveal')).toHaveCount(0);
    await card.locator(`[data-answer="${answer}"]`).click();
    const reveal = card.getByTestId('predict-reveal');
    await expect(reveal).toHaveAttribute('data-correct', /true|false/);
    return reveal;
  }

  tryIt(id: string): Locator {
    return this.panel.locator(`[data-testid="try-it"][data-task="${id}"]`);
  }

  async openGallery(): Promise<void> {
    await this.page.getByTestId('lessons-menu').click();
    await expect(this.gallery).toBeVisible();
  }

  galleryCard(lessonId: string): Locator {
    return this.gallery.locator(`.ag-gallery-card[data-lesson="${lessonId}"]`);
  }

  presenterToggle(): Locator {
    return this.panel.getByTestId('presenter-toggle');
  }
}
