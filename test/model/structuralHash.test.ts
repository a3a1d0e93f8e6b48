import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashValue, StructuralHash } from '../../src/model/structuralHash';

/** JSON-like values as a parsed scenario holds them. */
const json = fc.jsonValue({ maxDepth: 4 });

describe('structural hash', () => {
  it('is equal for equal values built separately (a fresh parse)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(hashValue(JSON.parse(JSON.stringify(value)))).toBe(hashValue(value));
      }),
    );
  });

  it('tells apart values whose JSON texts differ', () => {
    // Collisions of a 64-bit hash are possible in principle, never in a few hundred random pairs.
    fc.assert(
      fc.property(json, json, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(hashValue(a)).not.toBe(hashValue(b));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps apart values that feed the same characters', () => {
    const cases: unknown[] = [['ab'], ['a', 'b'], { a: 1 }, ['a', 1], '1', 1, 'true', true, null, [], {}, [[]], [{}], { a: [] }, { a: {} }, { ab: 'c' }, { a: 'bc' }, ''];
    const hashes = cases.map(hashValue);
    expect(new Set(hashes).size).toBe(cases.length);
  });

  it('skips properties whose value is undefined, as JSON.stringify does', () => {
    expect(hashValue({ a: 1, b: undefined })).toBe(hashValue({ a: 1 }));
  });

  it('depends on the order of parts', () => {
    expect(new StructuralHash().string('a').string('b').digest()).not.toBe(new StructuralHash().string('b').string('a').digest());
    expect(new StructuralHash().string('a').separator().digest()).not.toBe(new StructuralHash().separator().string('a').digest());
  });
});
