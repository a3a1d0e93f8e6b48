/**
 * The Inspector through the UI: the simulator's decision, deciding statements and evaluation walk
 * (each statement a link to its line in the editor), request context, a principal's effective
 * access, who can reach a resource, and findings that focus the graph on their subject.
 */
import { expect, test } from './fixtures';
import { lessonById } from '../src/lessons';
import { GraphPage } from './pages/GraphPage';

const USER1 = 'arn:aws:iam::222222222222:user/User1';
const USER2 = 'arn:aws:iam::222222222222:user/User2';
const OBJECT = 'arn:aws:s3:::bucket-a/report.csv';
const APN_ROLE = 'arn:aws:iam::111122223333:role/APNPartner';
const ALICE = 'arn:aws:iam::111111111111:user/alice';
const CROSS_ROLE = 'arn:aws:iam::222222222222:role/CrossAccountRole';
/** The external ID the lesson's trust policy expects (its first checkpoint passes it). */
const EXTERNAL_ID = JSON.stringify(lessonById('external-id')?.checkpoints[0]).match(/"sts:ExternalId":"([^"]+)"/)?.[1] ?? '';

test('the simulator shows the decision, the deciding statements and the walk through the flow', async ({ app }) => {
  await app.open();
  const { inspector } = app;
  await inspector.simulate({ principal: USER2, action: 's3:GetObject', resource: OBJECT });
  await inspector.expectDecision('Allowed');
  // Cross-account: both the bucket policy and User2's own policy allow.
  await expect(inspector.deciding().filter({ hasText: 'PrincipalAccess' })).toHaveCount(1);
  await expect(inspector.deciding().filter({ hasText: 'ReadBucketA' })).toHaveCount(1);
  // Across accounts the bucket policy alone does not decide: it passes, and the identity policy allows.
  await expect(inspector.step('resource-based')).toHaveAttribute('data-outcome', 'pass');
  await expect(inspector.step('identity')).toHaveAttribute('data-outcome', 'allow');
  await expect(inspector.step('identity')).toHaveAttribute('data-decisive', 'true');
  await expect(inspector.step('explicit-deny')).toBeVisible();

  await inspector.simulate({ action: 's3:DeleteObject' });
  await inspector.expectDecision('Implicitly denied');
  await expect(inspector.step('identity')).toHaveAttribute('data-outcome', 'deny');

  await inspector.simulate({ principal: USER1, action: 's3:GetObject' });
  await inspector.expectDecision('Implicitly denied');
});

test('clicking a statement in the walk puts the editor cursor on its line', async ({ app, page }) => {
  await app.open();
  await app.editor.ready();
  const { inspector, editor } = app;
  await inspector.simulate({ principal: USER2, action: 's3:GetObject', resource: OBJECT });
  await inspector.expectDecision('Allowed');
  await inspector.step('resource-based').getByTestId('statement-link').filter({ hasText: 'PrincipalAccess' }).click();
  await expect(editor.tab('Scenario')).toHaveAttribute('aria-selected', 'true');
  // The statement object opens on the line before its Sid.
  const sid = await editor.lineOf('"Sid": "PrincipalAccess"');
  await expect.poll(() => editor.cursorLine()).toBe(sid - 1);
  expect(await editor.drawnCursorLine()).toBe(sid - 1);
  await expect(page.locator('.monaco-editor.focused')).toBeVisible();

  // The identity statement has no Sid: its link is numbered, and lands inside User2's policy.
  await inspector.step('identity').getByTestId('statement-link').first().click();
  const effect = await editor.lineOf('"s3:Get*"');
  await expect.poll(() => editor.cursorLine()).toBeLessThan(effect);
  expect(effect - (await editor.cursorLine())).toBeLessThanOrEqual(3);
});

test('request context decides a conditional trust', async ({ app }) => {
  await app.open();
  await app.loadLesson('external-id', CROSS_ROLE);
  const { inspector } = app;
  // The simulator opens on the new scenario's first request: alice, with the external ID.
  await expect(inspector.field('Principal')).toHaveValue(ALICE);
  await expect(inspector.field('Resource')).toHaveValue(CROSS_ROLE);
  await inspector.simulate();
  await inspector.expectDecision('Allowed');
  await inspector.simulator.getByLabel('Value', { exact: true }).fill('some-other-id');
  await inspector.simulate();
  await inspector.expectDecision('Implicitly denied');
  await inspector.simulator.getByRole('button', { name: 'Remove this key' }).click();
  await inspector.simulate();
  await inspector.expectDecision('Implicitly denied');
  // The trust policy decides: its statement did not match, for want of the external ID.
  await expect(inspector.step('resource-based')).toHaveAttribute('data-decisive', 'true');
  await expect(inspector.step('resource-based')).toContainText('sts:ExternalId');
  await inspector.addContext('sts:ExternalId', EXTERNAL_ID);
  await inspector.simulate();
  await inspector.expectDecision('Allowed');
});

test('a principal’s effective access, grouped by account, opens to its actions', async ({ app, page }) => {
  await app.open();
  await app.explorer.select('User2');
  const table = page.getByTestId('effective-access');
  await expect(table.locator('.ag-group-row')).toHaveText([/AccountA\s*111111111111/]);
  const row = table.locator('.ag-row').filter({ hasText: 'bucket-a' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Read');
  await expect(row).toContainText('own permissions');
  await row.getByRole('button').click();
  const actions = table.locator('.ag-detail-row .ag-actions li');
  await expect(actions.locator('code', { hasText: /^s3:GetObject$/ })).toHaveCount(1);
  await expect(actions.locator('code', { hasText: /^s3:DeleteObject$/ })).toHaveCount(0);
  await table.getByRole('button', { name: 'Select this resource' }).click();
  await expect.poll(() => app.graph.selected()).toBe('arn:aws:s3:::bucket-a');
  await expect(page.getByTestId('who-can-reach')).toBeVisible();
});

test('who can reach a resource lists each principal with its path', async ({ app, page }) => {
  await app.open();
  await app.loadLesson('partner-role', APN_ROLE);
  await app.graph.select('arn:aws:s3:::bucket-name');
  const table = page.getByTestId('who-can-reach');
  // The role itself, the partner's software through the role, and ECS through both.
  await expect(table.locator('tbody tr .ag-cell-label')).toHaveText(['APNPartner', 'PartnerSoftware', 'ecs-tasks']);
  const viaRole = table.locator('tbody tr').filter({ hasText: 'PartnerSoftware' }).first();
  await expect(viaRole).toContainText('APNPartner');
  await expect(viaRole).toContainText('external');
  const ecs = table.locator('tbody tr').filter({ hasText: 'ecs-tasks' });
  // The condition tag reads as one phrase and may break only after the key's prefix (`aws:` / `SourceAccount`).
  const needs = ecs.locator('.ag-tag-conditional');
  await expect(needs).toHaveText('needs aws:SourceAccount');
  expect(await needs.evaluate((tag) => tag.innerHTML.replace(/<\/?span>/g, ''))).toBe('needs aws:<wbr>SourceAccount');
  await viaRole.getByRole('button', { name: /PartnerSoftware/ }).click();
  await expect.poll(() => app.graph.selected()).toBe('arn:aws:iam::444455556666:role/PartnerSoftware');
});

test('a finding focuses the graph on its subject and opens its statement', async ({ app, page }) => {
  await app.open();
  await app.loadLesson('partner-role', APN_ROLE);
  const graph = new GraphPage(page);
  await graph.waitReady();
  await graph.control('Zoom in');
  await graph.control('Zoom in');
  await graph.control('Zoom in');
  const findings = page.getByTestId('inspector-findings');
  const finding = findings.locator('.ag-finding').filter({ hasText: 'Third-party trust without ExternalId' });
  await finding.getByRole('button', { name: /Third-party trust/ }).click();
  await expect.poll(() => app.graph.selected()).toBe(APN_ROLE);
  await expect.poll(() => graph.inView(APN_ROLE)).toBe(true);
  // Framed with what it lights up (who may assume it), not only centred.
  const drawn = await graph.nodes();
  const lit = (await graph.highlighted()).filter((id) => !drawn.some((n) => n.parent === id));
  expect(lit.length).toBeGreaterThan(1);
  for (const id of lit) await expect.poll(() => graph.inView(id), { message: id }).toBe(true);
  await expect(finding).toHaveAttribute('aria-current', 'true');
  await finding.getByRole('button', { name: 'Show the statement' }).click();
  await expect.poll(() => app.editor.cursorLine()).toBeGreaterThan(1);
  const cursor = await app.editor.drawnCursorLine();
  const principal = await app.editor.lineOf('"AWS": "arn:aws:iam::444455556666:role/PartnerSoftware"');
  expect(Math.abs(principal - cursor)).toBeLessThanOrEqual(4);

  // The Explorer's findings focus the same way.
  await graph.select(undefined);
  await app.explorer.root.locator('.ag-finding').filter({ hasText: 'bucket-name' }).getByRole('button').first().click();
  await expect.poll(() => app.graph.selected()).toBe('arn:aws:s3:::bucket-name');
});

test('names cut to fit the access table keep their distinguishing end', async ({ app, page }) => {
  const role = 'arn:aws:iam::111111111111:role/app-reader';
  const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' }] };
  const keys = [0, 1, 2].map((i) => `00000000-0000-0000-0000-00000000012${i}`);
  await app.open();
  await app.editor.loadScenario({
    format: 'accessgraph/v1',
    accounts: [{ id: '111111111111', name: 'A' }],
    roles: [
      {
        arn: role,
        trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        policies: [{ name: 'decrypt', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] } }],
      },
    ],
    resources: keys.map((id) => ({ arn: `arn:aws:kms:us-east-1:111111111111:key/${id}`, account: '111111111111', policy: keyPolicy })),
  });
  await app.graph.waitForNode(role);
  await app.graph.select(role);
  const table = page.getByTestId('effective-access');
  const labels = table.locator('tbody .ag-cell-label');
  // The whole name is the text (copy, search) and each row button's accessible name; the cut label
  // draws the key's last characters and ends inside its cell.
  await expect(labels).toHaveText(keys);
  for (const [i, key] of keys.entries()) {
    await expect(table.getByRole('button', { name: key, exact: true })).toBeVisible();
    await expect(labels.nth(i)).toHaveAttribute('data-tail', key.slice(-6));
    const [cell, box] = await Promise.all([labels.nth(i).locator('xpath=ancestor::td').boundingBox(), labels.nth(i).boundingBox()]);
    expect(box !== null && cell !== null && box.width > 0 && box.x + box.width <= cell.x + cell.width).toBe(true);
  }
});
