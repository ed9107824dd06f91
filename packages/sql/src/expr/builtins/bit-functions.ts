/** bit_count and bit_get / getbit, over a value's 64-bit two's complement as Spark reads it (Long.bitCount, value >> pos & 1). */
import { ByteType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

/** Set bits of the value as a long: a negative int is sign-extended (bit_count(-1) is 64), a boolean is 1 or 0. */
const BIT_COUNT = `function sqlBitCount(v) {
  if (typeof v === 'boolean') return v ? 1 : 0;
  let bits = BigInt.asUintN(64, BigInt(v)), n = 0;
  for (; bits !== 0n; bits &= bits - 1n) n++;
  return n;
}`;
scalar('bit_count', { args: 1, returns: Types.int, gen: ([v]) => `sqlBitCount(${v})`, helpers: { sqlBitCount: BIT_COUNT } });

/** The width of an integral type, which bounds bit_get's position. */
const BIT_WIDTH: Record<string, number> = { byte: 8, short: 16, integer: 32, long: 64 };
const bitWidth = (t: DataType | undefined) => BIT_WIDTH[t?.typeName() ?? ''] ?? 64;

const BIT_GET = `function sqlBitGet(v, pos, width, name) {
  if (pos < 0 || pos >= width) throw new Error('[INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE] The value of parameter(s) \`pos\` in \`' + name + '\` is invalid: expects an integer value in [0, ' + width + '), but got ' + pos + '. SQLSTATE: 22023');
  return Number((BigInt(v) >> BigInt(pos)) & 1n);
}`;
for (const name of ['bit_get', 'getbit']) {
  scalar(name, {
    args: 2,
    returns: new ByteType(),
    coerce: () => [undefined, Types.int],
    gen: ([v, pos], [t]) => `sqlBitGet(${v}, ${pos}, ${bitWidth(t)}, '${name}')`,
    helpers: { sqlBitGet: BIT_GET },
  });
}
