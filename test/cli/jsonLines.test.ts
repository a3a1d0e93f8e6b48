import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisOrg } from '../../scripts/bench/analysisOrg';
import { runAnalysis } from '../../src/analysis/analyzeScenario';
import { jsonLines, writeJson } from '../../src/cli/jsonLines';
import { prepareNodeEnv } from '../../src/cli/analyzeCommand';
import { parseScenarioValue } from '../../src/model/parseScenario';

/** What the `out` of a command prints: each call's text and a newline. */
function printed(value: unknown, linesPerWrite: number): string {
  let text = '';
  writeJson(value, (chunk) => (text += `${chunk}\n`), linesPerWrite);
  return text;
}

// JSON values, plus what JSON.stringify drops or rewrites: undefined properties and array entries, NaN.
const loose = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constant(undefined),
    fc.constant(Number.NaN),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('jsonLines', () => {
  it('gives exactly JSON.stringify(value, null, 2), at every walking depth', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(loose), fc.dictionary(fc.string(), loose)),
        fc.nat(5),
        fc.integer({ min: 1, max: 7 }),
        (value, depth, group) => {
          expect([...jsonLines(value, depth)].join('\n')).toBe(JSON.stringify(value, null, 2));
          expect(printed(value, group)).toBe(`${JSON.stringify(value, null, 2)}\n`);
        },
      ),
    );
  });

  it('prints the S bench org graph as analyze --json printed it whole', async () => {
    const { scenario } = parseScenarioValue(analysisOrg('S'));
    if (scenario === undefined) throw new Error('the S bench org does not parse');
    const { graph } = runAnalysis(scenario, await prepareNodeEnv([scenario]));
    const whole = JSON.stringify(graph, null, 2);
    expect(printed(graph, 2000)).toBe(`${whole}\n`);
    // No written piece is large: each is at most 2,000 lines.
    let largest = 0;
    writeJson(graph, (chunk) => (largest = Math.max(largest, chunk.split('\n').length)));
    expect(largest).toBeLessThanOrEqual(2000);
    expect(whole.split('\n').length).toBeGreaterThan(10 * 2000);
  });
});
