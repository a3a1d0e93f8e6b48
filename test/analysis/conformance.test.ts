import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { DEFAULT_ENGINE } from '../../src/analysis/defaultEngine';
import { expandActions } from '../../src/analysis/grants';
import { isChainedSession } from '../../src/analysis/queries';
import type { AccessGraph } from '../../src/analysis/types';
import { runAnalyze } from '../../src/cli/analyzeCommand';
import type { AnalysisDecision } from '../../src/engine/types';
import { applyEdits, LESSONS, lessonScenario, lessonTryIts } from '../../src/lessons';
import { parseScenarioText } from '../../src/model/parseScenario';
import type { Scenario } from '../../src/model/types';
import { conformanceScenarios, envFor, scenarioOf } from './support/env';

const EDGE_OF: Record<AnalysisDecision, string> = { Allow: 'allowed', Conditional: 'conditional', ExplicitDeny: 'blocked', ImplicitDeny: 'blocked' };
const FIXTURES = new URL('../fixtures/conformance/', import.meta.url);
const SHARED_CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);

function evaluated(graph: AccessGraph): unknown[] {
  return graph.edges.flatMap((e): unknown[] => {
    if (e.kind === 'can-assume') return [e];
    if (e.kind !== 'effective-access') return [];
    const { grants: _grants, ...rest } = e;
    return [{ ...rest, actions: expandActions(e, graph.actionLevels) }];
  });
}

/** The shared conformance corpus, when present: the cases the fixtures do not hold verbatim. */
function sharedConformance(): [string, Scenario][] {
  if (!existsSync(SHARED_CONFORMANCE)) return [];
  return readdirSync(SHARED_CONFORMANCE)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file): [string, Scenario][] => {
      const text = readFileSync(new URL(file, SHARED_CONFORMANCE), 'utf8');
      const copy = new URL(file, FIXTURES);
      if (existsSync(copy) && readFileSync(copy, 'utf8') === text) return [];
      const { scenario, diagnostics } = parseScenarioText(text);
      if (scenario === undefined) throw new Error(`shared/${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
      return [[`shared/${file}`, scenario]];
    });
}

/** Every built-in lesson, and every lesson after each try-it solution (the seed-style scenarios). */
function lessonScenarios(): [string, Scenario][] {
  return LESSONS.flatMap((lesson) => {
    const base = lessonScenario(lesson, 'en');
    const solved = lessonTryIts(lesson).flatMap((task): [string, Scenario][] => {
      const value = applyEdits(base, task.solution);
      return value === undefined ? [] : [[`lesson ${lesson.id} / ${task.id}`, scenarioOf(value)]];
    });
    return [[`lesson ${lesson.id}`, scenarioOf(base)] as [string, Scenario], ...solved];
  });
}

/** What `analyze --json` prints for a scenario, parsed back. */
async function analyzeJson(scenario: Scenario): Promise<AccessGraph> {
  const lines: string[] = [];
  expect(await runAnalyze(scenario, { out: (line) => lines.push(line) }, true)).toBe(0);
  return JSON.parse(lines.join('\n')) as AccessGraph;
}

const CASES = [...conformanceScenarios(), ...sharedConformance(), ...lessonScenarios()];

describe('analysis agrees with the engine on every conformance and lesson scenario', () => {
  it('covers the lessons and their try-it solutions', () => {
    expect(CASES.filter(([name]) => name.startsWith('lesson ')).length).toBeGreaterThan(LESSONS.length);
  });

  it.each(CASES)('%s', async (_file, scenario) => {
    const env = await envFor(scenario, DEFAULT_ENGINE);
    const snapshot = runAnalysis(scenario, env);
    const { graph, compiled } = snapshot;
    const engine = DEFAULT_ENGINE;
    for (const edge of graph.edges) {
      if (edge.kind === 'can-assume') {
        const result = engine.evaluateForAnalysis(compiled as never, { principal: edge.source, action: edge.action, resource: edge.target }, { chained: edge.chained });
        expect([edge.id, EDGE_OF[result.decision]]).toStrictEqual([edge.id, edge.decision]);
        if (edge.decision === 'blocked') expect(edge.blockedBy?.reason).toBe(result.explanation.reason);
        else expect(edge.statements).toStrictEqual(result.explanation.deciding);
      }
      if (edge.kind === 'effective-access') {
        for (const access of expandActions(edge, graph.actionLevels)) {
          const resource = access.resource ?? edge.target;
          const caller = access.via?.at(-1) ?? edge.source;
          const result = engine.evaluateForAnalysis(compiled as never, { principal: caller, action: access.action, resource }, { chained: isChainedSession(snapshot, edge.source, access.via) });
          expect(result.decision === 'Allow' || result.decision === 'Conditional').toBe(true);
          expect(access.statements).toStrictEqual(result.explanation.deciding);
          if (access.via === undefined) expect([edge.id, access.action, access.decision]).toStrictEqual([edge.id, access.action, EDGE_OF[result.decision]]);
          else if (result.decision === 'Conditional') expect(access.decision).toBe('conditional');
        }
      }
    }
    // The CLI's JSON is this same graph (so the check above holds for `analyze --json`).
    expect(await analyzeJson(scenario)).toStrictEqual(JSON.parse(JSON.stringify(graph)));
    const naive = runAnalysis(scenario, env, undefined, { exact: true });
    expect(evaluated(graph)).toStrictEqual(evaluated(naive.graph));
  });
});
