// CSV as spreadsheets read it (RFC 4180): fields separated by commas, records
// by CRLF, a field quoted when it holds a comma, a quote or a line break, and
// quotes doubled inside it.
//
// A cell that starts with = + - @, a tab or a carriage return is read by
// Excel, LibreOffice and Google Sheets as a formula ("CSV injection"): a
// student's name or a setting typed as `=HYPERLINK(…)` would run when a tutor
// opens the file. Such cells get a leading apostrophe, which spreadsheets show
// as plain text (OWASP's advice).

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One field, guarded against formulas and quoted where needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // Numbers are data, not formulas: -3 stays -3.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header row, then the rows, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
