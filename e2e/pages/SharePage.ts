/**
 * The Share button, its popover and the banner a broken link shows.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class SharePage {
  readonly button: Locator;
  readonly popover: Locator;
  readonly linkError: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('share-button');
    this.popover = page.getByTestId('share-popover');
    this.linkError = page.getByTestId('link-error');
  }

  /** Clicks Share and returns the link the popover shows. */
  async share(): Promise<string> {
    await this.button.click();
    await expect(this.popover).toBeVisible();
    return this.popover.getByTestId('share-link').inputValue();
  }

  /** Opens the app on a link (a fragment such as `#s=1…`), with whatever is in storage. */
  async openLink(fragment: string): Promise<void> {
    // A real page load (not a same-document hash change), as when a link is pasted into a new tab.
    await this.page.goto('about:blank');
    await this.page.goto(`/${fragment}`);
    await expect(this.page.getByRole('tree')).toBeVisible();
  }
}
