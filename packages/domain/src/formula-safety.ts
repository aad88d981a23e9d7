/**
 * Cells a spreadsheet cannot run. Excel, LibreOffice and Google Sheets read a cell that starts with
 * `=`, `+`, `-` or `@` (and, after a tab or carriage return, the same) as a formula, so a name such
 * as `=HYPERLINK(...)` typed into Conventio could run on an office's computer once exported. An
 * apostrophe in front makes any spreadsheet keep the cell as text.
 */

const TRIGGERS = /^'*[=+\-@\t\r]/;

/**
 * The text as written to a spreadsheet cell: prefixed with an apostrophe when it could run as a
 * formula. Text that already starts with apostrophes before a trigger gets one more, so that
 * `textOfInertCell` gives back exactly what was exported.
 */
export function inertCell(text: string): string {
  return TRIGGERS.test(text) ? `'${text}` : text;
}

/** The text a cell held before `inertCell`: one apostrophe in front of a formula trigger is dropped. */
export function textOfInertCell(text: string): string {
  return text.startsWith("'") && TRIGGERS.test(text.slice(1)) ? text.slice(1) : text;
}
