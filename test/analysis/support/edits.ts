/**
 * One-policy edits of a random organization (`randomOrg.ts`), shared by the incremental-analysis and
 * access-diff property tests: a role's identity policy, its trust policy, the first bucket's policy, or an SCP.
 */
import { runAnalysis, type AnalysisEnv, type AnalysisSnapshot } from '../../../src/analysis/analyzeScenario';
import type { Scenario } from '../../../src/model/types';
import { envFor, scenarioOf } from './env';
import { MINI_ENGINE } from './miniEngine';

export type Value = {
  roles: { policies: unknown[]; trustPolicy: { Statement: unknown[] } }[];
  resources: Record<string, unknown>[];
};

export const EDITS = ['identity', 'trust', 'bucket', 'scp'] as const;

export function edit(value: Value, kind: (typeof EDITS)[number], at: number): Value {
  const copy = structuredClone(value);
  const role = copy.roles[at % copy.roles.length]!;
  switch (kind) {
    case 'identity':
      role.policies = [
        {
          name: 'all-s3',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          },
        },
      ];
      break;
    case 'trust':
      role.trustPolicy.Statement = [];
      break;
    case 'bucket':
      copy.resources[0]!.policy = {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-a/*' },
        ],
      };
      break;
    case 'scp':
      (copy as unknown as { organization: { policies: unknown[] } }).organization.policies = [
        {
          name: 'NoS3',
          type: 'SCP',
          targets: ['222222222222'],
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: '*', Resource: '*' },
              { Effect: 'Deny', Action: 's3:*', Resource: '*' },
            ],
          },
        },
      ];
      break;
  }
  return copy;
}

/**
 * A random organization analysed before and after one edit, the second time incrementally from the
 * first (its unchanged parts are the first analysis's objects).
 */
export async function analysedEdit(
  value: Value,
  kind: (typeof EDITS)[number],
  at: number,
): Promise<{ after: Scenario; env: AnalysisEnv; previous: AnalysisSnapshot; incremental: AnalysisSnapshot }> {
  const before = scenarioOf(value);
  const after = scenarioOf(edit(value, kind, at));
  const env = await envFor(after, MINI_ENGINE);
  const previous = runAnalysis(before, env);
  return { after, env, previous, incremental: runAnalysis(after, env, previous) };
}
