/**
 * `npm run bench`: runs every benchmark section and prints its figures; `npm run bench -- --json` prints
 * exactly one JSON object merging the sections. Sections are functions returning named figures
 * (`engine.*`, …); add one to `SECTIONS` to add figures.
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
  const figures: Record<string, number> = {};
  for (const [name, section] of SECTIONS) {
    const result = await section();
    Object.assign(figures, result);
    if (!json) {
      process.stdout.write(`${name}\n`);
      for (const [key, value] of Object.entries(result)) process.stdout.write(`  ${key.padEnd(40)} ${value.toLocaleString('en-US')}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
