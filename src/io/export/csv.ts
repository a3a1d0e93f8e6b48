/**
 * RFC 4180 CSV writing: CRLF line ends, a field quoted (with doubled quotes) exactly when it holds a comma,
 * a quote, CR or LF. Cells that a spreadsheet would run as a formula (OWASP "CSV Injection": a leading
 * `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'` so they stay text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, made formula-safe and quoted when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole table: the header row, then one row per record, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
