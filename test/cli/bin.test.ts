import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/accessgraph.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/conformance/', import.meta.url));

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  // From another directory, as an installed command runs.
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: '/', encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the accessgraph command', () => {
  it('runs the same CLI as npm run cli, with its exit codes', () => {
    const passing = run(['check', `${FIXTURES}T001-no-policies-implicit-deny.json`]);
    expect(passing).toMatchObject({ status: 0, stdout: '1 passed, 0 failed\n' });
    const missing = run(['check', '/no/such/scenario.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('/no/such/scenario.json: error: no such file');
  }, 120_000);
});
