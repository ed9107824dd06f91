/**
 * Client ↔ datanode and datanode ↔ datanode block transfer. One operation per connection:
 *
 *   read:  → readBlock          ← readAccepted, data frames…, readDone   (or ← error at any point)
 *   write: → writeBlock, data frames…, writeEnd   ← writeAck             (or ← error)
 *
 * A writeBlock names the rest of the pipeline in `downstream`; the receiving datanode forwards
 * the header (minus itself) and every data frame to the first downstream node. The ack lists
 * every node that stored the block, so a writer learns about a pipeline that lost a member.
 */
import { datanodeLocation } from './common.js';
import { array, count, message, oneOfStrings, string, union, type Infer } from '@flint/net';

export const transferRequest = union(
  message('readBlock', { blockId: string, offset: count, length: count }),
  message('writeBlock', { blockId: string, downstream: array(datanodeLocation) }),
);
export type TransferRequest = Infer<typeof transferRequest>;

export const writeEnd = message('writeEnd', { length: count });

export const transferError = message('error', {
  code: oneOfStrings('CORRUPT_REPLICA', 'NOT_FOUND', 'INVALID_ARGUMENT', 'UNAVAILABLE', 'INTERNAL'),
  message: string,
});
export type TransferError = Infer<typeof transferError>;

export const readReply = union(message('readAccepted', { length: count }), message('readDone', {}), transferError);
export const writeReply = union(message('writeAck', { stored: array(string) }), transferError);
