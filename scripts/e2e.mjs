#!/usr/bin/env node
// Runs the Playwright suite against the production build. Chromium is found the way a user's
// machine has it: Playwright's own browser when installed, else CHROMIUM_PATH, else the system's.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';

function findChromium() {
  const candidates = [];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  if (process.env.CHROMIUM_PATH) candidates.unshift(process.env.CHROMIUM_PATH);
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome');
  return candidates.find((path) => path && existsSync(path));
}

const executable = findChromium();
if (!executable) {
  console.error('No Chromium found. Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run build` first (npm test does this).');
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, AG_CHROMIUM: executable },
});
process.exit(result.status ?? 1);
