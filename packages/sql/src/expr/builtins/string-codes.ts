/** soundex and regexp_instr, as Spark computes them. */
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';

const S = Types.string;

/**
 * Spark's UTF8String.soundex: the first letter and three digits; H and W neither count nor
 * separate equal codes, any other non-letter does; a string not starting with a letter is returned as is.
 */
const SOUNDEX = `function sqlSoundex(s) {
  const codes = '01230127022455012623017202';
  const letter = (c) => (/[A-Za-z]/.test(c) ? c.toUpperCase() : undefined);
  if (s.length === 0) return s;
  const first = letter(s[0]);
  if (first === undefined) return s;
  let out = first;
  let last = codes[first.charCodeAt(0) - 65];
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const u = letter(s[i]);
    if (u === undefined) { last = '0'; continue; }
    const code = codes[u.charCodeAt(0) - 65];
    if (code === '7') continue;
    if (code !== '0' && code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}`;


scalar('soundex', { args: 1, returns: S, coerce: all(S), gen: ([s]) => `sqlSoundex(${s})`, helpers: { sqlSoundex: SOUNDEX } });
