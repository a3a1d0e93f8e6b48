/**
 * An organization with more effective access than the page can hold: its graph comes from the worker
 * without effective-access edges (`WIRE_ACCESS_LIMIT`), and selecting a node fetches the part that node
 * needs. The synthetic S org (35,972 effective-access edges) is imported through the file input; the
 * canvas must light up, and the inspector count, exactly what the whole graph gives for the same node,
 * computed here in Node from the same scenario.
 */
import { syntheticOrganization } from '../scripts/synthetic';
import { runAnalysis } from '../src/analysis/analyzeScenario';
import { expandActions } from '../src/analysis/grants';
import type { AccessGraph } from '../src/analysis/types';
import { prepareNodeEnv } from '../src/cli/analyzeCommand';
import { computeHighlight } from '../src/graph/highlight';
import { parseScenarioValue } from '../src/model/parseScenario';
import { reacherCount, reachedCount } from '../src/state/graphLookup';
import { WIRE_ACCESS_LIMIT } from '../src/worker/graphWire';
import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

const value = syntheticOrganization('S');

async function wholeGraph(): Promise<AccessGraph> {
  const { scenario } = parseScenarioValue(value);
  if (scenario === undefined) throw new Error('the synthetic S org does not parse');
  return runAnalysis(scenario, await prepareNodeEnv([scenario])).graph;
}

function litEdges(graph: AccessGraph, id: string): string[] {
  return [...computeHighlight(graph, id).edges].sort();
}

test('a graph sent without its effective access lights up what the whole graph does for each selection', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const full = await wholeGraph();
  expect(full.edges.filter((e) => e.kind === 'effective-access').length).toBeGreaterThan(WIRE_ACCESS_LIMIT);
  const graph = new GraphPage(page);
  await app.open();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'synthetic-s.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(value)),
  });
  await expect.poll(async () => (await graph.nodes()).length, { timeout: 120_000 }).toBeGreaterThan(700);
  await graph.waitReady(60_000);

  // The first hint names the principal that reaches the most (from the counts the worker sent).
  await page.getByTestId('first-hint').getByRole('button').click();
  const principal = await page.evaluate(() => window.__accessGraph!.selected());
  expect(principal).toBeDefined();
  const most = [...full.reachability.byPrincipal].sort(
    (a, b) => b.resources.length - a.resources.length || a.principal.localeCompare(b.principal),
  )[0];
  expect(principal).toBe(most?.principal);
  const reaches = reachedCount(full, principal ?? '');
  expect(reaches).toBeGreaterThan(10);
  await expect
    .poll(() => graph.highlightedEdges(), { timeout: 30_000 })
    .toStrictEqual(litEdges(full, principal ?? ''));
  const drawn = await graph.edges();
  expect(drawn.filter((e) => e.kind === 'effective-access').length).toBeGreaterThan(0);
  const inspector = app.inspector.root;
  await expect(inspector.getByRole('heading', { name: /Can reach/ })).toContainText(String(reaches));
  // While the part was on its way the inspector said it was loading; with it, the rows are there.
  await expect(inspector.getByTestId('access-loading')).toHaveCount(0);
  await expect(inspector.getByTestId('effective-access')).toBeVisible();
  await expect(page.getByTestId('graph-hint')).not.toContainText('Loading');

  // A resource the principal reaches: every principal that reaches it lights up.
  const resource = [...full.reachability.byResource].sort(
    (a, b) => b.principals.length - a.principals.length,
  )[0];
  expect(resource).toBeDefined();
  await graph.select(resource?.resource);
  await expect
    .poll(() => graph.highlightedEdges(), { timeout: 30_000 })
    .toStrictEqual(litEdges(full, resource?.resource ?? ''));
  await expect(inspector.getByRole('heading', { name: /Who can reach it/ })).toContainText(
    String(reacherCount(full, resource?.resource ?? '')),
  );

  // The simulator suggests the actions a principal other than the selected node already has on a
  // resource, from that principal's part (the shown graph holds the selected resource's).
  const reached = most?.resources.find((r) => r.resource !== resource?.resource);
  const granted = full.edges.find((e) => e.id === reached?.edge);
  expect(granted?.kind).toBe('effective-access');
  const expected =
    granted?.kind === 'effective-access'
      ? expandActions(granted, full.actionLevels).map((a) => a.action)
      : [];
  expect(expected.length).toBeGreaterThan(0);
  await app.inspector.field('Principal').fill(most?.principal ?? '');
  await app.inspector.field('Resource').fill(reached?.resource ?? '');
  const list = await app.inspector.field('Action').getAttribute('list');
  const suggested = () =>
    page
      .locator(`datalist[id="${list ?? ''}"] option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await expect
    .poll(async () => (await suggested()).slice(0, expected.length), { timeout: 30_000 })
    .toStrictEqual(expected);

  // Selecting one of the drawn access edges keeps the part it belongs to and explains the edge.
  const edge = (await graph.edges()).find((e) => e.kind === 'effective-access');
  expect(edge).toBeDefined();
  await graph.select(edge?.id);
  expect(await graph.edge(edge?.id ?? '')).toBeDefined();
  await expect(inspector).toContainText(/effective access|can access/i);

  // An access edge of another principal, selected on its own (as a link does), is fetched with its part.
  const other = full.edges.find(
    (e) => e.kind === 'effective-access' && e.source !== principal && e.target !== resource?.resource,
  );
  expect(other).toBeDefined();
  expect(await graph.edge(other?.id ?? '')).toBeUndefined();
  await page.evaluate((id) => window.__accessGraph!.select(id), other?.id);
  await expect.poll(async () => (await graph.edge(other?.id ?? ''))?.id, { timeout: 30_000 }).toBe(other?.id);
});
