/** `flint dfs ls | rm | mkdir | du | setrep`: looking at and changing the namespace. */
import { DfsError } from '../errors.js';
import type { FileStatus } from '../protocol/client-namenode.js';
import { parseCommandLine, UsageError } from './command-line.js';
import type { DfsCommandContext } from './dfs-context.js';
import { integerFlag } from './flags.js';

const ANY = { min: 0, max: Infinity } as const;
const SOME = { min: 1, max: Infinity } as const;

const LS = {
  usage: 'usage: flint dfs ls [-R] [PATH...]\n  Lists directories (default /); -R recurses.',
  options: { recursive: { type: 'boolean', short: 'R' } },
  args: ANY,
} as const;

const RM = {
  usage: 'usage: flint dfs rm [-r] [-f] PATH...\n  Deletes files; -r deletes directories with their contents, -f ignores missing paths.',
  options: { recursive: { type: 'boolean', short: 'r' }, R: { type: 'boolean' }, force: { type: 'boolean', short: 'f' } },
  args: SOME,
} as const;

const MKDIR = {
  usage: 'usage: flint dfs mkdir [-p] PATH...\n  Creates directories; -p creates missing parents and accepts existing ones.',
  options: { parents: { type: 'boolean', short: 'p' } },
  args: SOME,
} as const;

const DU = {
  usage: 'usage: flint dfs du [-s] [PATH...]\n  Bytes and bytes with replicas of each entry under PATH (default /); -s one line per PATH.',
  options: { summary: { type: 'boolean', short: 's' } },
  args: ANY,
} as const;

const SETREP = {
  usage: 'usage: flint dfs setrep N PATH [--wait [--timeout-s S]]\n  Sets the replication of a file or of every file under a directory; --wait waits until every block has N replicas.',
  options: { wait: { type: 'boolean', short: 'w' }, 'timeout-s': { type: 'string' } },
  args: { min: 2, max: 2 },
} as const;

export async function ls(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, LS);
  const client = await context.connect();
  const visit = async (path: string): Promise<void> => {
    for (const status of await client.list(path)) {
      context.print(formatStatus(status));
      if (values.recursive && status.kind === 'directory') await visit(status.path);
    }
  };
  for (const argument of positionals.length > 0 ? positionals : ['/']) await visit(context.dfsPath(argument));
  return 0;
}

export async function rm(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, RM);
  const client = await context.connect();
  for (const argument of positionals) {
    const path = context.dfsPath(argument);
    if (values.force && !(await client.exists(path))) continue;
    await client.delete(path, Boolean(values.recursive || values.R));
    context.print(`Deleted ${path}`);
  }
  return 0;
}

export async function mkdir(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, MKDIR);
  const client = await context.connect();
  for (const argument of positionals) {
    const path = context.dfsPath(argument);
    if (!values.parents) {
      if (await client.exists(path)) throw new DfsError('ALREADY_EXISTS', `${path} already exists`);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      const parentStatus = await client.stat(parent).catch(() => undefined);
      if (parentStatus?.kind !== 'directory') throw new DfsError('NOT_FOUND', `${parent}: no such directory (use -p to create parents)`);
    }
    await client.mkdirs(path);
  }
  return 0;
}

export async function du(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, DU);
  const client = await context.connect();
  for (const argument of positionals.length > 0 ? positionals : ['/']) {
    const path = context.dfsPath(argument);
    const entries = values.summary ? [await client.stat(path)] : await client.list(path);
    for (const entry of entries) {
      const summary = await client.contentSummary(entry.path);
      context.print(`${String(summary.length).padStart(12)}  ${String(summary.spaceConsumed).padStart(12)}  ${entry.path}`);
    }
  }
  return 0;
}

export async function setrep(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, SETREP);
  const replication = Number(positionals[0]);
  if (!Number.isSafeInteger(replication) || replication < 1) throw new UsageError(`replication must be a positive integer, got "${positionals[0]}"`);
  const path = context.dfsPath(positionals[1]);
  const client = await context.connect();
  const files = await filesUnder(path, context);
  for (const file of files) await client.setReplication(file, replication);
  context.print(`Replication ${replication} set: ${files.length === 1 ? files[0] : `${files.length} files under ${path}`}`);
  if (!values.wait) return 0;
  const live = (await client.liveNodes()).length;
  if (replication > live) throw new DfsError('INVALID_ARGUMENT', `cannot wait for ${replication} replicas: only ${live} datanodes are live`);
  const deadline = Date.now() + 1000 * (integerFlag('timeout-s', values['timeout-s']) ?? 300);
  for (;;) {
    const report = await client.fsck(path);
    const pending = report.files.flatMap((file) => file.blocks).filter((block) => block.live.length !== replication).length;
    if (pending === 0) break;
    if (Date.now() > deadline) throw new DfsError('TIMEOUT', `${pending} blocks under ${path} still lack ${replication} replicas`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  context.print(`Every block of ${path} has ${replication} replicas`);
  return 0;
}

async function filesUnder(path: string, context: DfsCommandContext): Promise<string[]> {
  const client = await context.connect();
  const status = await client.stat(path);
  if (status.kind === 'file') return [path];
  const files: string[] = [];
  for (const entry of await client.list(path)) files.push(...(await filesUnder(entry.path, context)));
  return files;
}

export function formatStatus(status: FileStatus): string {
  const time = new Date(status.modificationTime).toISOString().slice(0, 16).replace('T', ' ');
  const kind = status.kind === 'directory' ? 'drwxr-xr-x' : '-rw-r--r--';
  const replication = status.kind === 'directory' ? '-' : String(status.replication);
  return `${kind} ${replication.padStart(3)} ${String(status.length).padStart(12)} ${time} ${status.path}`;
}
