/**
 * The shell and the graph through the UI: panels resize and collapse, the theme switches the page
 * and the canvas, the palette and the shortcuts run commands; search, filters and zoom change what
 * the canvas shows; selecting a principal, a resource or an edge lights up what it should.
 */
import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

const USER1 = 'arn:aws:iam::222222222222:user/User1';
const USER2 = 'arn:aws:iam::222222222222:user/User2';
const BUCKET = 'arn:aws:s3:::bucket-a';
const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
const APN_ROLE = 'arn:aws:iam::111122223333:role/APNPartner';
const PARTNER_SOFTWARE = 'arn:aws:iam::444455556666:role/PartnerSoftware';
const PARTNER_BUCKET = 'arn:aws:s3:::bucket-name';

test.describe('layout', () => {
  test('dragging a splitter resizes a panel, and a panel collapses to a rail and comes back', async ({ app, page }) => {
    await app.open();
    const explorer = page.locator('#ag-panel-explorer');
    const before = (await explorer.boundingBox())?.width ?? 0;
    const splitter = page.locator('[role="separator"][data-panel="explorer"]');
    const box = await splitter.boundingBox();
    if (box === null) throw new Error('no splitter');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 100, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await explorer.boundingBox())?.width ?? 0).toBeGreaterThan(before + 80);
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(before + 100 - box.width / 2)));

    // The inspector collapses to a rail, the graph gets the room, and the rail brings it back.
    const canvas = page.getByTestId('graph-canvas');
    const canvasWidth = (await canvas.boundingBox())?.width ?? 0;
    await page.getByRole('button', { name: 'Hide Inspector' }).click();
    await expect(app.inspector.root).toBeHidden();
    await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(canvasWidth + 300);
    await page.getByRole('button', { name: 'Inspector', exact: true }).click();
    await expect(app.inspector.root).toBeVisible();

    // The layout is remembered across a reload.
    await page.reload();
    await app.waitForAnalysis();
    await expect.poll(async () => (await explorer.boundingBox())?.width ?? 0).toBeGreaterThan(before + 80);
  });

  test('the theme toggle switches the page and the canvas between light and dark', async ({ app, page }) => {
    await app.open({ theme: 'light' });
    await new GraphPage(page).waitReady();
    expect(await app.theme()).toBe('light');
    await expect.poll(() => app.graph.theme()).toBe('light');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => app.theme()).toBe('dark');
    await expect.poll(() => app.graph.theme()).toBe('dark');
    expect(await background()).not.toBe(light);
    await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('Switch to the light theme');
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => app.graph.theme()).toBe('light');
  });

  test('the command palette opens with its shortcut, filters, and runs a command', async ({ app, page }) => {
    await app.open({ theme: 'light' });
    await app.openPalette();
    const dialog = page.getByRole('dialog');
    // With every command listed, the list scrolls and the input keeps its height (it was squeezed to ~20 px).
    expect((await dialog.getByRole('combobox').boundingBox())?.height).toBeGreaterThanOrEqual(40);
    await dialog.getByRole('combobox').fill('switch theme');
    await expect(dialog.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect.poll(() => app.theme()).toBe('dark');
    // Escape closes it without running anything.
    await app.openPalette();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await app.theme()).toBe('dark');
  });

  test('Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z undo and redo an edit from anywhere', async ({ app, page }) => {
    await app.open();
    const title = page.getByRole('textbox', { name: /title/i });
    const original = await title.inputValue();
    await title.fill('Renamed scenario');
    await title.press('Enter');
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+z');
    await expect(title).toHaveValue(original);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(title).toHaveValue('Renamed scenario');
  });
});

test.describe('graph', () => {
  test('the force and layered layouts group nodes in their accounts and hand back to the organization layout', async ({ app, page }) => {
    await app.open();
    const graph = new GraphPage(page);
    await graph.waitReady();
    const before = await graph.node(USER2);
    const count = (await graph.nodes()).length;
    for (const layout of ['fcose', 'elk', 'domain'] as const) {
      await page.getByTestId('graph-layout').selectOption(layout);
      await expect.poll(async () => (await graph.stats())?.layout, { timeout: 30_000 }).toBe(layout);
      await graph.waitReady(30_000);
      // Every node is still drawn, and still inside its account.
      expect((await graph.node(USER2))?.parent).toBe(ACCOUNT_B);
      expect((await graph.node(BUCKET))?.parent).toBe(ACCOUNT_A);
      expect((await graph.nodes()).length).toBe(count);
    }
    expect((await graph.node(USER2))?.parent).toBe(before?.parent);
  });

  test('search by name or ARN selects the node and brings it into view', async ({ app, page }) => {
    await app.open();
    const graph = new GraphPage(page);
    await graph.waitReady();
    await graph.control('Zoom in');
    await graph.control('Zoom in');
    await graph.control('Zoom in');
    await graph.search('User2');
    await graph.pickFirstResult();
    await expect.poll(() => app.graph.selected()).toBe(USER2);
    await expect(app.explorer.item('User2')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => graph.inView(USER2)).toBe(true);

    await graph.search(BUCKET);
    await expect(page.getByTestId('graph-search-results').getByRole('option').first()).toContainText('bucket-a');
    await graph.pickFirstResult();
    await expect.poll(() => app.graph.selected()).toBe(BUCKET);
    await expect.poll(() => graph.inView(BUCKET)).toBe(true);
    // Framed with what it lights up: who reaches the bucket is on screen too, not only the bucket.
    await graph.control('Zoom in');
    await graph.control('Zoom in');
    await graph.search('User2');
    await graph.pickFirstResult();
    await graph.search(BUCKET);
    await graph.pickFirstResult();
    await expect.poll(() => app.graph.selected()).toBe(BUCKET);
    const drawn = await graph.nodes();
    const lit = (await graph.highlighted()).filter((id) => !drawn.some((n) => n.parent === id));
    expect(lit).toContain(USER2);
    for (const id of lit) await expect.poll(() => graph.inView(id), { message: id }).toBe(true);
  });

  test('account and type filters change what is drawn', async ({ app, page }) => {
    await app.open();
    const graph = new GraphPage(page);
    await graph.waitReady();
    // A selected node stays drawn whatever the filters; start from no selection.
    await graph.select(undefined);
    const ids = async () => (await graph.nodes()).filter((n) => n.visible).map((n) => n.id);
    expect(await ids()).toEqual(expect.arrayContaining([BUCKET, USER1, USER2]));
    const panel = await graph.openFilters();
    await panel.getByRole('button', { name: 'AccountB', exact: true }).click();
    await expect.poll(ids).not.toContain(BUCKET);
    expect(await ids()).toEqual(expect.arrayContaining([USER1, USER2]));
    await panel.getByRole('button', { name: 'AccountB', exact: true }).click();
    await expect.poll(ids).toContain(BUCKET);
    await panel.locator('[data-type="bucket"]').click();
    await expect.poll(ids).not.toContain(USER1);
    expect(await ids()).toContain(BUCKET);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(ids).toContain(USER1);
  });

  test('only external and only findings keep the nodes they name', async ({ app, page }) => {
    await app.open();
    await app.loadLesson('partner-role', APN_ROLE);
    const graph = new GraphPage(page);
    await graph.waitReady();
    const leaves = async () => (await graph.nodes()).filter((n) => n.visible && n.classes.includes('leaf')).map((n) => n.id).sort();
    expect(await leaves()).toContain(PARTNER_BUCKET);
    // External nodes and what they touch stay; the bucket, reached only through the role, goes.
    await graph.toggleFilter('filter-only-external');
    await expect.poll(leaves).not.toContain(PARTNER_BUCKET);
    expect(await leaves()).toEqual(
      [APN_ROLE, PARTNER_SOFTWARE, 'arn:aws:iam::444455556666:user/intern', 'ecs-tasks.amazonaws.com'].sort(),
    );
    await graph.toggleFilter('filter-only-external');
    await graph.toggleFilter('filter-only-findings');
    await expect.poll(leaves).toEqual([PARTNER_BUCKET, APN_ROLE].sort());
  });

  test('zoom controls change the zoom and fit brings it back', async ({ app, page }) => {
    await app.open();
    const graph = new GraphPage(page);
    await graph.waitReady();
    await graph.control('Fit to screen');
    const fitted = await graph.settledZoom();
    await graph.control('Zoom in');
    await expect.poll(() => graph.zoom()).toBeGreaterThan(fitted * 1.1);
    await graph.control('Zoom out');
    await graph.control('Zoom out');
    await expect.poll(() => graph.zoom()).toBeLessThan(fitted);
    await graph.control('Fit to screen');
    expect(Math.abs((await graph.settledZoom()) - fitted)).toBeLessThan(0.01);
  });
});

test.describe('highlighting', () => {
  test('a principal lights up what it reaches; User1 reaches nothing', async ({ app, page }) => {
    await app.open();
    const graph = new GraphPage(page);
    await graph.waitReady();
    await graph.clickNode(USER2);
    await expect.poll(() => graph.highlighted()).toEqual([USER2, BUCKET].sort());
    expect(await graph.highlightedEdges()).toContain(`effective-access|${USER2}|${BUCKET}`);
    const dimmed = (await graph.nodes()).find((n) => n.id === USER1);
    expect(dimmed?.classes).toContain('dim');
    await graph.select(USER1);
    await expect.poll(() => graph.highlighted()).toEqual([USER1]);
    await expect(app.inspector.root.getByText('This principal cannot reach any resource')).toBeVisible();
  });

  test('a resource lights up the principals that reach it', async ({ app, page }) => {
    await app.open();
    const graph = new GraphPage(page);
    await graph.waitReady();
    await graph.select(BUCKET);
    const lit = await graph.highlighted();
    expect(lit).toEqual(expect.arrayContaining([BUCKET, USER2, ACCOUNT_B]));
    expect(lit).not.toContain(USER1);
    expect(lit).not.toContain(ACCOUNT_A);
    await expect(page.getByTestId('who-can-reach')).toContainText('User2');
    await expect(page.getByTestId('who-can-reach')).not.toContainText('User1');
  });

  test('a role chain lights up through the role, and an edge shows the statements that create it', async ({ app, page }) => {
    await app.open();
    await app.loadLesson('partner-role', APN_ROLE);
    const graph = new GraphPage(page);
    await graph.waitReady();
    await graph.select(PARTNER_SOFTWARE);
    await expect.poll(() => graph.highlighted()).toEqual(expect.arrayContaining([PARTNER_SOFTWARE, APN_ROLE, PARTNER_BUCKET]));
    const assume = `can-assume|${PARTNER_SOFTWARE}|${APN_ROLE}`;
    expect(await graph.highlightedEdges()).toContain(assume);

    await graph.select(assume);
    const summary = page.getByTestId('edge-summary');
    await expect(summary).toContainText('PartnerSoftware');
    await expect(summary).toContainText('APNPartner');
    const statements = summary.getByTestId('statement-link');
    await expect(statements.filter({ hasText: 'Trust policy' })).toHaveCount(1);
    await expect(statements.filter({ hasText: 'AssumeCustomerRole' })).toHaveCount(1);
  });

  test('conditional access is drawn differently from unconditional access', async ({ app, page }) => {
    await app.open();
    await app.loadLesson('external-id', 'arn:aws:iam::222222222222:role/CrossAccountRole');
    const graph = new GraphPage(page);
    await graph.waitReady();
    const edge = (await graph.edges()).find((e) => e.kind === 'can-assume');
    expect(edge?.decision).toBe('conditional');
    expect(edge?.classes).toContain('conditional');
    expect(edge?.label).toContain('ExternalId');
    await app.loadLesson('partner-role', APN_ROLE);
    await graph.waitReady();
    const plain = await graph.edge(`can-assume|${PARTNER_SOFTWARE}|${APN_ROLE}`);
    expect(plain?.classes).toContain('allowed');
    expect(plain?.classes).not.toContain('conditional');
  });
});
