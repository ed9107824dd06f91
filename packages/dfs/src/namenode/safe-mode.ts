/**
 * Safe mode: after a start-up the namenode knows its files but not where their blocks are.
 * Until datanodes have reported a replica of `threshold` of the blocks (and then for
 * `extensionMs` more, so stragglers can report) it refuses namespace changes and does not
 * re-replicate, since blocks that merely have not been reported yet would look lost.
 */
import { DfsError } from '../errors.js';
import type { SafeModeStatus } from '../protocol/client-namenode.js';

export class SafeMode {
  private on = true;
  private thresholdReachedAt: number | undefined;
  private reason = 'starting up';

  constructor(
    private readonly threshold: number,
    private readonly extensionMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get isOn(): boolean {
    return this.on;
  }

  update(totalBlocks: number, reportedBlocks: number): void {
    if (!this.on) return;
    const needed = Math.ceil(totalBlocks * this.threshold);
    if (reportedBlocks < needed) {
      this.thresholdReachedAt = undefined;
      this.reason = `${reportedBlocks} of ${totalBlocks} blocks reported; waiting for ${needed}`;
      return;
    }
    this.thresholdReachedAt ??= this.now();
    const left = this.thresholdReachedAt + this.extensionMs - this.now();
    if (totalBlocks === 0 || left <= 0) {
      this.on = false;
      this.reason = 'off';
      return;
    }
    this.reason = `${reportedBlocks} of ${totalBlocks} blocks reported; leaving in ${Math.ceil(left / 1000)} s`;
  }

  status(): SafeModeStatus {
    return { on: this.on, reason: this.on ? `safe mode is on: ${this.reason}` : 'safe mode is off' };
  }

  assertOff(operation: string): void {
    if (this.on) throw new DfsError('SAFE_MODE', `cannot ${operation}: namenode is in safe mode (${this.reason})`);
  }
}
