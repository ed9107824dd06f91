/**
 * `flint dfs <command>`: put, get, cat, ls, rm, mkdir, du, setrep, fsck, report.
 * The namenode comes from `--namenode HOST:PORT` (anywhere on the line), a dfs://host:port URL
 * argument, or FLINT_NAMENODE. Errors print one line to stderr and give exit code 1.
 */
import { DfsError } from '../errors.js';
import { cat, get, put } from './dfs-file-commands.js';
import { fsck, report } from './dfs-admin-commands.js';
import { DfsCommandContext, type CommandIo } from './dfs-context.js';
import { du, ls, mkdir, rm, setrep } from './dfs-namespace-commands.js';
import { reportFailure } from './flags.js';

type Subcommand = (argv: string[], context: DfsCommandContext) => Promise<number>;

const SUBCOMMANDS: Record<string, Subcommand> = { put, get, cat, ls, rm, mkdir, du, setrep, fsck, report };

export const DFS_USAGE = `usage: flint dfs [--namenode HOST:PORT] <command> [args]
  put LOCAL PATH [--replication N] [--block-size BYTES] [--overwrite]
  get PATH LOCAL [--overwrite]        cat PATH...
  ls [-R] [PATH...]                   rm [-r] [-f] PATH...
  mkdir [-p] PATH...                  du [-s] [PATH...]
  setrep N PATH [--wait]              fsck [PATH] [--json]
  report [--json]`;

export async function runDfsCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let parsed: { namenode: string | undefined; rest: string[] };
  try {
    parsed = extractNamenodeFlag(argv);
  } catch (error) {
    return reportFailure('dfs', error, io.stderr);
  }
  const [name, ...args] = parsed.rest;
  const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!subcommand) {
    io.stderr.write(`${name === undefined ? '' : `flint dfs: unknown command "${name}"\n`}${DFS_USAGE}\n`);
    return 2;
  }
  const context = new DfsCommandContext(io, parsed.namenode);
  try {
    return await subcommand(args, context);
  } catch (error) {
    return reportFailure(`dfs ${name}`, error, io.stderr);
  } finally {
    await context.close();
  }
}

function extractNamenodeFlag(argv: string[]): { namenode: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let namenode: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--namenode') {
      namenode = argv[++i];
      if (namenode === undefined) throw new DfsError('INVALID_ARGUMENT', '--namenode needs HOST:PORT');
    } else if (argv[i].startsWith('--namenode=')) {
      namenode = argv[i].slice('--namenode='.length);
    } else {
      rest.push(argv[i]);
    }
  }
  return { namenode, rest };
}

function processIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
