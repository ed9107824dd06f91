/** One element-wise step of a fused chain on a task thread: its operation and its compiled function. */
import type { ElementOp } from '@flint/rdd';

export interface LiveStep {
  readonly op: ElementOp['op'];
  readonly fn: (...args: unknown[]) => unknown;
}
