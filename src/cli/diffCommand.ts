/**
 * `accessgraph diff <before.json> <after.json> [--json]`: the access a change adds and removes,
 * principal by resource by action (with the role path), and role assumptions gained or lost.
 */
import { runAnalysis } from '../analysis/analyzeScenario';
import { diffAccess } from '../analysis/diff';
import type { AccessChange } from '../analysis/types';
import { DEFAULT_ENGINE } from '../analysis/defaultEngine';
import type { AnalysisEngine } from '../analysis/engineApi';
import type { Scenario } from '../model/types';
import { prepareNodeEnv, type CommandOutput } from './analyzeCommand';
import { writeJson } from './jsonLines';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

function describeAccess(change: AccessChange): string {
  const access = change.after ?? change.before;
  const on = access?.resource ?? change.resource;
  const via = access?.via === undefined ? '' : ` via ${access.via.join(' → ')}`;
  const how = change.change === 'changed' ? ` (${change.before?.decision ?? '?'} → ${change.after?.decision ?? '?'})` : access?.decision === 'conditional' ? ' (conditional)' : '';
  return `${MARK[change.change]} ${change.principal} ${change.action} ${on}${via}${how}`;
}

/** Runs `diff`; resolves to 0. `engine` is for tests. */
export async function runDiff(before: Scenario, after: Scenario, io: CommandOutput, json: boolean, engine: AnalysisEngine = DEFAULT_ENGINE): Promise<number> {
  const env = await prepareNodeEnv([before, after], engine);
  const a = runAnalysis(before, env).graph;
  const b = runAnalysis(after, env).graph;
  const diff = diffAccess(a, b);
  if (json) {
    writeJson(diff, (text) => io.out(text));
    return 0;
  }
  for (const change of diff.access) io.out(describeAccess(change));
  for (const change of diff.assume) io.out(`${MARK[change.change]} ${change.principal} can assume ${change.role} (${change.before ?? 'no'} → ${change.after ?? 'no'})`);
  const s = diff.summary;
  io.out(`${s.added} added, ${s.removed} removed, ${s.changed} changed${diff.assume.length > 0 ? `; ${diff.assume.length} role assumption change(s)` : ''}`);
  return 0;
}
