/** Hash functions (pyspark.sql.functions' hash family). */
import { Column } from '../column.js';
import { fn, fnWithValues, flat, type ColumnOrName } from './call.js';

export const hash = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('hash', ...flat(cols));
export const xxhash64 = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('xxhash64', ...flat(cols));
export const crc32 = (c: ColumnOrName): Column => fn('crc32', c);
export const md5 = (c: ColumnOrName): Column => fn('md5', c);
export const sha = (c: ColumnOrName): Column => fn('sha', c);
export const sha1 = (c: ColumnOrName): Column => fn('sha1', c);
/** sha2(col, numBits): numBits one of 0 (= 256), 224, 256, 384, 512 (PySpark's check). */
export function sha2(c: ColumnOrName, numBits: number): Column {
  if (![0, 224, 256, 384, 512].includes(numBits)) throw new Error(`[VALUE_NOT_ALLOWED] Value for \`numBits\` has to be amongst the following values: [0, 224, 256, 384, 512].`);
  return fnWithValues('sha2', c, numBits);
}
