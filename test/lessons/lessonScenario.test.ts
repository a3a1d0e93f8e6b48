import { describe, expect, it } from 'vitest';
import { applyEdits, predictAssertion } from '../../src/lessons/lessonScenario';

describe('applyEdits', () => {
  const base = { a: [{ b: 1 }, { b: 2 }], c: { d: 'x' } };

  it('replaces values at object and array paths without touching the input', () => {
    expect(applyEdits(base, [{ path: ['a', 1, 'b'], value: 3 }, { path: ['c', 'd'], value: 'y' }])).toStrictEqual({ a: [{ b: 1 }, { b: 3 }], c: { d: 'y' } });
    expect(base).toStrictEqual({ a: [{ b: 1 }, { b: 2 }], c: { d: 'x' } });
  });

  it('appends at the index equal to the length and adds a missing last key', () => {
    expect(applyEdits(base, [{ path: ['a', 2], value: { b: 9 } }, { path: ['c', 'e'], value: true }])).toStrictEqual({ a: [{ b: 1 }, { b: 2 }, { b: 9 }], c: { d: 'x', e: true } });
  });

  it('refuses paths that lead nowhere', () => {
    expect(applyEdits(base, [{ path: ['a', 3], value: 1 }])).toBeUndefined();
    expect(applyEdits(base, [{ path: ['a', 'b'], value: 1 }])).toBeUndefined();
    expect(applyEdits(base, [{ path: ['x', 'y'], value: 1 }])).toBeUndefined();
    expect(applyEdits(base, [{ path: ['c', 'd', 'e'], value: 1 }])).toBeUndefined();
    expect(applyEdits(base, [{ path: ['a', 2, 'b'], value: 1 }])).toBeUndefined();
  });

  it('does not treat inherited properties as existing keys', () => {
    expect(applyEdits(base, [{ path: ['toString', 'x'], value: 1 }])).toBeUndefined();
  });
});

describe('predictAssertion', () => {
  it('turns a question into a request assertion', () => {
    const question = { id: 'q', question: { en: 'q', ja: 'q' }, request: { principal: 'p', action: 'a', resource: 'r', context: { 'sts:ExternalId': 'x' } }, answer: 'Deny' as const, why: { en: 'w', ja: 'w' } };
    expect(predictAssertion(question)).toStrictEqual({ name: 'predict q', principal: 'p', action: 'a', resource: 'r', context: { 'sts:ExternalId': 'x' }, expect: 'Deny' });
  });
});
