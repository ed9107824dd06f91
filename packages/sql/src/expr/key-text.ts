/**
 * The text several values are keyed by where a Map cannot key them by value (tuples, dates,
 * arrays, structs): their JSON with NaN, Infinity and -Infinity written as those words, since JSON
 * writes all three as null and would merge them with each other and with null. A key position
 * holds numbers or text, never both, so the words cannot meet a string; a long past 2^53 (a JS
 * bigint, which JSON refuses) is written as its digits and `n`. Written once as source:
 * generated code takes it as a helper (KEY_TEXT), spills call it as a function (keyText).
 */
export const KEY_TEXT = `function keyText(values) { return JSON.stringify(values, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? v + 'n' : v)); }`;

/**
 * The JSON text of a tuple of key values (several join or window keys, a struct group key):
 * JSON.stringify, whose speed it keeps, or where a value is a long past 2^53 (a JS bigint, which
 * JSON refuses) the key text. Equal tuples hold the same kinds of values, so take the same path.
 */
export const TUPLE_JSON_HELPERS: Readonly<Record<string, string>> = {
  keyText: KEY_TEXT,
  tupleJson: 'function tupleJson(values) { try { return JSON.stringify(values); } catch { return keyText(values); } }',
};

export const keyText = new Function(`${KEY_TEXT} return keyText;`)() as (values: unknown) => string;
