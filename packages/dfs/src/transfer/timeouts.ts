/** How long block transfers wait before they give up on a silent peer. */
export interface TransferTimeouts {
  connectMs: number;
  /** Longest silence while a transfer is in progress. */
  idleMs: number;
}

export const DEFAULT_TRANSFER_TIMEOUTS: TransferTimeouts = { connectMs: 5_000, idleMs: 30_000 };
