/** Picking parts of strings: left, right, split_part, find_in_set, elt, btrim, char/chr, unhex, unbase64. */
import { BinaryType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';
import { ARRAY_INDEX_HELPERS, invalidArrayIndexCode } from '../array-index-errors.js';

const S = Types.string;
const I = Types.int;

scalar('left', { args: 2, returns: S, coerce: () => [S, I], gen: ([s, n]) => `(${n} <= 0 ? '' : ${s}.substring(0, ${n}))` });
scalar('right', { args: 2, returns: S, coerce: () => [S, I], gen: ([s, n]) => `(${n} <= 0 ? '' : ${s}.substring(Math.max(${s}.length - ${n}, 0)))` });

/** split_part(str, delimiter, n): the n-th part (negative: from the end), '' past the parts; n = 0 is an error. */
const SPLIT_PART = `function sqlSplitPart(s, d, n) {
  if (n === 0) throw new Error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).');
  const parts = d === '' ? [s] : s.split(d);
  return parts[n > 0 ? n - 1 : parts.length + n] ?? '';
}`;
scalar('split_part', { args: 3, returns: S, coerce: () => [S, S, I], gen: ([s, d, n]) => `sqlSplitPart(${s}, ${d}, ${n})`, helpers: { sqlSplitPart: SPLIT_PART } });

/** find_in_set(str, list): the 1-based position of str among list's comma-separated items, 0 if absent or str has a comma. */
scalar('find_in_set', { args: 2, returns: I, coerce: all(S), gen: ([s, list]) => `(${s}.includes(',') ? 0 : ${list}.split(',').indexOf(${s}) + 1)` });

/** elt(n, a, b, ...): the n-th argument; an index past them is INVALID_ARRAY_INDEX under ANSI, else null. */
scalar('elt', {
  args: [2, Infinity],
  returns: S,
  coerce: (t) => [I, ...t.slice(1).map(() => S)],
  nullTolerant: true,
  nullableResult: true,
  gen: ([n, ...values], _, __, state, mode) =>
    `(${n} === null ? null : ${n} >= 1 && ${n} <= ${values.length} ? [${values.join(', ')}][${n} - 1] : ${invalidArrayIndexCode(n!, String(values.length), mode, state.errorContext())})`,
  ansiAware: true,
  helpers: ARRAY_INDEX_HELPERS,
});

/** btrim(str[, chars]): both ends stripped of the characters in chars (default a space). */
const BTRIM = `function sqlBtrim(s, chars) {
  let a = 0, b = s.length;
  while (a < b && chars.includes(s[a])) a++;
  while (b > a && chars.includes(s[b - 1])) b--;
  return s.substring(a, b);
}`;
scalar('btrim', { args: [1, 2], returns: S, coerce: all(S), gen: ([s, chars]) => `sqlBtrim(${s}, ${chars ?? `' '`})`, helpers: { sqlBtrim: BTRIM } });

/** char(n) / chr(n): the character of code n mod 256; '' for a negative n. */
scalar('char', { args: 1, returns: S, coerce: () => [Types.long], gen: ([n]) => `(${n} < 0 ? '' : String.fromCharCode(${n} % 256))`, aliases: ['chr'] });

const BINARY = new BinaryType();
/** unhex(str): the bytes of a hex string (an odd length gets a leading 0), null if it is not hex. */
scalar('unhex', {
  args: 1,
  returns: BINARY,
  coerce: all(S),
  nullableResult: true,
  gen: ([s]) => `(/^[0-9a-fA-F]*$/.test(${s}) ? new Uint8Array(Buffer.from(${s}.length % 2 === 1 ? '0' + ${s} : ${s}, 'hex')) : null)`,
});
scalar('unbase64', { args: 1, returns: BINARY, coerce: all(S), gen: ([s]) => `new Uint8Array(Buffer.from(${s}, 'base64'))` });
