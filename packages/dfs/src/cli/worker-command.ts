/**
 * The datanode half of `flint worker --namenode HOST:PORT [--host H] [--port P] [--data DIR]`:
 * its flags, exported so the worker command (in @flint/worker) adds its executor's flags to them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAddress } from '../address.js';
import { DEFAULT_NAMENODE_PORT, defaultNamenode } from '../client/dfs-url.js';
import type { DatanodeOptions } from '../datanode/datanode.js';
import { integerFlag } from './flags.js';
import { secretArgOptions, SECRET_USAGE } from './secret-flags.js';

export const DATANODE_USAGE = `usage: flint worker --namenode HOST:PORT [--host 127.0.0.1] [--port 0] [--data DIR]
  The namenode also comes from FLINT_NAMENODE. Without --data, blocks go to a new temporary directory.
  The heartbeat interval is set by the namenode.
${SECRET_USAGE}`;

export const datanodeArgOptions = {
  namenode: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
  ...secretArgOptions,
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
