/**
 * The graph panel as a test sees it: what the canvas draws (through the read-only test API
 * `window.__accessGraph`), clicks on nodes at their drawn positions, the search box, the filters,
 * the controls and the exports.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { DrawStats } from '../../src/graph/liveGraph';
import type { TestEdge, TestNode } from '../../src/graph/testApi';

export class GraphPage {
  readonly root: Locator;
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('graph-panel');
    this.canvas = page.getByTestId('graph-canvas');
  }

  /** Waits until a graph is drawn and nothing moves. */
  async waitReady(timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      () => window.__accessGraph?.ready() === true && window.__accessGraph.nodes().length > 0,
      null,
      { timeout },
    );
  }

  nodes(): Promise<TestNode[]> {
    return this.page.evaluate(() => window.__accessGraph!.nodes());
  }

  edges(): Promise<TestEdge[]> {
    return this.page.evaluate(() => window.__accessGraph!.edges());
  }

  node(id: string): Promise<TestNode | undefined> {
    return this.page.evaluate((nodeId) => window.__accessGraph!.nodes().find((n) => n.id === nodeId), id);
  }

  edge(id: string): Promise<TestEdge | undefined> {
    return this.page.evaluate((edgeId) => window.__accessGraph!.edges().find((e) => e.id === edgeId), id);
  }

  /** Selects through the same callback a click uses, then waits for the canvas to settle. */
  async select(id: string | undefined): Promise<void> {
    await this.page.evaluate((nodeId) => window.__accessGraph!.select(nodeId), id);
    await expect.poll(() => this.page.evaluate(() => window.__accessGraph!.selected())).toBe(id);
    await this.waitReady();
  }

  highlighted(): Promise<string[]> {
    return this.page.evaluate(() => window.__accessGraph!.highlighted());
  }

  highlightedEdges(): Promise<string[]> {
    return this.page.evaluate(() => window.__accessGraph!.highlightedEdges());
  }

  stats(): Promise<DrawStats | undefined> {
    return this.page.evaluate(() => window.__accessGraph!.stats());
  }

  zoom(): Promise<number> {
    return this.page.evaluate(() => window.__accessGraph!.zoom());
  }

  /** The zoom once the canvas is ready and it no longer changes (a fit animates). */
  async settledZoom(): Promise<number> {
    let last = Number.NaN;
    await expect
      .poll(
        async () => {
          const [zoom, ready] = await this.page.evaluate(() => [window.__accessGraph!.zoom(), window.__accessGraph!.ready()] as const);
          const still = ready && zoom === last;
          last = zoom;
          return still;
        },
        { intervals: [100] },
      )
      .toBe(true);
    return last;
  }

  /** Clicks one of the zoom/fit controls by its accessible name. */
  async control(name: 'Zoom in' | 'Zoom out' | 'Fit to screen'): Promise<void> {
    await this.page.getByTestId('graph-controls').getByRole('button', { name, exact: true }).click();
  }

  /** Whether the node is drawn inside the visible canvas. */
  async inView(id: string): Promise<boolean> {
    const at = await this.page.evaluate((nodeId) => window.__accessGraph!.renderedPosition(nodeId), id);
    const box = await this.canvas.boundingBox();
    return at !== undefined && box !== null && at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
  }

  /** Clicks a node where the canvas draws it. */
  async clickNode(id: string): Promise<void> {
    const at = await this.page.evaluate((nodeId) => window.__accessGraph!.renderedPosition(nodeId), id);
    if (at === undefined) throw new Error(`node ${id} is not drawn`);
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the canvas is not on screen');
    await this.page.mouse.click(box.x + at.x, box.y + at.y);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('graph-search').fill(text);
  }

  async pickFirstResult(): Promise<void> {
    await this.page.getByTestId('graph-search').press('Enter');
  }

  async openFilters(): Promise<Locator> {
    const panel = this.page.getByTestId('graph-filters');
    if (!(await panel.isVisible())) await this.page.getByTestId('graph-filters-toggle').click();
    await expect(panel).toBeVisible();
    return panel;
  }

  async toggleFilter(
    testId: 'filter-only-external' | 'filter-only-findings' | 'filter-show-grants',
  ): Promise<void> {
    const panel = await this.openFilters();
    await panel.getByTestId(testId).click();
    await this.waitReady();
  }

  async export(format: 'png' | 'svg'): Promise<Download> {
    await this.page.getByTestId('graph-export').click();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`graph-export-${format}`).click();
    return download;
  }
}
