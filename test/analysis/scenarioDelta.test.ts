import { describe, expect, it } from 'vitest';
import { identityEdit } from '../../src/analysis/scenarioDelta';
import type { Scenario } from '../../src/model/types';
import { conformanceScenarios } from './support/env';

type Node = Record<string | number, unknown>;
type Path = readonly (string | number)[];

/** Every place in a parsed scenario a mutation can change: leaves (including `undefined` fields) and arrays. */
function* places(value: unknown, path: Path = []): Generator<{ path: Path; value: unknown }> {
  yield { path, value };
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value))
    yield* places((value as Node)[key], [...path, Array.isArray(value) ? Number(key) : key]);
}

function parentOf(root: unknown, path: Path): Node {
  let node = root as Node;
  for (const part of path.slice(0, -1)) node = node[part] as Node;
  return node;
}

/**
 * The entity whose inline documents a change at `path` edits (`users`, `groups` or `roles`, and its
 * ARN), or `undefined` when the change is one an identity edit must refuse.
 */
function inlineOwner(
  scenario: Scenario,
  path: Path,
  appended: unknown,
): { list: 'users' | 'groups' | 'roles'; arn: string } | undefined {
  const [list, at, field, k, attachmentField] = path;
  if ((list !== 'users' && list !== 'groups' && list !== 'roles') || field !== 'policies') return undefined;
  const entity = scenario[list][at as number]!;
  // The attachment list itself grew: an inline attachment added is an identity edit, a managed one is not.
  if (k === undefined)
    return (appended as { kind?: string }).kind === 'inline' ? { list, arn: entity.arn } : undefined;
  const attachment = entity.policies[k as number]!;
  if (attachment.kind !== 'inline' || attachmentField === 'kind') return undefined;
  return { list, arn: entity.arn };
}

describe('identityEdit', () => {
  const scenarios = conformanceScenarios();

  it('finds no edit between two parses of the same scenario', () => {
    for (const [, scenario] of scenarios) {
      const edit = identityEdit(scenario, structuredClone(scenario));
      expect(edit).toBeDefined();
      expect([...edit!.users, ...edit!.groups, ...edit!.roles]).toEqual([]);
    }
  });

  // Guards the typed comparers: a field they skip (one added to the model later, say) fails here.
  it('sees a change at every leaf and every list of every conformance scenario, and accepts only inline identity edits', () => {
    let checked = 0;
    for (const [file, scenario] of scenarios) {
      const copy = structuredClone(scenario);
      for (const { path, value } of [...places(scenario)]) {
        if (path.length === 0) continue;
        const parent = parentOf(copy, path);
        const key = path[path.length - 1]!;
        const original = parent[key];
        let appended: unknown;
        if (Array.isArray(value)) {
          if (value.length === 0) continue;
          appended = structuredClone(value[value.length - 1]);
          parent[key] = [...(original as unknown[]), appended];
        } else if (key === 'kind' && (value === 'inline' || value === 'managed')) {
          // An attachment's kind has two values: the mutation turns one into the other.
          parent[key] = value === 'inline' ? 'managed' : 'inline';
        } else if (value === null || typeof value !== 'object') {
          parent[key] =
            typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : `${String(value)}~`;
        } else continue;
        const edit = identityEdit(scenario, copy);
        const owner = inlineOwner(scenario, path, appended);
        const where = `${file} ${JSON.stringify(path)}`;
        if (owner === undefined) expect(edit, where).toBeUndefined();
        else {
          expect(edit, where).toBeDefined();
          expect([...edit![owner.list]], where).toEqual([owner.arn]);
          expect(edit!.documents.length, where).toBeGreaterThan(0);
        }
        parent[key] = original;
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
