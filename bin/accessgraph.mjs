#!/usr/bin/env node
// `accessgraph <command>` once the package is installed (`npm link`, `npm install -g .`), and
// `npm run cli -- <command>`. The CLI is TypeScript; tsx's loader compiles it on the fly, so an
// install needs no build step and the CLI can never drift from the engine the app bundles.
//
// Node's default heap (about 4 GB on a 64-bit machine) is too small for a dense organization: the
// synthetic M org's analysis holds 4.8 GB and, at the default limit, collected garbage for minutes
// without finishing. So the command runs itself again with a heap of three quarters of the machine's
// memory, unless its heap is already that large (or ACCESSGRAPH_HEAP says it was started this way).
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

const wantedMB = Math.floor((totalmem() * 0.75) / 2 ** 20);
if (
  process.env.ACCESSGRAPH_HEAP === undefined &&
  getHeapStatistics().heap_size_limit / 2 ** 20 < wantedMB * 0.9
) {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${wantedMB}`,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, ACCESSGRAPH_HEAP: String(wantedMB) } },
  );
  process.exit(child.status ?? 2);
}

const { register } = await import('tsx/esm/api');
register();
const { runCli, EXIT } = await import('../src/cli/main.ts');
const io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch {
  process.exitCode = EXIT.invalid;
}
