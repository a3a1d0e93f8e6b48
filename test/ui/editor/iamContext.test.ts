import { describe, expect, it } from 'vitest';
import { slotAtCursor, slotAtHover } from '../../../src/ui/editor/iamContext';

/** The text with `|` removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const POLICY = '{"Statement":[{"Effect":"Allow","Action":["s3:Get|Object","kms:Decrypt"],"Resource":"*"}]}';

describe('IAM slots for completion', () => {
  it('finds an action being typed in a statement, in an array or alone', () => {
    const [text, offset] = at(POLICY);
    expect(slotAtCursor(text, offset)).toStrictEqual({
      kind: 'action',
      prefix: 's3:Get',
      start: text.indexOf('s3:'),
      end: text.indexOf('Object') + 6,
      quoted: true,
    });
    const [single, o2] = at(
      '{"roles":[{"trustPolicy":{"Statement":{"Effect":"Allow","NotAction":"sts:|"}}}]}',
    );
    expect(slotAtCursor(single, o2)).toMatchObject({ kind: 'action', prefix: 'sts:' });
    const [assertion, o3] = at('{"assertions":[{"action":"s3|"}]}');
    expect(slotAtCursor(assertion, o3)).toMatchObject({ kind: 'action', prefix: 's3' });
  });

  it('offers an unquoted insertion after `[`, and nothing outside IAM places', () => {
    const [text, offset] = at('{"Statement":[{"Action":[|]}]}');
    expect(slotAtCursor(text, offset)).toStrictEqual({
      kind: 'action',
      prefix: '',
      start: offset,
      end: offset,
      quoted: false,
    });
    const [other, o2] = at('{"Statement":[{"Resource":"arn:|"}]}');
    expect(slotAtCursor(other, o2)).toBeUndefined();
    const [name, o3] = at('{"users":[{"Action":"s3:|"}]}');
    expect(slotAtCursor(name, o3)).toBeUndefined();
  });

  it('tells operators from condition keys, with the statement’s services', () => {
    const [op, o1] = at('{"Statement":[{"Action":"s3:GetObject","Condition":{"String|"}}]}');
    expect(slotAtCursor(op, o1)).toMatchObject({ kind: 'operator', prefix: 'String' });
    const [key, o2] = at(
      '{"Statement":[{"Action":["s3:GetObject","KMS:Decrypt"],"Condition":{"StringEquals":{"aws:Pr|"}}}]}',
    );
    expect(slotAtCursor(key, o2)).toMatchObject({
      kind: 'conditionKey',
      prefix: 'aws:Pr',
      services: ['s3', 'kms'],
    });
  });
});

describe('IAM slots for hover', () => {
  it('names the whole word under the mouse', () => {
    const [text, offset] = at(POLICY);
    expect(slotAtHover(text, offset)).toMatchObject({ kind: 'action', value: 's3:GetObject' });
    const [op, o1] = at(
      '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEq|uals":{"aws:SourceAccount":"1"}}}]}',
    );
    expect(slotAtHover(op, o1)).toMatchObject({ kind: 'operator', value: 'StringEquals' });
    const [key, o2] = at(
      '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:Source|Account":"1"}}}]}',
    );
    expect(slotAtHover(key, o2)).toMatchObject({
      kind: 'conditionKey',
      value: 'aws:SourceAccount',
      services: ['s3'],
    });
    const [value, o3] = at('{"Statement":[{"Condition":{"StringEquals":{"aws:SourceAccount":"12|3"}}}]}');
    expect(slotAtHover(value, o3)).toBeUndefined();
  });
});
