import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/io/export/csv';
import { ACCESS_COLUMNS, exportCsv, FINDING_COLUMNS } from '../../../src/io/export/exportCsv';
import { A, ALICE, BUCKET, C, DEPLOY, GRAPH, HOSTILE, ODD, PARTNER } from './fixtureGraph';
import { parseCsv } from './rfc4180';

describe('csvCell', () => {
  it('quotes exactly the fields that need it and doubles their quotes', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', 'cr\ronly', ''].map(csvCell)).toStrictEqual(['plain', '"a,b"', '"say ""hi"""', '"two\r\nlines"', '"lf\nonly"', '"cr\ronly"', '']);
  });

  it('keeps formulas from running: a leading = + - @ tab or CR becomes text', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=1', "'quoted"].map(csvCell)).toStrictEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`, 'a=1', "'quoted"]);
  });

  it('round-trips any table through a strict RFC 4180 reader, formula cells prefixed', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', 'é', '𝄞'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const read = parseCsv(toCsv(['a', 'b', 'c'], rows));
        const guarded = rows.map((row) => row.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
        expect(read).toStrictEqual([['a', 'b', 'c'], ...guarded]);
      }),
    );
  });
});

describe('exportCsv', () => {
  it('writes one access row per principal, resource and action', () => {
    const rows = parseCsv(exportCsv(GRAPH));
    const identity = `identity policy inline of ${ALICE} statement 0 (${HOSTILE})`;
    expect(rows).toStrictEqual([
      [...ACCESS_COLUMNS],
      [ALICE, 'user', A, BUCKET, `${BUCKET}/*`, A, 's3:GetObject', 'Read', 'allowed', '', '', identity],
      [ALICE, 'user', A, BUCKET, '', A, 's3:ListBucket', 'List', 'allowed', '', '', identity],
      [ALICE, 'user', A, BUCKET, `${BUCKET}/*`, A, 's3:PutObject', 'Tagging; Write', 'allowed', '', '', identity],
      [PARTNER, 'role', C, BUCKET, `${BUCKET}/*`, A, 's3:GetObject', 'Read', 'conditional', `needs StringEquals sts:ExternalId ${JSON.stringify([HOSTILE, 'plain'])}`, `${DEPLOY} -> ${ODD}`, `resource policy of ${BUCKET} statement 0 (Partner)`],
    ]);
  });

  it('writes the findings table, guarding a message that starts like a formula', () => {
    const rows = parseCsv(exportCsv(GRAPH, GRAPH.findings, 'findings'));
    expect(rows).toStrictEqual([
      [...FINDING_COLUMNS],
      ['high', 'missing-external-id', ODD, `\`${ODD}\` trusts \`${C}\``, 'trust trust', '1', '$.roles[0].trustPolicy.Statement[1]'],
      ['high', 'public-access', BUCKET, "'-1+1 everyone", '', '', ''],
      ['medium', 'external-access', BUCKET, 'partner reaches it', '', '', ''],
    ]);
  });

  it('exports only the findings it is given, and an empty table as its header', () => {
    const empty = { ...GRAPH, edges: [] };
    expect([exportCsv(empty), exportCsv(GRAPH, [], 'findings')]).toStrictEqual([`${ACCESS_COLUMNS.join(',')}\r\n`, `${FINDING_COLUMNS.join(',')}\r\n`]);
  });
});
