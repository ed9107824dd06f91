import { DEFAULT_FS_LIMITS, type FsLimits } from './fs-limits.js';

/** Namenode settings. Timing defaults are demo-sized (seconds), not HDFS's production minutes. */
export interface NamenodeConfig extends FsLimits {
  host: string;
  port: number;
  /** Port of the HTTP status page; undefined for none, 0 for any free port. */
  uiPort?: number;
  dataDir: string;
  heartbeatIntervalMs: number;
  /** How often dead nodes are looked for; also part of the dead-node timeout. */
  recheckIntervalMs: number;
  blockReportIntervalMs: number;
  replicationIntervalMs: number;
  /** A scheduled copy not confirmed within this time is scheduled again. */
  pendingReplicationTimeoutMs: number;
  maxTransfersPerHeartbeat: number;
  checkpointIntervalMs: number;
  checkpointEveryEdits: number;
  /** Fraction of blocks that must have a reported replica before safe mode ends. */
  safeModeThreshold: number;
  /** How long safe mode lasts after the threshold is reached, so more reports can arrive. */
  safeModeExtensionMs: number;
}

export function namenodeConfig(overrides: Partial<NamenodeConfig> & Pick<NamenodeConfig, 'dataDir'>): NamenodeConfig {
  const heartbeatIntervalMs = overrides.heartbeatIntervalMs ?? 1_000;
  return {
    host: '127.0.0.1',
    port: 9000,
    heartbeatIntervalMs,
    recheckIntervalMs: 2_000,
    blockReportIntervalMs: 60_000,
    replicationIntervalMs: heartbeatIntervalMs,
    pendingReplicationTimeoutMs: Math.max(10_000, 10 * heartbeatIntervalMs),
    maxTransfersPerHeartbeat: 4,
    checkpointIntervalMs: 60_000,
    checkpointEveryEdits: 1_000,
    safeModeThreshold: 0.999,
    safeModeExtensionMs: 3_000,
    ...DEFAULT_FS_LIMITS,
    ...overrides,
  };
}
