/**
 * Every lesson's checkpoints, predict answers and try-it goals, run through the engine exactly as
 * `accessgraph check` runs them. Skipped (not faked) until `runCheck` and the engine have landed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { checkFindingAssertion } from '../../src/analysis/assertions';
import { prepareNodeEnv } from '../../src/cli/analyzeCommand';
import type { JsonObject } from '../../src/io/share/jsonValue';
import { applyEdits, lessonQuestions, lessonScenario, lessonTryIts, LESSONS, predictAssertion, type AssertionJson } from '../../src/lessons/index';
import { parseScenarioValue } from '../../src/model/parseScenario';
import { exportLessons } from '../../scripts/export-lessons';
import { loadChecker, type CheckOutcome } from './checkHarness';

const checker = await loadChecker();

async function check(scenario: JsonObject, assertions: readonly AssertionJson[]): Promise<CheckOutcome> {
  const { scenario: parsed, diagnostics } = parseScenarioValue({ ...scenario, assertions });
  if (parsed === undefined || checker === undefined) throw new Error(`invariant: lesson scenario parses: ${diagnostics.map((d) => d.message).join('; ')}`);
  return checker(parsed);
}

describe.skipIf(checker === undefined)('lessons against the engine', () => {
  describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('%s', (_id, lesson) => {
    const scenario = lessonScenario(lesson, 'en');

    it('passes every checkpoint', async () => {
      const outcome = await check(scenario, lesson.checkpoints);
      expect(outcome.lines).toStrictEqual([]);
      expect([outcome.passed, outcome.failed]).toStrictEqual([lesson.checkpoints.length, 0]);
    });

    it('gives the predicted answers', async () => {
      const questions = lessonQuestions(lesson);
      const outcome = await check(scenario, questions.map(predictAssertion));
      expect(outcome.lines).toStrictEqual([]);
      expect(outcome.failed).toBe(0);
    });

    for (const tryIt of lessonTryIts(lesson)) {
      it(`try-it ${tryIt.id}: every goal is false at the start and true after the solution`, async () => {
        for (const goal of tryIt.goal) expect((await check(scenario, [goal])).failed, `${goal.name} must fail at the start`).toBe(1);
        if (tryIt.keep.length > 0) expect((await check(scenario, tryIt.keep)).lines, 'keep assertions hold at the start').toStrictEqual([]);
        const solved = applyEdits(scenario, tryIt.solution);
        if (solved === undefined) throw new Error(`invariant: the solution of ${tryIt.id} applies`);
        const after = await check(solved, [...tryIt.goal, ...tryIt.keep]);
        expect(after.lines).toStrictEqual([]);
        expect(after.failed).toBe(0);
      });
    }
  });
});

// Finding checkpoints need only the analysis graph, which exists without the engine (static findings)
// and grows with it; they run now and keep running once the engine lands.
describe('finding checkpoints against the analysis graph', () => {
  for (const lesson of LESSONS) {
    const findings = [...lesson.checkpoints, ...lessonTryIts(lesson).flatMap((t) => [...t.goal, ...t.keep])].filter((a) => 'finding' in a);
    if (findings.length === 0) continue;
    it(`${lesson.id}: the findings its checkpoints and try-it goals name`, async () => {
      const { scenario } = parseScenarioValue(lessonScenario(lesson, 'en'));
      if (scenario === undefined) throw new Error('invariant: lesson scenario parses');
      const graph = runAnalysis(scenario, await prepareNodeEnv([scenario])).graph;
      for (const assertion of scenario.assertions) {
        if (assertion.type === 'finding') expect(checkFindingAssertion(graph, assertion).actual, assertion.name).toBe(assertion.expect);
      }
      for (const tryIt of lessonTryIts(lesson)) {
        const solved = parseScenarioValue(applyEdits(lessonScenario(lesson, 'en'), tryIt.solution)).scenario;
        if (solved === undefined) throw new Error(`invariant: the solution of ${tryIt.id} parses`);
        const after = runAnalysis(solved, await prepareNodeEnv([solved])).graph;
        for (const goal of [...tryIt.goal, ...tryIt.keep]) {
          if (!('finding' in goal)) continue;
          const assertion = { type: 'finding' as const, name: goal.name, finding: goal.finding, subject: goal.subject, expect: goal.expect, path: [] };
          const before = checkFindingAssertion(graph, assertion).passed;
          expect(before, `${tryIt.id}: ${goal.name} at the start`).toBe(tryIt.keep.includes(goal));
          expect(checkFindingAssertion(after, assertion).passed, `${tryIt.id}: ${goal.name} after the solution`).toBe(true);
        }
      }
    });
  }
});

const CLI = new URL('../../src/cli/main.ts', import.meta.url);

describe.skipIf(checker === undefined || !existsSync(CLI))('exported lessons through `accessgraph check`', () => {
  it('passes every checkpoint of every lesson, in both languages', (context) => {
    const folder = mkdtempSync(join(tmpdir(), 'accessgraph-lessons-'));
    try {
      for (const language of ['en', 'ja'] as const) {
        const files = exportLessons(join(folder, language), language);
        const run = spawnSync(process.execPath, ['--import', 'tsx', CLI.pathname, 'check', ...files], { encoding: 'utf8' });
        const lines = run.stdout.trim().split('\n');
        // Until main.ts passes the analysis hooks to runCheck, role-chain and finding assertions report
        // "not supported by this build": that is the CLI's wiring, not a lesson failing.
        if (lines.some((line) => line.endsWith('assertions are not supported by this build'))) {
          context.skip();
          return;
        }
        const total = LESSONS.reduce((sum, lesson) => sum + lesson.checkpoints.length, 0);
        expect(lines).toStrictEqual([`${total} passed, 0 failed`]);
        expect(run.status).toBe(0);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
