import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportLessons } from '../../scripts/export-lessons';
import { LESSONS, lessonScenario } from '../../src/lessons/index';
import { parseScenarioText } from '../../src/model/parseScenario';

const folder = mkdtempSync(join(tmpdir(), 'accessgraph-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('scripts/export-lessons', () => {
  it('writes one checkable scenario file per lesson', () => {
    const files = exportLessons(join(folder, 'ja'), 'ja');
    expect(files.map((f) => basename(f))).toStrictEqual(LESSONS.map((l) => `${l.id}.json`));
    files.forEach((file, i) => {
      const text = readFileSync(file, 'utf8');
      expect(JSON.parse(text)).toStrictEqual(lessonScenario(LESSONS[i]!, 'ja'));
      const { scenario, diagnostics } = parseScenarioText(text);
      expect(diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
      expect(scenario?.assertions).toHaveLength(LESSONS[i]!.checkpoints.length);
    });
  });
});
