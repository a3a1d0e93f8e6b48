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

  /** Clicks into the text area (right of the line numbers, on the first visible line): the scrolled
   * `.view-lines` element may start above the editor. */
  async focusText(): Promise<void> {
    await this.monaco.click({ position: { x: 90, y: 12 } });
  }

  /** Moves the cursor onto the first occurrence of `text` with the editor's own Find (Monaco renders visible lines only). */
  async goToText(text: string): Promise<void> {
    await expect(this.monaco).toBeVisible();
    await this.focusText();
    await this.page.keyboard.press('ControlOrMeta+Home');
    await this.page.keyboard.press('ControlOrMeta+f');
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await expect(this.monaco.locator('.view-line', { hasText: text }).first()).toBeVisible();
  }

  /** Puts the cursor at the end of the line containing `text`, then types `insert` (no auto-closing). */
  async typeAfter(text: string, insert: string): Promise<void> {
    await this.goToText(text);
    await this.page.keyboard.press('End');
    await this.page.keyboard.insertText(insert);
  }

  /** Selects the line containing `text` (from its first non-blank character) and types `replacement`. */
  async replaceLine(text: string, replacement: string): Promise<void> {
    await this.goToText(text);
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
    // Delete first: typing a quote over a selection would surround it (Monaco's auto-surround).
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.insertText(replacement);
  }

  /** The 1-based line the cursor is on, from the status in the tab bar. */
  async cursorLine(): Promise<number> {
    const text = (await this.root.getByTestId('editor-cursor').textContent()) ?? '';
    const match = /(\d+)/.exec(text);
    return match === null ? 0 : Number(match[1]);
  }

  /** The 1-based line Monaco draws its cursor on (read from the canvas, not from the status). */
  async drawnCursorLine(): Promise<number> {
    const cursor = this.monaco.locator('.cursors-layer .cursor').first();
    await expect(cursor).toBeAttached();
    const box = await cursor.boundingBox();
    return box === null ? -1 : this.lineAt(box.y);
  }

  /** Replaces the whole text of the active tab, as a paste would. */
  async setText(text: string): Promise<void> {
    await expect(this.monaco).toBeVisible();
    await this.focusText();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Replaces the scenario with `scenario` (pasted on one line, then formatted with the Format button). */
  async loadScenario(scenario: unknown): Promise<void> {
    await this.tab('Scenario').click();
    await this.setText(JSON.stringify(scenario));
    await this.root.getByRole('button', { name: 'Format the scenario' }).click();
  }

  /** The 1-based line number of the rendered line containing `text`. */
  async lineOf(text: string): Promise<number> {
    const line = this.monaco.locator('.view-line', { hasText: text }).first();
    const top = (await line.boundingBox())?.y ?? -1;
    return this.lineAt(top);
  }

  /** The line number drawn at the vertical position `y` (within half a line), or -1. */
  async lineAt(y: number): Promise<number> {
    return (await this.linesAt([y]))[0] ?? -1;
  }

  /**
   * The line numbers drawn at each vertical position, read in one round trip: a locator call per line
   * number and per squiggle (a whole statement's warning draws one on each of its lines) took longer
   * than a poll's timeout under load. The main gutter only, not the sticky-scroll header above it.
   */
  private async linesAt(ys: readonly number[]): Promise<number[]> {
    return this.monaco.evaluate((editor, positions) => {
      const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((n) => ({
        box: n.getBoundingClientRect(),
        line: Number(n.textContent),
      }));
      return positions.map((y) => numbers.find((n) => Math.abs(n.box.y - y) < n.box.height / 2)?.line ?? -1);
    }, ys);
  }

  /** The lines that carry a marker squiggle of the given severity. */
  async markerLines(severity: 'error' | 'warning'): Promise<number[]> {
    const tops = await this.root
      .locator(severity === 'error' ? '.squiggly-error' : '.squiggly-warning')
      .evaluateAll((squiggles) => squiggles.map((s) => s.getBoundingClientRect()).filter((b) => b.height > 0).map((b) => b.y));
    return this.linesAt(tops);
  }
}
