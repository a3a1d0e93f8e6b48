import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, isMultiValuedType, normaliseAccessLevels, type ConditionKeyType } from '../../src/catalog/vocabulary';

describe('normaliseAccessLevels', () => {
  it('keeps a single level', () => {
    expect(normaliseAccessLevels('Read')).toStrictEqual(['Read']);
    expect(normaliseAccessLevels('Permissions management')).toStrictEqual(['Permissions management']);
  });

  it('splits the combined values of iam-data into vocabulary order', () => {
    expect(normaliseAccessLevels('Tagging, Write')).toStrictEqual(['Write', 'Tagging']);
    expect(normaliseAccessLevels('Permissions management, Write')).toStrictEqual(['Write', 'Permissions management']);
    expect(normaliseAccessLevels('Write,Tagging,Write')).toStrictEqual(['Write', 'Tagging']);
  });

  it('rejects unknown or empty levels', () => {
    expect(normaliseAccessLevels('Admin')).toBeUndefined();
    expect(normaliseAccessLevels('Read, Admin')).toBeUndefined();
    expect(normaliseAccessLevels('')).toBeUndefined();
    expect(normaliseAccessLevels('read')).toBeUndefined();
  });

  it('lists the five documented levels', () => {
    expect(ACCESS_LEVELS).toStrictEqual(['List', 'Read', 'Write', 'Permissions management', 'Tagging']);
  });
});

describe('isMultiValuedType', () => {
  it('is true only for ArrayOf types', () => {
    const types: ConditionKeyType[] = ['ArrayOfString', 'ArrayOfARN', 'String', 'Bool'];
    expect(types.map(isMultiValuedType)).toStrictEqual([true, true, false, false]);
  });
});
