/**
 * The Inspector panel: selection summary, access tables, the request simulator and its result.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class InspectorPage {
  readonly root: Locator;
  readonly simulator: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('#ag-panel-inspector');
    this.simulator = page.getByTestId('simulator');
    this.result = page.getByTestId('simulation-result');
  }

  field(name: 'Principal' | 'Action' | 'Resource'): Locator {
    return this.simulator.getByLabel(name, { exact: true });
  }

  async simulate(request?: { principal?: string; action?: string; resource?: string }): Promise<void> {
    if (request?.principal !== undefined) await this.field('Principal').fill(request.principal);
    if (request?.action !== undefined) await this.field('Action').fill(request.action);
    if (request?.resource !== undefined) await this.field('Resource').fill(request.resource);
    await this.simulator.getByTestId('simulate').click();
  }

  /** Adds a request-context row. */
  async addContext(key: string, value: string): Promise<void> {
    await this.simulator.getByRole('button', { name: 'Add a context key' }).click();
    await this.simulator.getByLabel('Context key').last().fill(key);
    await this.simulator.getByLabel('Value', { exact: true }).last().fill(value);
  }

  /** The statement links under "Decided by". */
  deciding(): Locator {
    return this.result.getByTestId('deciding').getByTestId('statement-link');
  }

  /** One step of the evaluation walk (`identity`, `resource`, `scp`…). */
  step(name: string): Locator {
    return this.result.locator(`.ag-step[data-step="${name}"]`);
  }

  decision(): Locator {
    return this.page.getByTestId('decision');
  }

  async expectDecision(text: string): Promise<void> {
    await expect(this.decision()).toHaveText(text);
  }
}
