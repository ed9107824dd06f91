/**
 * `flint dfs <command>`: put, get, cat, ls, rm, mkdir, du, setrep, fsck, report.
 * The namenode comes from `--namenode HOST:PORT` (anywhere on the line), a dfs://host:port URL
 * argument, or FLINT_NAMENODE; the cluster secret from `--secret-file FILE` (anywhere on the line)
 * or FLINT_SECRET. `flint dfs help CMD` and `flint dfs CMD --help` give a command's help.
 */
import { cat, get, put } from './dfs-file-commands.js';
import { fsck, report } from './dfs-admin-commands.js';
import { parseCommandLine, reportCommandEnd, UsageError } from './command-line.js';
import { DfsCommandContext, type CommandIo } from './dfs-context.js';
import { useSecretFile, useTlsFiles } from '@flint/net';
import { du, ls, mkdir, rm, setrep } from './dfs-namespace-commands.js';

type Subcommand = (argv: string[], context: DfsCommandContext) => Promise<number>;

const SUBCOMMANDS: Record<string, Subcommand> = { put, get, cat, ls, rm, mkdir, du, setrep, fsck, report };

export const DFS_USAGE = `usage: flint dfs [--namenode HOST:PORT] [--secret-file FILE] [--tls-ca FILE] <command> [args]
  put LOCAL PATH [--replication N] [--block-size BYTES] [--overwrite]
  get PATH LOCAL [--overwrite]        cat PATH...
  ls [-R] [PATH...]                   rm [-r] [-f] PATH...
  mkdir [-p] PATH...                  du [-s] [PATH...]
  setrep N PATH [--wait]              fsck [PATH] [--json]
  report [--json]
The namenode also comes from a dfs://HOST:PORT/path argument or FLINT_NAMENODE, the cluster
secret (a file of mode 0600) from FLINT_SECRET; --tls-ca (or FLINT_TLS_CA) for a cluster on TLS.
flint dfs help <command> (or flint dfs <command> --help) describes one command.`;

export async function runDfsCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let command = 'dfs';
  let context: DfsCommandContext | undefined;
  try {
    const { namenode, secretFile, tlsCa, rest } = extractConnectionFlags(argv);
    if (secretFile !== undefined) useSecretFile(secretFile);
    useTlsFiles({ ca: tlsCa });
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

/** `--namenode HOST:PORT`, `--secret-file FILE` and `--tls-ca FILE`, which every subcommand takes anywhere on its line. */
function extractConnectionFlags(argv: string[]): { namenode: string | undefined; secretFile: string | undefined; tlsCa: string | undefined; rest: string[] } {
  const flags: Record<string, string | undefined> = { namenode: undefined, 'secret-file': undefined, 'tls-ca': undefined };
  const hints: Record<string, string> = { namenode: 'HOST:PORT', 'secret-file': 'FILE', 'tls-ca': 'FILE' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = Object.keys(flags).find((flag) => argv[i] === `--${flag}` || argv[i].startsWith(`--${flag}=`));
    if (argv[i] === '--') {
      rest.push(...argv.slice(i));
      break;
    } else if (name === undefined) {
      rest.push(argv[i]);
    } else if (argv[i] === `--${name}`) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) throw new UsageError(`option '--${name}' needs a value (${hints[name]})`);
      flags[name] = value;
    } else {
      flags[name] = argv[i].slice(`--${name}=`.length);
    }
  }
  return { namenode: flags.namenode, secretFile: flags['secret-file'], tlsCa: flags['tls-ca'], rest };
}

function processIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
