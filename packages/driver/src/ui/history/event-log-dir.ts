/**
 * The directory the history server reads: local, or in flint DFS (`dfs://host:port/dir`, or
 * `dfs:///dir` with FLINT_NAMENODE). Every regular file that does not start with `.` is taken
 * as one application's event log.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DfsClient, isDfsUrl, parseDfsUrl } from '@flint/dfs/client';

export interface LogFile {
  readonly name: string;
  /** Changes whenever the file grows or is rewritten. */
  readonly version: string;
}

export interface EventLogDir {
  readonly location: string;
  list(): Promise<LogFile[]>;
  read(name: string): Promise<string>;
  close(): void;
}

export async function openEventLogDir(dir: string): Promise<EventLogDir> {
  return isDfsUrl(dir) ? dfsDir(dir) : localDir(dir);
}

function localDir(dir: string): EventLogDir {
  const root = resolve(dir);
  let kind: ReturnType<typeof statSync> | undefined;
  try {
    kind = statSync(root);
  } catch {
    throw new Error(`event log directory not found: ${root}`);
  }
  if (!kind.isDirectory()) throw new Error(`not a directory: ${root}`);
  return {
    location: root,
    async list() {
      return readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => {
          const stat = statSync(join(root, entry.name));
          return { name: entry.name, version: `${stat.size}:${stat.mtimeMs}` };
        });
    },
    async read(name) {
      return readFileSync(join(root, name), 'utf8');
    },
    close() {},
  };
}

async function dfsDir(dir: string): Promise<EventLogDir> {
  const { namenode, path } = parseDfsUrl(dir);
  const client = await DfsClient.connect(namenode);
  try {
    const status = await client.stat(path);
    if (status.kind !== 'directory') throw new Error(`not a directory: ${dir}`);
  } catch (error) {
    client.close();
    throw error;
  }
  const base = path.endsWith('/') ? path : `${path}/`;
  return {
    location: dir,
    async list() {
      const entries = await client.list(path);
      return entries
        .filter((entry) => entry.kind === 'file')
        .map((entry) => ({ name: entry.path.slice(entry.path.lastIndexOf('/') + 1), version: `${entry.length}:${entry.modificationTime}` }))
        .filter((entry) => !entry.name.startsWith('.'));
    },
    async read(name) {
      return (await client.readFile(`${base}${name}`)).toString('utf8');
    },
    close: () => client.close(),
  };
}
