/**
 * The graph as the shell sees it, through the graph layer's read-only test API (`window.__accessGraph`):
 * what is drawn and what is selected. (The graph's own page object, `GraphPage.ts`, belongs to the graph
 * specs.)
 */
import { expect, type Page } from '@playwright/test';

export class GraphArea {
  constructor(readonly page: Page) {}

  nodeIds(): Promise<string[]> {
    return this.page.evaluate(() => (window.__accessGraph?.nodes() ?? []).map((n) => n.id));
  }

  async waitForNode(id: string): Promise<void> {
    await expect.poll(() => this.nodeIds(), { message: `node ${id} drawn` }).toContain(id);
  }

  async waitForNoNode(id: string): Promise<void> {
    await expect.poll(() => this.nodeIds(), { message: `node ${id} gone` }).not.toContain(id);
  }

  selected(): Promise<string | undefined> {
    return this.page.evaluate(() => window.__accessGraph?.selected());
  }

  /** Selects like a click on the canvas does. */
  async select(id: string): Promise<void> {
    await this.page.evaluate((node) => window.__accessGraph?.select(node), id);
  }

  theme(): Promise<string | undefined> {
    return this.page.evaluate(() => window.__accessGraph?.theme());
  }
}
