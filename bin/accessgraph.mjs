#!/usr/bin/env node
// `accessgraph <command>` once the package is installed (`npm link`, `npm install -g .`): the same CLI
// as `npm run cli -- <command>`. The CLI is TypeScript; tsx's loader compiles it on the fly, so an
// install needs no build step and the CLI can never drift from the engine the app bundles.
import { register } from 'tsx/esm/api';

register();
const { runCli, EXIT } = await import('../src/cli/main.ts');
const io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch {
  process.exitCode = EXIT.invalid;
}
