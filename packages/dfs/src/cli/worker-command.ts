/**
 * `flint worker --namenode HOST:PORT [--host H] [--port P] [--data DIR]`: the datanode half of a
 * worker. The flag definitions are exported so the worker command can add its executor's flags.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatAddress, parseAddress } from '../address.js';
import { DEFAULT_NAMENODE_PORT, defaultNamenode } from '../client/dfs-url.js';
import { startDatanode, type DatanodeHandle, type DatanodeOptions } from '../datanode/datanode.js';
import { integerFlag } from './flags.js';

export const DATANODE_USAGE = `usage: flint worker --namenode HOST:PORT [--host 127.0.0.1] [--port 0] [--data DIR]
  The namenode also comes from FLINT_NAMENODE. Without --data, blocks go to a new temporary directory.
  The heartbeat interval is set by the namenode.`;

export const datanodeArgOptions = {
  namenode: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
} as const;

export function datanodeOptionsFromValues(
  values: { namenode?: string; host?: string; port?: string; data?: string },
  env: NodeJS.ProcessEnv = process.env,
): DatanodeOptions {
  return {
    namenode: values.namenode ? parseAddress(values.namenode, DEFAULT_NAMENODE_PORT) : defaultNamenode(env),
    host: values.host ?? '127.0.0.1',
    port: integerFlag('port', values.port, 0),
    dataDir: values.data ?? mkdtempSync(join(tmpdir(), 'flint-datanode-')),
  };
}

export function parseDatanodeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DatanodeOptions {
  const { values } = parseArgs({ args: argv, strict: true, options: datanodeArgOptions });
  return datanodeOptionsFromValues(values, env);
}

/** Starts the datanode from command-line flags and prints its id and address. */
export async function runWorkerDatanodeCommand(argv: string[]): Promise<DatanodeHandle> {
  const options = parseDatanodeArgs(argv);
  const datanode = await startDatanode({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`datanode ${datanode.nodeId} listening on ${formatAddress(datanode.address)}\n`);
  return datanode;
}
