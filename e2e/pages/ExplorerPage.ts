/**
 * The Explorer panel: the tree and its search box.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ExplorerPage {
  readonly root: Locator;
  readonly tree: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('#ag-panel-explorer');
    this.tree = page.getByRole('tree');
    this.search = this.root.getByRole('searchbox');
  }

  item(label: string): Locator {
    return this.tree
      .getByRole('treeitem')
      .filter({ has: this.page.locator('.ag-tree-label', { hasText: new RegExp(`^${label}$`) }) });
  }

  async select(label: string): Promise<void> {
    await this.item(label).click();
    await expect(this.item(label)).toHaveAttribute('aria-selected', 'true');
  }
}
