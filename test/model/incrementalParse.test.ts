import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioTextFrom, textLines, type TextParse } from '../../src/model/incrementalParse';
import { lineIndexOf, lineStartsOf } from '../../src/model/json';
import { parseScenarioText } from '../../src/model/parseScenario';
import { analysisOrg } from '../../scripts/bench/analysisOrg';

const DIR = new URL('../fixtures/conformance/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(new URL(f, DIR), 'utf8'));

/** Pieces an edit inserts: policy text, JSON punctuation that may break the syntax, whitespace. */
const PIECES = [
  ' ',
  '\n',
  '\n    ',
  '"',
  ',',
  '{',
  '}',
  '[',
  ']',
  ':',
  'x',
  '*',
  '0',
  'null',
  '"s3:*"',
  '"Deny"',
  '"Allow"',
  '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, ',
  '"Condition": { "Bool": { "aws:SecureTransport": "false" } }, ',
  '"NotAction": "iam:*", ',
  '"Sid": "x", ',
  '"Bogus": 1, ',
  '"x": { "x": 1, "y": 2 }, ',
];

function anchorsOf(text: string, marker: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) out.push(i);
  return out;
}

/** Offsets where edits land most often: inside statements, layouts and documents. */
function anchors(text: string): number[] {
  const out: number[] = [];
  for (const marker of [
    '"Statement"',
    '"Effect"',
    '"Action"',
    '"Resource"',
    '"Condition"',
    '"layout"',
    '"Version"',
    '"x"',
  ]) {
    for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1))
      out.push(i, i + marker.length + 2);
  }
  return out.length > 0 ? out.sort((a, b) => a - b) : [0];
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** An edit before it is placed in a text. */
interface RawEdit {
  readonly anchor: number;
  readonly shift: number;
  readonly remove: number;
  readonly piece: string;
  readonly anywhere: boolean;
}

const edit: fc.Arbitrary<RawEdit> = fc.record({
  anchor: fc.nat(),
  shift: fc.integer({ min: -3, max: 40 }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
  piece: fc.constantFrom(...PIECES),
  anywhere: fc.boolean(),
});

function apply(text: string, e: Edit): string {
  return text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
}

function place(text: string, raw: RawEdit): Edit {
  const points = anchors(text);
  const base = raw.anywhere
    ? raw.anchor % (text.length + 1)
    : (points[raw.anchor % points.length] as number) + raw.shift;
  const at = Math.max(0, Math.min(text.length, base));
  return { at, remove: Math.min(raw.remove, text.length - at), insert: raw.piece };
}

/** Runs a chain of edits from a full parse, checking each incremental parse against a full one. */
function chain(start: string, edits: readonly RawEdit[]): { patched: number } {
  let text = start;
  let previous: TextParse | undefined = parseScenarioTextFrom(undefined, text);
  let patched = 0;
  for (const raw of edits) {
    const placed = place(text, raw);
    text = apply(text, placed);
    const next = parseScenarioTextFrom(previous, text);
    expect(next.result).toStrictEqual(parseScenarioText(text));
    // Lines and columns (editor markers, lint) are the new text's, around the edit and throughout.
    const lines = textLines(next);
    if (lines !== undefined) {
      const truth = lineIndexOf(lineStartsOf(text));
      const step = Math.max(1, Math.floor(text.length / 150));
      const offsets = [
        placed.at - 1,
        placed.at,
        placed.at + placed.insert.length,
        placed.at + placed.insert.length + 1,
      ];
      for (let o = 0; o < text.length; o += step) offsets.push(o);
      for (const o of offsets)
        if (o >= 0 && o < text.length) expect(lines.rangeOf(o, 1)).toStrictEqual(truth.rangeOf(o, 1));
    }
    // A patched parse keeps the previous scenario's untouched lists.
    if (
      previous.result.scenario !== undefined &&
      next.result.scenario?.accounts === previous.result.scenario.accounts
    )
      patched += 1;
    previous = next;
  }
  return { patched };
}

describe('parseScenarioTextFrom', () => {
  it('equals a full parse after every edit of a chain of random edits, on every conformance scenario', () => {
    let patched = 0;
    for (const text of FIXTURES) {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (list) => {
          patched += chain(text, list).patched;
        }),
        { numRuns: 12, seed: 7 },
      );
    }
    // Most random edits break the syntax and every later edit of the chain parses in full; some must patch.
    expect(patched).toBeGreaterThan(0);
  });

  it('patches every edit that adds a key to a statement, and equals a full parse', () => {
    let patched = 0;
    let edits = 0;
    for (const text of FIXTURES) {
      const statements = anchorsOf(text, '"Effect"');
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (picks) => {
          let current = text;
          let previous = parseScenarioTextFrom(undefined, current);
          if (previous.result.scenario === undefined || statements.length === 0) return;
          for (const [k, pick] of picks.entries()) {
            const points = anchorsOf(current, '"Effect"');
            // A key no fixture uses, so the statement stays valid; before "Effect", so it lands inside the statement.
            current = apply(current, {
              at: points[pick % points.length] as number,
              remove: 0,
              insert: `"Sid": "edit${String(k)}", `,
            });
            const next = parseScenarioTextFrom(previous, current);
            expect(next.result).toStrictEqual(parseScenarioText(current));
            edits += 1;
            if (next.result.scenario?.accounts === previous.result.scenario?.accounts) patched += 1;
            previous = next;
          }
        }),
        { numRuns: 4, seed: 3 },
      );
    }
    expect(edits).toBeGreaterThan(0);
    expect(patched).toBe(edits);
  });

  it('after texts that do not parse, patches the next one from the last that did', () => {
    const good = JSON.stringify(analysisOrg('S'), null, 2);
    const at = good.indexOf('"Effect"', good.indexOf('"roles"'));
    const typing = ['"', '"S', '"Sid', '"Sid"', '"Sid":', '"Sid": "x"', '"Sid": "x",'].map(
      (piece) => good.slice(0, at) + piece + ' ' + good.slice(at),
    );
    const first = parseScenarioTextFrom(undefined, good);
    let previous = first;
    for (const text of typing) {
      const next = parseScenarioTextFrom(previous, text);
      expect(next.result).toStrictEqual(parseScenarioText(text));
      previous = next;
    }
    // Only the last text parses; it shares everything outside the edited document with the first.
    expect(typing.slice(0, -1).every((t) => parseScenarioText(t).scenario === undefined)).toBe(true);
    const scenario = previous.result.scenario;
    expect(scenario?.accounts).toBe(first.result.scenario?.accounts);
    expect(scenario?.resources).toBe(first.result.scenario?.resources);
  });

  it('equals a full parse on a pretty-printed and on a one-line org with many sites and diagnostics', () => {
    const value = analysisOrg('S');
    for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value)]) {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (list) => {
          chain(text, list);
        }),
        { numRuns: 15, seed: 11 },
      );
    }
  });

  it('parses only the edited document: other objects are the previous parse', () => {
    const text = FIXTURES.find((t) => t.includes('"policies"') && t.includes('"document"')) ?? '';
    const first = parseScenarioTextFrom(undefined, text);
    const at = text.indexOf('"Statement"');
    const next = parseScenarioTextFrom(first, `${text.slice(0, at)}"Id": "edited", ${text.slice(at)}`);
    expect(next.result.scenario?.accounts).toBe(first.result.scenario?.accounts);
    expect(next.result.scenario?.resources).toBe(first.result.scenario?.resources);
  });

  it('moves the diagnostics after an edit that adds lines', () => {
    const text = JSON.stringify(
      {
        format: 'accessgraph/v1',
        accounts: [{ id: '111111111111', name: 'a' }],
        users: [
          {
            arn: 'arn:aws:iam::111111111111:user/u',
            policies: [
              {
                name: 'p',
                document: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
                },
              },
            ],
          },
        ],
        roles: [{ arn: 'arn:aws:iam::111111111111:role/r' }],
      },
      null,
      2,
    );
    const first = parseScenarioTextFrom(undefined, text);
    const warning = first.result.diagnostics.find((d) => d.code === 'missing-key');
    expect(warning?.range).toBeDefined();
    const at = text.indexOf('"Statement"');
    const next = parseScenarioTextFrom(first, `${text.slice(0, at)}"Id": "x",\n\n\n${text.slice(at)}`);
    expect(next.result.scenario?.accounts).toBe(first.result.scenario?.accounts);
    expect(next.result.diagnostics.find((d) => d.code === 'missing-key')?.range?.line).toBe(
      (warning?.range?.line ?? 0) + 3,
    );
  });
});
