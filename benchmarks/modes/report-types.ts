/** The benchmark's results as written to benchmarks/results/modes-<date>.json. */
import type { BatchResult } from './batch-jobs.js';
import type { DegradationResult } from './degradation.js';
import type { IterativeResult } from './iterative.js';
import type { IdiomaticLrResult } from './idiomatic-lr/compare.js';
import type { CodecResult, ShuffleResult } from './micro.js';
import type { ScalingResult } from './scaling.js';
import type { SkaleOutcome } from './skale-peer.js';

export interface SkaleResults {
  readonly wordCount: SkaleOutcome<{ ms: number; distinctWords: number }>;
  readonly logisticRegression: SkaleOutcome<{ iterationMs: number[]; laterMs: number; firstMs: number }>;
}

export interface ModesReport {
  readonly date: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
  /** 1-minute load average at the start, after each part, and at the end (a shared machine). */
  readonly loadAverage: { readonly part: string; readonly load: number }[];
  readonly cluster: string;
  readonly iterations: number;
  /** Idiomatic logistic regression against the hand-written two-thread program. */
  readonly idiomaticLr: IdiomaticLrResult;
  readonly iterative: IterativeResult[];
  readonly batch: BatchResult[];
  readonly scaling: ScalingResult[];
  readonly codec: CodecResult[];
  readonly shuffle: ShuffleResult[];
  readonly degradation: DegradationResult[];
  readonly skale: SkaleResults;
  /** Runs started again because the engine's broadcast race failed them (see broadcast-race.ts). */
  readonly broadcastRaceRetries: string[];
  readonly elapsedMs: number;
}
