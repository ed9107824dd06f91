/** `flint namenode [--host H] [--port P] [--http-port P] [--data DIR] [--secret-file F | --insecure] [timing flags]` */
import { formatAddress } from '../address.js';
import { namenodeConfig, type NamenodeConfig } from '../namenode/config.js';
import { startNamenode, type NamenodeHandle } from '../namenode/namenode.js';
import { parseCommandLine, UsageError, type ParsedCommandLine } from './command-line.js';
import { fractionFlag, integerFlag } from './flags.js';
import { applySecretFlags, secretArgOptions, SECRET_USAGE } from './secret-flags.js';

export const NAMENODE_USAGE = `usage: flint namenode [--host 127.0.0.1] [--port 9000] [--http-port 9870] [--data DIR]
       [--heartbeat-ms MS] [--recheck-ms MS] [--block-report-ms MS] [--replication-interval-ms MS]
       [--replication-max-streams 4]
       [--checkpoint-interval-ms MS] [--safe-mode-threshold F] [--safe-mode-extension-ms MS]
       [--max-component-length 255] [--max-directory-items 1048576] [--max-path-depth 1000]
${SECRET_USAGE}
  Starts the DFS namenode and cluster membership service (default data directory flint-data/namenode),
  with its cluster UI and JSON API on --http-port (--ui-port is the same flag; 0 picks a free port).
  A datanode is declared dead after 2 × recheck + 10 × heartbeat without heartbeats.
  --replication-max-streams is how many block copies one datanode is told to make per heartbeat
  (HDFS's dfs.namenode.replication.max-streams).
  FLINT_DFS_HEARTBEAT_MS and FLINT_DFS_RECHECK_MS set the defaults of the two timing flags.`;

const NAMENODE_COMMAND = {
  usage: NAMENODE_USAGE,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'http-port': { type: 'string' },
    'ui-port': { type: 'string' },
    data: { type: 'string' },
    'heartbeat-ms': { type: 'string' },
    'recheck-ms': { type: 'string' },
    'block-report-ms': { type: 'string' },
    'replication-interval-ms': { type: 'string' },
    'replication-max-streams': { type: 'string' },
    'checkpoint-interval-ms': { type: 'string' },
    'safe-mode-threshold': { type: 'string' },
    'safe-mode-extension-ms': { type: 'string' },
    ...secretArgOptions,
    'max-component-length': { type: 'string' },
    'max-directory-items': { type: 'string' },
    'max-path-depth': { type: 'string' },
  },
} as const;

export function parseNamenodeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): NamenodeConfig {
  return namenodeConfigFrom(parseCommandLine(argv, NAMENODE_COMMAND).values, env);
}

function namenodeConfigFrom(values: ParsedCommandLine<typeof NAMENODE_COMMAND.options>['values'], env: NodeJS.ProcessEnv): NamenodeConfig {
  const heartbeatIntervalMs = integerFlag('heartbeat-ms', values['heartbeat-ms'] ?? env.FLINT_DFS_HEARTBEAT_MS);
  const overrides: Partial<NamenodeConfig> = {
    host: values.host,
    port: integerFlag('port', values.port),
    uiPort: httpPort(values),
    heartbeatIntervalMs,
    recheckIntervalMs: integerFlag('recheck-ms', values['recheck-ms'] ?? env.FLINT_DFS_RECHECK_MS),
    blockReportIntervalMs: integerFlag('block-report-ms', values['block-report-ms']),
    replicationIntervalMs: integerFlag('replication-interval-ms', values['replication-interval-ms']),
    maxTransfersPerHeartbeat: positive('replication-max-streams', integerFlag('replication-max-streams', values['replication-max-streams'])),
    checkpointIntervalMs: integerFlag('checkpoint-interval-ms', values['checkpoint-interval-ms']),
    safeModeThreshold: fractionFlag('safe-mode-threshold', values['safe-mode-threshold']),
    safeModeExtensionMs: integerFlag('safe-mode-extension-ms', values['safe-mode-extension-ms']),
    maxComponentLength: positive('max-component-length', integerFlag('max-component-length', values['max-component-length'])),
    maxDirectoryItems: positive('max-directory-items', integerFlag('max-directory-items', values['max-directory-items'])),
    maxPathDepth: positive('max-path-depth', integerFlag('max-path-depth', values['max-path-depth'])),
  };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return namenodeConfig({ dataDir: values.data ?? 'flint-data/namenode', ...defined });
}

function httpPort(values: { 'http-port'?: string; 'ui-port'?: string }): number | undefined {
  if (values['http-port'] !== undefined && values['ui-port'] !== undefined) throw new UsageError('give --http-port or --ui-port, not both');
  return values['ui-port'] !== undefined ? integerFlag('ui-port', values['ui-port']) : integerFlag('http-port', values['http-port'], 9870);
}

function positive(flag: string, value: number | undefined): number | undefined {
  if (value === 0) throw new UsageError(`--${flag} must be at least 1`);
  return value;
}

/** Starts a namenode from command-line flags and prints where it listens (first line: the RPC address). */
export async function runNamenodeCommand(argv: string[]): Promise<NamenodeHandle> {
  const { values } = parseCommandLine(argv, NAMENODE_COMMAND);
  const config = namenodeConfigFrom(values, process.env);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  applySecretFlags('the namenode', values, log);
  const namenode = await startNamenode(config, {
    log,
    onFatal: () => process.exit(1),
  });
  process.stdout.write(`namenode listening on ${formatAddress(namenode.address)}\n`);
  if (namenode.uiAddress) process.stdout.write(`cluster UI on ${namenode.uiScheme}://${formatAddress(namenode.uiAddress)}/\n`);
  return namenode;
}
