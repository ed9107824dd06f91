/**
 * Spark's `Utils.stringHalfWidth`: the width of text in a fixed-width terminal, where East Asian
 * full-width characters take two columns. Counted in UTF-16 code units, as Java strings are.
 */
const FULL_WIDTH =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

export function stringHalfWidth(text: string): number {
  const wide = text.match(FULL_WIDTH);
  return text.length + (wide === null ? 0 : wide.length);
}
