/**
 * Functions of where a row comes from and fresh values (Spark's nondeterministic expressions):
 * spark_partition_id(), monotonically_increasing_id() (the partition index in the upper 31 bits,
 * the row's position within the partition in the lower 33), input_file_name(),
 * input_file_block_start(), input_file_block_length() and uuid(). They
 * read the index of the partition the generated function runs over (not the task's, which a
 * coalesce shares among partitions) and count rows in a variable of that function.
 */
import { INPUT_FILE_BLOCK_LENGTH_CODE, INPUT_FILE_BLOCK_START_CODE, INPUT_FILE_NAME_CODE } from '../../io/input-file.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

scalar('spark_partition_id', { args: 0, returns: Types.int, nondeterministic: true, prettyName: 'SPARK_PARTITION_ID', gen: (_args, _types, _tz, state) => state.partitionIndex() });
scalar('monotonically_increasing_id', {
  args: 0,
  returns: Types.long,
  nondeterministic: true,
  // 2^33 = 8589934592: exact in a double for any partition index below 2^20.
  gen: (_args, _types, _tz, state) => {
    const next = state.temp();
    return `(${next} = ${next} === undefined ? ${state.partitionIndex()} * 8589934592 : ${next} + 1)`;
  },
});
scalar('input_file_name', { args: 0, returns: Types.string, nondeterministic: true, gen: () => INPUT_FILE_NAME_CODE });
scalar('input_file_block_start', { args: 0, returns: Types.long, nondeterministic: true, gen: () => INPUT_FILE_BLOCK_START_CODE });
scalar('input_file_block_length', { args: 0, returns: Types.long, nondeterministic: true, gen: () => INPUT_FILE_BLOCK_LENGTH_CODE });
scalar('uuid', { args: 0, returns: Types.string, nondeterministic: true, gen: () => `crypto.randomUUID()` });
