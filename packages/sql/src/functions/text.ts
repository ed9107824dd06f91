/**
 * The string functions PySpark 3.5 and 4 added (replace, position, printf, chr, mask, luhn_check,
 * sentences), strings to bytes and back (encode, decode, to_binary, the UTF-8 checks), the URL
 * functions and AES encryption. Arguments typed `ColumnOrName` name a column when given as a string, as in PySpark
 * (use F.lit for a value); `charset` of encode/decode is a plain string, as PySpark's is.
 */
import type { Column } from '../column.js';
import { lit } from './core.js';
import { fn, fnWithValues, flat, type ColumnOrName } from './call.js';

/** The arguments given, up to the first left out (PySpark's optional trailing parameters). */
function upTo(...args: (ColumnOrName | undefined)[]): ColumnOrName[] {
  const missing = args.indexOf(undefined);
  return (missing < 0 ? args : args.slice(0, missing)) as ColumnOrName[];
}

export const replace = (src: ColumnOrName, search: ColumnOrName, replace?: ColumnOrName): Column => fn('replace', ...upTo(src, search, replace));
export const position = (substr: ColumnOrName, str: ColumnOrName, start?: ColumnOrName): Column => fn('position', ...upTo(substr, str, start));
export const printf = (format: ColumnOrName, ...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('printf', format, ...flat(cols));
export const chr = (n: ColumnOrName): Column => fn('chr', n);
/** mask(col, upperChar = 'X', lowerChar = 'x', digitChar = 'n', otherChar = null): PySpark passes every character, so the name shows them. */
export const mask = (col: ColumnOrName, upperChar?: ColumnOrName, lowerChar?: ColumnOrName, digitChar?: ColumnOrName, otherChar?: ColumnOrName): Column =>
  fn('mask', col, upperChar ?? lit('X'), lowerChar ?? lit('x'), digitChar ?? lit('n'), otherChar ?? lit(null));
export const luhn_check = (str: ColumnOrName): Column => fn('luhn_check', str);
export const quote = (col: ColumnOrName): Column => fn('quote', col);
/** sentences(string, language = '', country = ''): PySpark passes the empty defaults, so the name shows them. */
export const sentences = (string: ColumnOrName, language?: ColumnOrName, country?: ColumnOrName): Column =>
  fn('sentences', string, language ?? lit(''), country ?? lit(''));

export const encode = (col: ColumnOrName, charset: string): Column => fnWithValues('encode', col, charset);
export const decode = (col: ColumnOrName, charset: string): Column => fnWithValues('decode', col, charset);
export const to_binary = (col: ColumnOrName, format?: ColumnOrName): Column => fn('to_binary', ...upTo(col, format));
export const try_to_binary = (col: ColumnOrName, format?: ColumnOrName): Column => fn('try_to_binary', ...upTo(col, format));
export const is_valid_utf8 = (str: ColumnOrName): Column => fn('is_valid_utf8', str);
export const make_valid_utf8 = (str: ColumnOrName): Column => fn('make_valid_utf8', str);
export const validate_utf8 = (str: ColumnOrName): Column => fn('validate_utf8', str);
export const try_validate_utf8 = (str: ColumnOrName): Column => fn('try_validate_utf8', str);

export const url_encode = (str: ColumnOrName): Column => fn('url_encode', str);
export const url_decode = (str: ColumnOrName): Column => fn('url_decode', str);
export const try_url_decode = (str: ColumnOrName): Column => fn('try_url_decode', str);
export const parse_url = (url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column => fn('parse_url', ...upTo(url, partToExtract, key));
export const try_parse_url = (url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column => fn('try_parse_url', ...upTo(url, partToExtract, key));

/** aes_encrypt(input, key, mode = 'GCM', padding = 'DEFAULT', iv = '', aad = ''): PySpark passes the defaults, so the name shows them. */
export const aes_encrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, iv?: ColumnOrName, aad?: ColumnOrName): Column =>
  fn('aes_encrypt', input, key, mode ?? lit('GCM'), padding ?? lit('DEFAULT'), iv ?? lit(''), aad ?? lit(''));
export const aes_decrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, aad?: ColumnOrName): Column =>
  fn('aes_decrypt', input, key, mode ?? lit('GCM'), padding ?? lit('DEFAULT'), aad ?? lit(''));
export const try_aes_decrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, aad?: ColumnOrName): Column =>
  fn('try_aes_decrypt', input, key, mode ?? lit('GCM'), padding ?? lit('DEFAULT'), aad ?? lit(''));
