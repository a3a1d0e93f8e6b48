/**
 * `npm run bench`: runs every benchmark section and prints its figures; `npm run bench -- --json` prints
 * exactly one JSON object merging the sections; `--only <name>` runs one section (e.g. `--only engine`).
 * Sections are functions returning named figures (`engine.*`, …); add one to `SECTIONS` to add figures.
 */
import { benchAnalysis } from './bench/analysis';
import { benchEngine } from './bench/engine';

type Section = () => Promise<Record<string, number>>;

/** The benchmark sections, in order. */
const SECTIONS: readonly (readonly [string, Section])[] = [
  ['engine', () => benchEngine()],
  ['analysis', () => benchAnalysis()],
];

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  if (onlyAt >= 0 && !SECTIONS.some(([name]) => name === only)) throw new Error(`--only needs one of: ${SECTIONS.map(([name]) => name).join(', ')}`);
  const figures: Record<string, number> = {};
  for (const [name, section] of SECTIONS) {
    if (only !== undefined && name !== only) continue;
    const result = await section();
    Object.assign(figures, result);
    if (!json) {
      process.stdout.write(`${name}\n`);
      const width = Math.max(0, ...Object.keys(result).map((key) => key.length)) + 2;
      for (const [key, value] of Object.entries(result)) process.stdout.write(`  ${key.padEnd(width)}${value.toLocaleString('en-US')}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
