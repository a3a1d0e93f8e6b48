/**
 * The conformance suite (SEMANTICS §8): every scenario file runs through the scenario parser and the
 * exact engine, the way `accessgraph check` runs it (`runCheck`), one test per file. A failing assertion
 * fails its file's test with the check line: expected vs actual, the reason, the step and the deciding
 * statement. The shared suite runs when `../shared` is present; the project's own copies under
 * test/fixtures/conformance always run, so a clone without `../shared` still tests the engine. The
 * provisional cases (§8.13) are informative: they run and report a disagreement without failing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckResult } from '../../src/cli/checkCommand';
import { parseScenarioSource } from '../../src/cli/readScenario';

const SHARED = join(import.meta.dirname, '../../../shared/conformance');
const OWN = join(import.meta.dirname, '../fixtures/conformance');

/** What one file's check printed and counted. */
interface FileRun extends CheckResult {
  readonly assertions: number;
  readonly lines: readonly string[];
}

function checkFile(file: string): FileRun {
  const read = parseScenarioSource(file, readFileSync(file, 'utf8'));
  // A conformance file that does not parse is a broken fixture, never a skipped case.
  if (!read.ok) throw new Error(read.lines.join('\n'));
  const lines: string[] = [];
  const result = runCheck(read.scenario, file, { out: (line) => lines.push(line) });
  return { ...result, assertions: read.scenario.assertions.length, lines };
}

function jsonFiles(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
}

function firmSuite(folder: string): void {
  const files = jsonFiles(folder);
  it('holds the firm cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(84);
  });
  it.each(files)('%s', (file) => {
    const run = checkFile(join(folder, file));
    expect(run.lines).toStrictEqual([]);
    expect(run.assertions).toBeGreaterThan(0);
    expect({ passed: run.passed, failed: run.failed }).toStrictEqual({ passed: run.assertions, failed: 0 });
  });
}

/**
 * Provisional cases the engine is known to decide otherwise (file → why). Empty: the engine follows every
 * provisional choice of SEMANTICS §8.13 today. A file listed here is expected to disagree (`it.fails`),
 * so the list cannot go stale silently.
 */
const PROVISIONAL_DISAGREEMENTS: ReadonlyMap<string, string> = new Map();

function provisionalSuite(folder: string): void {
  const files = jsonFiles(folder);
  it('holds the provisional cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const note = PROVISIONAL_DISAGREEMENTS.get(file);
    if (note !== undefined) {
      it.fails(`${file} (engine disagrees: ${note})`, () => {
        expect(checkFile(join(folder, file)).failed).toBe(0);
      });
      continue;
    }
    it(file, async ({ annotate }) => {
      const run = checkFile(join(folder, file));
      expect(run.assertions).toBeGreaterThan(0);
      // Informative only (SEMANTICS §8.13): report a disagreement, never fail the build on it.
      for (const line of run.lines) await annotate(`provisional disagreement: ${line}`, 'warning');
      expect(run.passed + run.failed).toBe(run.assertions);
    });
  }
}

describe.skipIf(!existsSync(SHARED))('shared conformance suite (../shared/conformance)', () => {
  firmSuite(SHARED);
  describe('provisional (informative)', () => provisionalSuite(join(SHARED, 'provisional')));
});

describe('project conformance copies (test/fixtures/conformance)', () => {
  firmSuite(OWN);
  describe('provisional (informative)', () => provisionalSuite(join(OWN, 'provisional')));
});
