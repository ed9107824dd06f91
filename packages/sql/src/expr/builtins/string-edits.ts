/** replace, locate/position, mask, luhn_check, sentences and quote, as Spark computes them. */
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';

const S = Types.string;

/** replace(str, search[, replace]): every occurrence, left to right; an empty search leaves str as it is. */
scalar('replace', {
  args: [2, 3],
  returns: S,
  coerce: all(S),
  // Spark's StringReplace fills in the empty replacement, which shows in its name: replace(a, b, ).
  pretty: ([s, search, by]) => `replace(${s}, ${search}, ${by ?? ''})`,
  gen: ([s, search, by]) => `(${search} === '' ? ${s} : ${s}.split(${search}).join(${by ?? `''`}))`,
});

/** locate / position(substr, str[, start]): 1-based, 0 when absent or start < 1; a null start gives 0 (Hive's rule, kept by Spark's StringLocate). */
for (const name of ['locate', 'position']) {
  scalar(name, {
    args: [2, 3],
    returns: Types.int,
    coerce: (t) => [S, S, Types.int].slice(0, t.length),
    nullTolerant: true,
    nullableResult: true,
    pretty: ([sub, s, start]) => `${name}(${sub}, ${s}, ${start ?? 1})`,
    gen: ([sub, s, start]) => {
      const from = start ?? '1';
      return `(${from} === null ? 0 : ${sub} === null || ${s} === null ? null : ${from} < 1 ? 0 : ${s}.indexOf(${sub}, ${from} - 1) + 1)`;
    },
  });
}

/**
 * mask(str, upperChar = 'X', lowerChar = 'x', digitChar = 'n', otherChar = NULL): each code point
 * replaced by its class's character (Java's isUpperCase, isLowerCase, isDigit); a null character
 * keeps that class as it is.
 */
const MASK = `function sqlMask(s, upper, lower, digit, other) {
  [['upperChar', upper], ['lowerChar', lower], ['digitChar', digit], ['otherChar', other]].forEach(([name, c]) => {
    if (c !== null && [...c].length !== 1) throw new Error('[DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE] Cannot resolve "mask" due to data type mismatch: Length of \`' + name + '\` should be 1. SQLSTATE: 42K09');
  });
  let out = '';
  for (const c of s) {
    const by = /\\p{Uppercase}/u.test(c) ? upper : /\\p{Lowercase}/u.test(c) ? lower : /\\p{Nd}/u.test(c) ? digit : other;
    out += by ?? c;
  }
  return out;
}`;
scalar('mask', {
  args: [1, 5],
  returns: S,
  coerce: all(S),
  nullTolerant: true,
  nullableResult: true,
  pretty: ([s, u, l, d, o]) => `mask(${s}, ${u ?? 'X'}, ${l ?? 'x'}, ${d ?? 'n'}, ${o ?? 'NULL'})`,
  gen: ([s, u, l, d, o]) => `(${s} === null ? null : sqlMask(${s}, ${u ?? `'X'`}, ${l ?? `'x'`}, ${d ?? `'n'`}, ${o ?? 'null'}))`,
  helpers: { sqlMask: MASK },
});

/** luhn_check(str): the Luhn checksum of a string of digits; false for an empty string or any other character. */
const LUHN = `function sqlLuhnCheck(s) {
  if (!/^[0-9]+$/.test(s)) return false;
  let sum = 0;
  for (let i = s.length - 1, second = false; i >= 0; i--, second = !second) {
    const d = (s.charCodeAt(i) - 48) * (second ? 2 : 1);
    sum += (d % 10) + Math.floor(d / 10);
  }
  return sum % 10 === 0;
}`;
scalar('luhn_check', { args: 1, returns: Types.boolean, coerce: all(S), gen: ([s]) => `sqlLuhnCheck(${s})`, helpers: { sqlLuhnCheck: LUHN } });

/**
 * sentences(str, language = '', country = ''): the sentences of str, each its words, as Java's
 * BreakIterator finds them (ICU's segmenter here); a word is a segment starting with a letter or
 * digit. No language and country is the root locale; a null language is en-US.
 */
const SENTENCES = `function sqlSentences(s, language, country) {
  const locale = language === null ? 'en-US' : language === '' ? undefined : country === null || country === '' ? language : language + '-' + country;
  const segmenter = (granularity) => { try { return new Intl.Segmenter(locale, { granularity }); } catch { return new Intl.Segmenter(undefined, { granularity }); } };
  const words = segmenter('word');
  return Array.from(segmenter('sentence').segment(s), ({ segment }) =>
    Array.from(words.segment(segment), (w) => w.segment).filter((w) => /^[\\p{L}\\p{N}]/u.test(w)));
}`;
scalar('sentences', {
  args: [1, 3],
  returns: Types.array(Types.array(S)),
  coerce: all(S),
  nullTolerant: true,
  nullableResult: true,
  pretty: ([s, language, country]) => `sentences(${s}, ${language ?? ''}, ${country ?? ''})`,
  gen: ([s, language, country]) => `(${s} === null ? null : sqlSentences(${s}, ${language ?? `''`}, ${country ?? `''`}))`,
  helpers: { sqlSentences: SENTENCES },
});

/** quote(str) (Spark 4.1): str in single quotes, each single quote in it escaped with a backslash. */
scalar('quote', { args: 1, returns: S, coerce: all(S), gen: ([s]) => `("'" + ${s}.replaceAll("'", "\\\\'") + "'")` });
