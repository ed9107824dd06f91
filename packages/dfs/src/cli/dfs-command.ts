/**
 * `flint dfs <command>`: put, get, cat, ls, rm, mkdir, du, setrep, fsck, report.
 * The namenode comes from `--namenode HOST:PORT` (anywhere on the line), a dfs://host:port URL
 * argument, or FLINT_NAMENODE. `flint dfs help CMD` and `flint dfs CMD --help` give a command's help.
 */
import { cat, get, put } from './dfs-file-commands.js';
import { fsck, report } from './dfs-admin-commands.js';
import { parseCommandLine, reportCommandEnd, UsageError } from './command-line.js';
import { DfsCommandContext, type CommandIo } from './dfs-context.js';
import { du, ls, mkdir, rm, setrep } from './dfs-namespace-commands.js';

type Subcommand = (argv: string[], context: DfsCommandContext) => Promise<number>;

const SUBCOMMANDS: Record<string, Subcommand> = { put, get, cat, ls, rm, mkdir, du, setrep, fsck, report };

export const DFS_USAGE = `usage: flint dfs [--namenode HOST:PORT] <command> [args]
  put LOCAL PATH [--replication N] [--block-size BYTES] [--overwrite]
  get PATH LOCAL [--overwrite]        cat PATH...
  ls [-R] [PATH...]                   rm [-r] [-f] PATH...
  mkdir [-p] PATH...                  du [-s] [PATH...]
  setrep N PATH [--wait]              fsck [PATH] [--json]
  report [--json]
The namenode also comes from a dfs://HOST:PORT/path argument or FLINT_NAMENODE.
flint dfs help <command> (or flint dfs <command> --help) describes one command.`;

export async function runDfsCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let command = 'dfs';
  let context: DfsCommandContext | undefined;
  try {
    const { namenode, rest } = extractNamenodeFlag(argv);
    const [name, ...args] = rest;
    if (name === undefined) throw new UsageError('missing command');
    if (name === 'help') return await runDfsCommand(args.length === 0 ? ['--help'] : [args[0], '--help'], io);
    if (name.startsWith('-')) {
      // --help, --version or an option no command takes.
      parseCommandLine(rest, { usage: DFS_USAGE, options: {} });
      throw new UsageError('missing command');
    }
    if (!Object.hasOwn(SUBCOMMANDS, name)) throw new UsageError(`unknown command '${name}'`);
    command = `dfs ${name}`;
    context = new DfsCommandContext(io, namenode);
    return await SUBCOMMANDS[name](args, context);
  } catch (error) {
    return reportCommandEnd(command, error, io);
  } finally {
    await context?.close();
  }
}

function extractNamenodeFlag(argv: string[]): { namenode: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let namenode: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      rest.push(...argv.slice(i));
      break;
    } else if (argv[i] === '--namenode') {
      namenode = argv[++i];
      if (namenode === undefined || namenode.startsWith('-')) throw new UsageError("option '--namenode' needs a value (HOST:PORT)");
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
