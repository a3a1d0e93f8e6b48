import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, minifyJson } from '../../../src/io/share/jsonText';

describe('minifyJson', () => {
  it('removes only whitespace: key order, duplicate keys, escapes and number spelling stay', () => {
    const text = '{\n  "b" : [1, 2.50, 1e3],\n  "a": "\\u002a\\n",\n  "b": {  }\n}';
    expect(minifyJson(text)).toBe('{"b":[1,2.50,1e3],"a":"\\u002a\\n","b":{}}');
  });

  it('gives JSON.stringify’s compact text for any value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(minifyJson(JSON.stringify(value, null, 3))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('returns undefined for text that is not strict JSON', () => {
    for (const text of ['', '{"a":}', '{"a":1,}', '// c\n{}', '{"a":1} x']) expect(minifyJson(text)).toBeUndefined();
  });
});

describe('formatJson', () => {
  it('indents like JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(formatJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it('is undone by minifyJson', () => {
    const text = '{"a":[{"b":[]},{}],"c":"x"}';
    expect(minifyJson(formatJson(text) ?? '')).toBe(text);
  });
});
