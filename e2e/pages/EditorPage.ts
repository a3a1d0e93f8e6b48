/**
 * The editor dock: its tabs, the Monaco editor, markers and the cursor position it reports.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  readonly root: Locator;
  readonly monaco: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('#ag-panel-editor');
    this.monaco = this.root.locator('.monaco-editor').first();
  }

  async ready(): Promise<void> {
    await expect(this.monaco).toBeVisible();
    await expect(this.root.locator('.view-lines')).toContainText('accessgraph/v1');
  }

  tab(name: string | RegExp): Locator {
    return this.root.getByRole('tab', { name });
  }

  /** Puts the cursor at the end of the line containing `text`, then types `insert` (no auto-closing). */
  async typeAfter(text: string, insert: string): Promise<void> {
    await this.ready();
    await this.monaco.locator('.view-line', { hasText: text }).first().click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.insertText(insert);
  }

  /** The 1-based line the cursor is on, from the status in the tab bar. */
  async cursorLine(): Promise<number> {
    const text = (await this.root.getByTestId('editor-cursor').textContent()) ?? '';
    const match = /(\d+)/.exec(text);
    return match === null ? 0 : Number(match[1]);
  }

  /** Marker squiggles by severity. */
  markers(severity: 'error' | 'warning'): Locator {
    return this.root.locator(severity === 'error' ? '.squiggly-error' : '.squiggly-warning');
  }
}
