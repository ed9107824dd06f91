/** Text forms of generated values, shared by the table generators. */

const START_DATE_MS = Date.UTC(1992, 0, 1);
const DAY_MS = 86_400_000;

/** Days since 1992-01-01 (the spec's STARTDATE) of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - START_DATE_MS) / DAY_MS);
}

/** The last order date: ENDDATE (1998-12-31) minus 151 days (spec §4.2.3, O_ORDERDATE). */
export const LAST_ORDER_DAY = dayNumber(1998, 12, 31) - 151;
/** The spec's CURRENTDATE, 1995-06-17, which decides return flags and line statuses. */
export const CURRENT_DAY = dayNumber(1995, 6, 17);

const DATE_TEXT: string[] = [];
for (let d = 0; d <= dayNumber(1999, 12, 31); d++) {
  DATE_TEXT.push(new Date(START_DATE_MS + d * DAY_MS).toISOString().slice(0, 10));
}

/** `yyyy-MM-dd` of a day number. */
export function dateText(day: number): string {
  return DATE_TEXT[day];
}

/** A money amount held as integer cents, printed with two decimals (`-12.05`). */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${sign}${(abs - fraction) / 100}.${fraction < 10 ? '0' : ''}${fraction}`;
}

export function zeroPad9(n: number): string {
  return String(n).padStart(9, '0');
}

/** Phone numbers start with the country code nationkey + 10 (spec §4.2.2.9). */
export function phone(nationKey: number, draw: (low: number, high: number) => number): string {
  return `${nationKey + 10}-${draw(100, 999)}-${draw(100, 999)}-${draw(1000, 9999)}`;
}

const ADDRESS_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The spec's v-string: random characters, length in [minLength, maxLength]. */
export function address(draw: (low: number, high: number) => number, minLength: number, maxLength: number): string {
  const length = draw(minLength, maxLength);
  let s = '';
  for (let i = 0; i < length; i++) s += ADDRESS_CHARS[draw(0, ADDRESS_CHARS.length - 1)];
  return s;
}
