/**
 * grouping(col) and grouping_id(cols...): which grouping columns a row of ROLLUP / CUBE /
 * GROUPING SETS aggregates over. They have no row-level code: expanding the grouping sets
 * (optimizer/expand-grouping-sets.ts) replaces them by each set's constant; anywhere else the
 * analyzer rejects them.
 */
import { ByteType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

const onlyWithGroupingSets = (): string => {
  throw new Error('[UNSUPPORTED_GROUPING_EXPRESSION] grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.');
};

scalar('grouping', { args: 1, returns: new ByteType(), nullTolerant: true, gen: onlyWithGroupingSets });
scalar('grouping_id', { args: [0, Infinity], returns: Types.long, nullTolerant: true, gen: onlyWithGroupingSets });
