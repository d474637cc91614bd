// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with =, +, -, @, tab
// or carriage return is run as a formula when a CSV is opened in Excel or LibreOffice, so a
// keyword or brief title of "=HYPERLINK(...)" typed by one person runs on the machine of the
// person who exports it. Every CSV and XLSX cell Copydesk writes goes through `spreadsheetCell`.
//
// In the XLSX Copydesk writes (write-excel-file) a string cell is never a formula, but people open it and save
// it as CSV, and then it is: XLSX cells are escaped the same way, so both files read alike.

const TRIGGER = /^[=+\-@\t\r]/
// a plain number written as text ("-12", "+3.5") runs nothing; left alone it still sorts as a number
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/

/** A string that would start a formula gets a leading `'`; numbers, null and safe strings pass unchanged. */
export function spreadsheetCell<T>(value: T): T | string {
  if (typeof value !== 'string' || !TRIGGER.test(value) || PLAIN_NUMBER.test(value)) return value
  return `'${value}`
}

/** Every cell of a row, as `spreadsheetCell` leaves it. */
export const spreadsheetRow = <T>(row: readonly T[]): (T | string)[] => row.map(spreadsheetCell)
