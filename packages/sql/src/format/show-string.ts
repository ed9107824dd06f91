/**
 * `DataFrame.showString`: the table `show()` prints, byte for byte as Spark 4's
 * `Dataset.showString` builds it — a header of column names, `+---+` borders, cells
 * right-aligned (left-aligned when truncation is off), cells longer than `truncate` cut to
 * `truncate - 3` characters and `...`, the `only showing top n rows` footer, and the vertical
 * `-RECORD i---` layout. The text ends with a newline, as Spark's does (`show()` prints it with
 * one more, as PySpark's `print` does).
 */
import type { StructType } from '../types/complex-types.js';
import { cellText, type CellTextOptions } from './cell-text.js';
import { defaultTimeZone } from './datetime-text.js';
import { stringHalfWidth } from './display-width.js';
import { escapeMetaCharacters } from './escape.js';

const MIN_COLUMN_WIDTH = 3;

/**
 * @param rows the first `n + 1` rows (or fewer): one more than shown tells that there are more.
 *   A row is an array of values in column order, or an object keyed by column name.
 * @param truncate `true` cuts cells at 20 characters, `false` or 0 never, a number at that many.
 */
export function showString(
  rows: readonly unknown[],
  schema: StructType,
  n = 20,
  truncate: boolean | number = true,
  vertical = false,
  options: Partial<CellTextOptions> = {},
): string {
  if (!Number.isInteger(n)) throw new Error(`[NOT_INT] Argument \`n\` should be an int, got ${describe(n)}.`);
  if (typeof truncate !== 'boolean' && !Number.isInteger(truncate)) {
    throw new Error(`[NOT_BOOL] Argument \`truncate\` should be a bool or an int, got ${describe(truncate)}.`);
  }
  if (typeof vertical !== 'boolean') throw new Error(`[NOT_BOOL] Argument \`vertical\` should be a bool, got ${describe(vertical)}.`);
  const numRows = Math.max(n, 0);
  const limit = truncate === true ? 20 : truncate === false ? 0 : truncate;
  const cellOptions: CellTextOptions = { timeZone: options.timeZone ?? defaultTimeZone() };

  const header = schema.fields.map((f) => escapeMetaCharacters(f.name));
  const data = rows.slice(0, numRows).map((row) =>
    schema.fields.map((field, i) => {
      const value = Array.isArray(row) ? row[i] : (row as Record<string, unknown>)[field.name];
      return truncateCell(escapeMetaCharacters(cellText(value, field.dataType, cellOptions)), limit);
    }),
  );
  const hasMoreData = rows.length > numRows;

  let text = vertical ? verticalTable(header, data) : table(header, data, limit > 0);
  if (vertical && data.length === 0) text += '(0 rows)\n';
  else if (hasMoreData) text += `only showing top ${numRows} ${numRows === 1 ? 'row' : 'rows'}\n`;
  return text;
}

function truncateCell(text: string, limit: number): string {
  if (limit <= 0 || text.length <= limit) return text;
  // Spark does not add the ellipsis when truncating to fewer than 4 characters.
  return limit < 4 ? text.slice(0, limit) : `${text.slice(0, limit - 3)}...`;
}

/** Pads to a display width, counting wide characters twice (Spark pads by `length` adjusted for that). */
function pad(text: string, width: number, left: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - stringHalfWidth(text)));
  return left ? fill + text : text + fill;
}

function table(header: string[], data: string[][], alignRight: boolean): string {
  const widths = header.map((name, i) =>
    Math.max(MIN_COLUMN_WIDTH, stringHalfWidth(name), ...data.map((row) => stringHalfWidth(row[i]))),
  );
  const line = (cells: string[]): string => `|${cells.map((c, i) => pad(c, widths[i], alignRight)).join('|')}|\n`;
  const separator = `+${widths.map((w) => '-'.repeat(w)).join('+')}+\n`;
  return separator + line(header) + separator + data.map(line).join('') + separator;
}

function verticalTable(header: string[], data: string[][]): string {
  const nameWidth = Math.max(MIN_COLUMN_WIDTH, ...header.map(stringHalfWidth));
  const dataWidth = Math.max(MIN_COLUMN_WIDTH, ...data.flatMap((row) => row.map(stringHalfWidth)));
  return data
    .map((row, i) => {
      // "+ 5": the ' ', ' | ' and ' ' around a name and its value.
      const rowHeader = `-RECORD ${i}`.padEnd(nameWidth + dataWidth + 5, '-');
      const lines = row.map((cell, j) => ` ${pad(header[j], nameWidth, false)} | ${pad(cell, dataWidth, false)} `);
      return `${rowHeader}\n${lines.join('\n')}\n`;
    })
    .join('');
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
