/**
 * The text several values are keyed by where a Map cannot key them by value (tuples, dates,
 * arrays, structs): their JSON with NaN, Infinity and -Infinity written as those words, since JSON
 * writes all three as null and would merge them with each other and with null. A key position
 * holds numbers or text, never both, so the words cannot meet a string. Written once as source:
 * generated code takes it as a helper (KEY_TEXT), spills call it as a function (keyText).
 */
export const KEY_TEXT = `function keyText(values) { return JSON.stringify(values, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)); }`;

export const keyText = new Function(`${KEY_TEXT} return keyText;`)() as (values: unknown) => string;
