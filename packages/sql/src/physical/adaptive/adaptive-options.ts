/**
 * Adaptive query execution's settings, under Spark's names (`spark.sql.adaptive.*`) and Flint's
 * (`flint.sql.adaptive.*`), with Spark's defaults.
 */
import type { RuntimeConfig } from '../../session.js';

export interface AdaptiveOptions {
  /** `adaptive.enabled` (default true): re-plan the reader of each shuffle once its map outputs are measured. */
  readonly enabled: boolean;
  /**
   * `adaptive.advisoryPartitionSizeInBytes` (16 MB; Spark's is 64 MB): the size coalesced shuffle
   * partitions aim at. Smaller than Spark's because rows decoded into JavaScript arrays take about
   * four times their encoded size, and a task thread's heap is 256 MB by default.
   */
  readonly advisoryPartitionSize: number;
  /** `adaptive.coalescePartitions.minPartitionSize` (1 MB): no coalesced partition is aimed smaller. */
  readonly minPartitionSize: number;
  /** `adaptive.coalescePartitions.parallelismFirst` (true): aim at no fewer partitions than the default parallelism. */
  readonly parallelismFirst: boolean;
  readonly parallelism: number;
  /**
   * `adaptive.coalescePartitions.initialPartitionNum` (200, Spark's shuffle partitions): the
   * partitions a shuffled join hashes into before coalescing, so that no reduce task of a big join
   * holds more than its share (Flint's default shuffle partitions are only the parallelism).
   */
  readonly initialPartitionNum: number;
}

const MB = 1024 * 1024;

export function adaptiveOptions(conf: RuntimeConfig, parallelism: number): AdaptiveOptions {
  const setting = (key: string) => conf.get(`flint.sql.adaptive.${key}`) ?? conf.get(`spark.sql.adaptive.${key}`);
  const bytes = (key: string, fallback: number) => {
    const value = setting(key);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`flint.sql.adaptive.${key} must be a positive number, got '${value}'`);
    return n;
  };
  const flag = (key: string, fallback: boolean) => {
    const value = setting(key)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false') throw new Error(`flint.sql.adaptive.${key} must be true or false, got '${value}'`);
    return value === 'true';
  };
  return {
    enabled: flag('enabled', true),
    advisoryPartitionSize: bytes('advisoryPartitionSizeInBytes', 16 * MB),
    minPartitionSize: bytes('coalescePartitions.minPartitionSize', MB),
    parallelismFirst: flag('coalescePartitions.parallelismFirst', true),
    parallelism,
    initialPartitionNum: Math.round(bytes('coalescePartitions.initialPartitionNum', 200)),
  };
}
