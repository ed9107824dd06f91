/**
 * The common forms of number and date texts read where they stand in a larger text (a CSV line),
 * so the fast CSV reader slices no field string for them; parse-value.ts reads whole field texts
 * through the same functions. Each returns undefined for any other form, which the general
 * parsers then read.
 */
import { daysFromCivil, daysInMonth } from './calendar.js';

/** 10^k, exact as doubles for k <= 22. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of text[start, end) when it is an optional '-' and at most 15 characters of digits,
 * or (unless `integral`) digits, '.' and digits. With at most 15 digits the digits are an exact
 * integer m, and m / 10^k is one correctly rounded division: the double nearest the decimal
 * value, as Java's parseDouble and JavaScript's Number give it (Clinger's fast path).
 */
export function plainNumberAt(text: string, start: number, end: number, integral: boolean): number | undefined {
  const first = text.charCodeAt(start) === 45 ? start + 1 : start;
  if (end === first || end - first > 15) return undefined;
  let value = 0;
  let i = first;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  if (i < end) {
    if (integral || i === first || i === end - 1 || text.charCodeAt(i) !== 46) return undefined;
    for (let j = i + 1; j < end; j++) {
      const d = text.charCodeAt(j) - 48;
      if (d < 0 || d > 9) return undefined;
      value = value * 10 + d;
    }
    value /= POWERS_OF_TEN[end - i - 1];
  }
  return first > start ? -value : value;
}


function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** text[start, end) in the form `yyyy-MM-dd` (a year from 100) as days since 1970-01-01. */
export function isoDateAt(text: string, start: number, end: number): number | undefined {
  if (end - start !== 10 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return undefined;
  const year = digit(text, start) * 1000 + digit(text, start + 1) * 100 + digit(text, start + 2) * 10 + digit(text, start + 3);
  const month = digit(text, start + 5) * 10 + digit(text, start + 6);
  const day = digit(text, start + 8) * 10 + digit(text, start + 9);
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  return daysFromCivil(year, month, day);
}
