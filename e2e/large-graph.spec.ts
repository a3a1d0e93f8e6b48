/**
 * A large organization stays readable: at 5,000 nodes the graph draws its boxes and leaves but no
 * trust, grant or access edge until something is selected, says on the canvas how many edges it
 * leaves out, and draws the selected principal's own paths. The graph lab page
 * (src/ui/graph/lab) is built with Vite into test-results/ and served under the app's own origin,
 * as the benchmark does.
 */
import { expect, test } from '@playwright/test';
import { buildGraphLab, graphLabUrl, routeGraphLab } from './graphLab';
import { GraphPage } from './pages/GraphPage';

const LAB = { out: 'test-results/large-graph-lab', base: '/__large-graph-lab/' } as const;

test.describe('large graph', () => {
  test.describe.configure({ timeout: 90_000 });

  test.beforeAll(() => buildGraphLab(LAB));

  test('hides trust and access edges at rest, says so, and draws the selection’s own', async ({ page }) => {
    await routeGraphLab(page, LAB);
    await page.goto(graphLabUrl(LAB, 5000));
    const graph = new GraphPage(page);
    await graph.waitReady(60_000);

    const stats = await graph.stats();
    expect(stats?.nodes).toBeGreaterThan(5000);
    expect([stats?.edges, stats?.hiddenEdges]).toStrictEqual([0, 2500]);
    expect(await graph.edges()).toStrictEqual([]);
    const hidden = page.getByTestId('graph-hint-hidden');
    await expect(hidden).toHaveText('2,500 trust and grant edges hidden at this size — select a principal or resource to see its paths');
    await expect(hidden).toBeVisible();

    const user = (await graph.nodes()).find((node) => node.kind === 'user');
    expect(user).toBeDefined();
    await graph.select(user?.id);
    const edges = await graph.edges();
    expect(edges.filter((edge) => edge.kind === 'effective-access').length).toBeGreaterThan(0);
    expect(edges.every((edge) => edge.visible && edge.source !== '' && edge.classes.includes('lit'))).toBe(true);
    expect(edges.map((edge) => edge.id).sort()).toStrictEqual(await graph.highlightedEdges());
    expect(edges.some((edge) => edge.source === user?.id)).toBe(true);
    const drawnTrust = edges.filter((edge) => edge.kind === 'can-assume').length;
    expect((await graph.stats())?.hiddenEdges).toBe(2500 - drawnTrust);
    await expect(hidden).toHaveText(`${(2500 - drawnTrust).toLocaleString('en-US')} other trust and grant edges hidden at this size`);

    await graph.select(undefined);
    expect(await graph.edges()).toStrictEqual([]);
  });
});
