/** Wire types shared by more than one boundary. */
import { count, object, string, type Infer } from '@flint/net';

/** Where a datanode serves block data. */
export const datanodeLocation = object({ nodeId: string, host: string, port: count });
export type DatanodeLocation = Infer<typeof datanodeLocation>;

export const emptyResponse = object({});
