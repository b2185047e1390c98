/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and a
 * resident's free text ends up in cells; a leading apostrophe makes the spreadsheet show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quotes fields with these; leading and trailing spaces are quoted too, so no reader trims them. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';

/** A whole CSV file: CRLF line ends (RFC 4180) and a byte order mark, without which Excel reads UTF-8 Chinese as mojibake. */
export function csvDocument(lines: string[]): string {
  return BYTE_ORDER_MARK + lines.map(line => line + LINE_END).join('');
}
