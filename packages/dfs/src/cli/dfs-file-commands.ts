/** `flint dfs put | get | cat`: moving bytes between local files and the DFS. */
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DfsError } from '../errors.js';
import { parseCommandLine, UsageError } from './command-line.js';
import type { DfsCommandContext } from './dfs-context.js';
import { byteSizeFlag, integerFlag } from './flags.js';

const PUT = {
  usage: `usage: flint dfs put LOCAL PATH [--replication N] [--block-size BYTES] [--overwrite]
  Copies a local file (- for stdin) to PATH, or into PATH if it is a directory.`,
  options: { replication: { type: 'string' }, 'block-size': { type: 'string' }, overwrite: { type: 'boolean', short: 'f' } },
  args: { min: 2, max: 2 },
} as const;

const GET = {
  usage: `usage: flint dfs get PATH LOCAL [--overwrite]
  Copies a DFS file to a local file, or into LOCAL if it is a directory.`,
  options: { overwrite: { type: 'boolean', short: 'f' } },
  args: { min: 2, max: 2 },
} as const;

const CAT = { usage: 'usage: flint dfs cat PATH...\n  Writes DFS files to stdout.', options: {}, args: { min: 1, max: Infinity } } as const;

export async function put(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, PUT);
  const [local, remote] = positionals;
  const replication = integerFlag('replication', values.replication);
  const blockSize = byteSizeFlag('block-size', values['block-size']);
  if (replication === 0) throw new UsageError('--replication must be at least 1');
  if (blockSize === 0) throw new UsageError('--block-size must be positive');
  if (local !== '-') await requireLocalFile(local);
  const client = await context.connect();
  let path = context.dfsPath(remote);
  const target = await client.stat(path).catch(() => undefined);
  if (target?.kind === 'directory') path = `${path === '/' ? '' : path}/${basename(local)}`;
  const source = local === '-' ? context.io.stdin : createReadStream(local, { highWaterMark: 1024 * 1024 });
  const status = await client.writeFile(path, source as AsyncIterable<Uint8Array>, { replication, blockSize, overwrite: values.overwrite });
  const live = (await client.liveNodes()).length;
  if (status.replication > live) {
    context.io.stderr.write(`warning: ${path} asks for ${status.replication} replicas but only ${live} datanodes are live; it stays under-replicated\n`);
  }
  return 0;
}

export async function get(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, GET);
  const path = context.dfsPath(positionals[0]);
  let local = positionals[1];
  const localStat = await stat(local).catch(() => undefined);
  if (localStat?.isDirectory()) local = join(local, basename(path));
  else if (localStat && !values.overwrite) throw new DfsError('ALREADY_EXISTS', `${local} already exists (use --overwrite to replace it)`);
  const input = await (await context.connect()).open(path);
  const partial = `${local}.__COPYING__`;
  const output = await open(partial, 'w');
  try {
    for await (const bytes of input.stream()) await output.write(bytes);
    await output.close();
    await rename(partial, local);
  } catch (error) {
    await output.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  return 0;
}

export async function cat(argv: string[], context: DfsCommandContext): Promise<number> {
  const { positionals } = parseCommandLine(argv, CAT);
  const client = await context.connect();
  for (const argument of positionals) {
    const input = await client.open(context.dfsPath(argument));
    for await (const bytes of input.stream()) {
      if (!context.io.stdout.write(bytes)) await new Promise((resolve) => context.io.stdout.once('drain', resolve));
    }
  }
  return 0;
}

async function requireLocalFile(path: string): Promise<void> {
  const local = await stat(path).catch(() => undefined);
  if (!local) throw new DfsError('NOT_FOUND', `${path}: no such local file`);
  if (!local.isFile()) throw new DfsError('INVALID_ARGUMENT', `${path} is not a regular file`);
}
