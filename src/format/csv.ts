/**
 * The one CSV writer (RFC 4180) for every export: chart points, alarm journal, command audit.
 * Topics, payloads and labels come from the network or from operators, so a text cell that a
 * spreadsheet would run as a formula (leading = + - @, tab or CR) gets a leading apostrophe
 * (OWASP "CSV injection"). Real numbers stay numbers: a reading of -3.5 must stay -3.5.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: empty for null/undefined, defused when formula-like, quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const defused = FORMULA_START.test(text) && !NUMBER.test(text);
  const safe = defused ? `'${text}` : text;
  // A defused cell is always quoted, so the apostrophe reads as part of the text, not as a marker.
  return defused || NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole document: CRLF line ends and a final CRLF, as RFC 4180 §2 writes it. */
export function csvDocument(rows: Iterable<readonly CsvValue[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
