/**
 * The whole app as a test sees it: load it clean (or with a chosen theme), wait for the first graph,
 * and reach each panel's page object.
 */
import { expect, type Page } from '@playwright/test';
import { lessonById, lessonScenario } from '../../src/lessons';
import { EditorPage } from './EditorPage';
import { ExplorerPage } from './ExplorerPage';
import { GraphArea } from './GraphArea';
import { InspectorPage } from './InspectorPage';

export class AppPage {
  readonly editor: EditorPage;
  readonly explorer: ExplorerPage;
  readonly inspector: InspectorPage;
  readonly graph: GraphArea;

  constructor(readonly page: Page) {
    this.editor = new EditorPage(page);
    this.explorer = new ExplorerPage(page);
    this.inspector = new InspectorPage(page);
    this.graph = new GraphArea(page);
  }

  /** Opens the app with empty storage (a first visit) and waits until the first analysis is on screen. */
  async open(options: { theme?: 'light' | 'dark'; keepStorage?: boolean } = {}): Promise<void> {
    if (options.theme !== undefined) await this.page.emulateMedia({ colorScheme: options.theme });
    if (options.keepStorage !== true) {
      await this.page.addInitScript(() => {
        // `about:blank` (between two page loads) has no storage to clear.
        if (location.origin !== 'null' && sessionStorage.getItem('ag-e2e-cleared') === null) {
          localStorage.clear();
          sessionStorage.setItem('ag-e2e-cleared', '1');
        }
      });
    }
    await this.page.goto('/');
    await this.waitForAnalysis();
  }

  /** Waits until the Explorer shows the analysed scenario. */
  async waitForAnalysis(): Promise<void> {
    await expect(this.page.getByRole('tree')).toBeVisible();
  }

  async openPalette(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k');
    await expect(this.page.getByRole('dialog')).toBeVisible();
  }

  /** Runs the first palette command matching `query` (a command title or a lesson's title). */
  async runCommand(query: string): Promise<void> {
    await this.openPalette();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('combobox').fill(query);
    await dialog.getByRole('option').first().click();
    await expect(dialog).toBeHidden();
  }

  /** Puts a built-in lesson's scenario into the editor (as a paste) and waits until `node` is drawn. */
  async loadLesson(id: string, node: string): Promise<void> {
    const lesson = lessonById(id);
    if (lesson === undefined) throw new Error(`no lesson ${id}`);
    await this.editor.loadScenario(lessonScenario(lesson, 'en'));
    await this.graph.waitForNode(node);
  }

  /** Chooses the UI language with the top bar's toggle. */
  async setLanguage(language: 'en' | 'ja'): Promise<void> {
    await this.page.locator(`.ag-lang-toggle button[lang="${language}"]`).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  /** The `data-theme` of the document. */
  theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }
}
