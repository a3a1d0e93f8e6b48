import { describe, expect, it } from 'vitest';
import { contextKeySuggestions } from '../../../src/ui/inspector/simulatorSuggestions';
import { loadedCatalog } from '../../catalog/loadedCatalog';

describe('contextKeySuggestions', () => {
  it('offers the service keys first, then the global ones, each key once', async () => {
    const catalog = await loadedCatalog();
    const keys = contextKeySuggestions(catalog, 's3:PutObject').map((s) => s.value);
    expect(keys.length).toBeGreaterThan(20);
    expect(new Set(keys).size).toBe(keys.length);
    // S3 lists aws:RequestTag/${TagKey}-style global keys among its own; they appear once.
    expect(keys.filter((k) => k === 'aws:SourceIp')).toStrictEqual(['aws:SourceIp']);
    expect(keys.indexOf('s3:x-amz-acl')).toBeLessThan(keys.indexOf('aws:SourceIp'));
  }, 60_000);
});
